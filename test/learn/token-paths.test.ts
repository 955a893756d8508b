import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { createTempRepo } from '../helpers/repo.js';
import { fakeAwsAccessKeyId, fakeGithubToken } from '../risk/secret-parts.js';

interface CountsText {
  paths: string[];
  folders: string[];
  messages: { scopes: Array<[string, number]> };
}

test('model fossil masks history tokens', () => {
  const token = fakeGithubToken();
  const keyId = fakeAwsAccessKeyId();
  const repo = createTempRepo();
  try {
    for (let index = 0; index < 4; index++) {
      repo.write(`keys/${token}.txt`, `v${index}\n`);
      repo.write(`cfg/${keyId}/region.js`, `export const region = ${index};\n`);
      repo.write('src/app.js', `export const version = ${index};\n`);
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', `fix(${keyId}): rotate ${index}`], {
        env: { FOOTPRINT: '0' },
      });
    }

    const result = repo.footprint(['learn', '--debug']);
    const dir = path.join(repo.dir, 'fossils');
    const [model] = readdirSync(dir).filter((name) => name.includes('-model-'));
    const text = readFileSync(path.join(dir, model ?? 'missing'), 'utf8');
    const packed = (JSON.parse(text) as { payload: { counts: string } }).payload.counts;
    const counts = gunzipSync(Buffer.from(packed, 'base64')).toString('utf8');
    const parsed = JSON.parse(counts) as CountsText;

    assert.equal(result.status, 0, result.stderr);
    for (const [where, written] of Object.entries({ text, counts, output: result.stdout })) {
      assert.equal(written.includes(token), false, `${where} holds the GitHub token`);
      assert.equal(written.includes(keyId), false, `${where} holds the AWS key id`);
    }
    assert.equal(result.stderr.includes(keyId), false, 'debug output holds the AWS key id');
    assert.ok(parsed.paths.includes('keys/ghp_********.txt'), parsed.paths.join(', '));
    assert.ok(parsed.paths.includes('src/app.js'), parsed.paths.join(', '));
    assert.ok(parsed.folders.includes('cfg/AKIA********'), parsed.folders.join(', '));
    assert.deepEqual(parsed.messages.scopes, [['AKIA********', 4]]);
  } finally {
    repo.cleanup();
  }
});
