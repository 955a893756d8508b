import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { commitFiles, createHookedRepo, findingsOf } from './hooked-repo.js';
import {
  fakeAnthropicAdminKey,
  fakeDatabricksToken,
  fakeHuggingFaceToken,
  fakeOpenAiKey,
  fakePypiToken,
  fakeSupabaseToken,
} from './secret-parts.js';

interface TokenCase {
  name: string;
  token: string;
  path: string;
  /** The staged line, with `TOKEN` where the token goes. */
  line: string;
  message: string;
  masked: string;
}

const CASES: TokenCase[] = [
  {
    name: 'PyPI upload token',
    token: fakePypiToken(),
    path: 'scripts/release.sh',
    line: 'twine upload -u __token__ -p TOKEN dist/*',
    message: 'PyPI API token staged',
    masked: 'pypi-********',
  },
  {
    name: 'Hugging Face token',
    token: fakeHuggingFaceToken(),
    path: 'src/client.py',
    line: 'hf = InferenceClient("TOKEN")',
    message: 'Hugging Face access token staged',
    masked: 'hf_********',
  },
  {
    name: 'Anthropic admin key',
    token: fakeAnthropicAdminKey(),
    path: 'src/admin.py',
    line: 'client = anthropic.Anthropic("TOKEN")',
    message: 'Anthropic Admin API key staged',
    masked: 'sk-ant-admin01-********',
  },
  {
    name: 'Supabase access token',
    token: fakeSupabaseToken(),
    path: 'src/db.ts',
    line: 'const client = createClient(url, "TOKEN");',
    message: 'Supabase personal access token staged',
    masked: 'sbp_********',
  },
  {
    name: 'Databricks access token',
    token: fakeDatabricksToken(),
    path: 'src/jobs.py',
    line: 't = "TOKEN"',
    message: 'Databricks personal access token staged',
    masked: 'dapi********',
  },
  {
    name: 'OpenAI service account key',
    token: fakeOpenAiKey('svcacct'),
    path: 'src/ai.js',
    line: 'const key = "TOKEN";',
    message: 'OpenAI API key staged',
    masked: 'sk-svcacct-********',
  },
  {
    name: 'OpenAI admin key',
    token: fakeOpenAiKey('admin'),
    path: 'src/billing.js',
    line: 'const key = "TOKEN";',
    message: 'OpenAI API key staged',
    masked: 'sk-admin-********',
  },
];

describe('provider tokens through the commit hook', () => {
  for (const { name, token, path, line, message, masked } of CASES) {
    test(`${name} blocks the commit`, () => {
      const repo = createHookedRepo();
      try {
        const staged = line.replace('TOKEN', token);
        const attempt = commitFiles(repo, { [path]: `# keys\n${staged}\n` });
        const [finding, ...others] = findingsOf(attempt, 'provider-token');

        assert.equal(attempt.blocked, true, attempt.stderr);
        assert.equal(finding?.path, path);
        assert.equal(finding?.line, 2);
        assert.equal(finding?.message, message);
        assert.equal(finding?.masked, masked);
        assert.deepEqual(others, []);
        assert.equal(attempt.stderr.includes(token.slice(-12)), false);
      } finally {
        repo.cleanup();
      }
    });
  }
});
