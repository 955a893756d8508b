import assert from 'node:assert/strict';
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, test } from 'node:test';

import { validateDocument } from '../../src/schemas-runtime/validators.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

/** Overwrites the loose object file of `oid` with bytes that zlib cannot inflate. */
function damageObject(created: TempRepo, oid: string): void {
  const file = path.join(created.dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2));
  chmodSync(file, 0o644);
  writeFileSync(file, 'garbage');
}

/** Stages b.txt and damages its blob, beside a staged deletion when `deleteOther` is set. */
function stageCorruptBlob(options: { deleteOther: boolean }): { created: TempRepo; oid: string } {
  const created = createTempRepo();
  created.write('a.txt', 'alpha\n');
  created.git(['add', 'a.txt']);
  created.git(['commit', '-qm', 'chore: start']);
  created.write('b.txt', 'x\n');
  created.git(['add', 'b.txt']);
  // A staged deletion beside the addition makes rename detection read the damaged blob first.
  if (options.deleteOther) created.git(['rm', '-q', '--cached', 'a.txt']);
  const oid = created.git(['rev-parse', ':b.txt']).trim();
  damageObject(created, oid);
  return { created, oid };
}

for (const reader of ['native', 'cli']) {
  describe(`corrupt object with the ${reader} reader`, () => {
    const env = { FOOTPRINT_READER: reader };

    for (const deleteOther of [false, true]) {
      const situation = deleteOther ? 'beside a deletion' : 'alone';
      test(`analyze names corrupt blob ${situation}`, () => {
        const { created, oid } = stageCorruptBlob({ deleteOther });
        repo = created;

        const result = created.footprint(['analyze', '--color', 'never'], { env });

        assert.equal(result.status, 2, result.stderr);
        assert.match(result.stderr, new RegExp(`staged blob ${oid} of b\\.txt cannot be read`));
        assert.match(result.stderr, /incorrect header check/);
        assert.match(result.stderr, /`git fsck --full`/);
        assert.doesNotMatch(result.stderr, /is missing/);
        assert.doesNotMatch(result.stderr, /internal error|Crash report|Please report/);
      });
    }

    test('analyze --json error document', () => {
      const { created, oid } = stageCorruptBlob({ deleteOther: false });
      repo = created;

      const result = created.footprint(['analyze', '--json'], { env });
      const document = JSON.parse(result.stdout) as {
        error: { message: string; exitCode: number };
      };

      assert.equal(result.status, 2, result.stderr);
      assert.deepEqual(validateDocument('error', document), []);
      assert.equal(document.error.exitCode, 2);
      assert.ok(document.error.message.includes(`${oid} of b.txt`), document.error.message);
      assert.match(document.error.message, /cannot be read: .*incorrect header check/);
    });

    test('precommit lets the commit through', () => {
      const { created, oid } = stageCorruptBlob({ deleteOther: false });
      repo = created;

      const result = created.footprint(['precommit', '--color', 'never'], { env });

      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stderr, new RegExp(`staged blob ${oid} of b\\.txt cannot be read`));
      assert.match(result.stderr, /The commit goes ahead without checks\./);
      assert.doesNotMatch(result.stderr, /internal error|Crash report|Please report/);
    });

    test('precommit with failClosed blocks', () => {
      const { created, oid } = stageCorruptBlob({ deleteOther: false });
      repo = created;
      created.write('footprint.config.json', '{ "failClosed": true }\n');

      const result = created.footprint(['precommit', '--color', 'never'], { env });

      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stderr, new RegExp(`staged blob ${oid} of b\\.txt cannot be read`));
      assert.match(result.stderr, /The commit is blocked because "failClosed" is true\./);
      assert.doesNotMatch(result.stderr, /internal error|Crash report|Please report/);
    });

    test('corrupt HEAD commit names the object', () => {
      const created = createTempRepo();
      repo = created;
      created.write('a.txt', 'alpha\n');
      created.git(['add', 'a.txt']);
      created.git(['commit', '-qm', 'chore: start']);
      const head = created.git(['rev-parse', 'HEAD']).trim();
      damageObject(created, head);

      const result = created.footprint(['analyze', '--color', 'never'], { env });

      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, new RegExp(`object ${head} cannot be read`));
      assert.match(result.stderr, /`git fsck --full`/);
      assert.doesNotMatch(result.stderr, /internal error|Crash report|Please report/);
    });
  });
}

test('hook lets git commit the damaged blob', () => {
  const created = createTempRepo();
  repo = created;
  created.write('a.txt', 'alpha\n');
  created.git(['add', 'a.txt']);
  created.git(['commit', '-qm', 'chore: start']);
  const init = created.footprint(['init']);
  assert.equal(init.status, 0, init.stderr);
  created.git(['add', '-A']);
  created.git(['commit', '-q', '--no-verify', '-m', 'chore: install footprint']);
  created.write('b.txt', 'x\n');
  created.git(['add', 'b.txt']);
  const oid = created.git(['rev-parse', ':b.txt']).trim();
  damageObject(created, oid);

  const result = created.gitResult(['commit', '-m', 'feat: b']);

  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stderr, new RegExp(`staged blob ${oid} of b\\.txt cannot be read`));
  assert.doesNotMatch(result.stderr, /internal error|Crash report|Please report/);
  assert.equal(created.git(['rev-parse', 'HEAD:b.txt']).trim(), oid);
});
