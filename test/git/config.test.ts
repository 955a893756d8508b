import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { isUserError } from '../../src/errors.js';
import { parseConfig } from '../../src/git/config-parser.js';
import { parseConfigParameters } from '../../src/git/config-sources.js';
import { GitConfig, readGitConfig } from '../../src/git/config.js';
import { discoverRepository } from '../../src/git/discover.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';

/** Config texts whose parse must equal `git config --file <file> --list`. */
const SYNTAX_CASES: Record<string, string> = {
  'plain sections': '[core]\n\tbare = false\n\tfilemode = true\n',
  'case of keys': '[CoRe]\n\tIgnoreCase = true\n',
  'quoted subsection keeps case': '[remote "Origin"]\n\turl = https://example.com/x.git\n',
  'escapes in subsection': '[branch "we\\"ird\\\\name"]\n\tremote = origin\n',
  'old dotted subsection': '[branch.Main]\n\tremote = origin\n',
  'bare key': '[core]\n\tbare\n',
  'empty value': '[core]\n\tworktree =\n',
  'quoted value with comment chars': '[alias]\n\tx = "echo ; # not a comment"\n',
  'escapes in value': '[alias]\n\tx = a\\tb\\nc\\\\d\\"e\n',
  'inner whitespace kept, outer dropped': '[alias]\n\tx =   a  \t b   \n',
  'trailing comments': '[core]\n\tbare = true # comment\n\tfilemode = false ; other\n',
  'line continuation': '[alias]\n\tx = first \\\n  second\n',
  'entry after header on one line': '[core] bare = true\n',
  'comment lines': '# top\n; also\n[core]\n# inside\n\tbare = false\n',
  'crlf line ends': '[core]\r\n\tbare = true\r\n',
  'multi-valued key': '[remote "o"]\n\tfetch = a\n\tfetch = b\n',
  'dashes in names': '[my-section]\n\tsome-key = 1\n',
};

function listWithGit(repo: TempRepo, file: string): [string, string | null][] {
  const output = repo.git(['config', '--file', file, '--list', '-z']);
  return output
    .split('\0')
    .filter(Boolean)
    .map((item) => {
      const newline = item.indexOf('\n');
      return newline < 0 ? [item, null] : [item.slice(0, newline), item.slice(newline + 1)];
    });
}

describe('parseConfig', () => {
  let repo: TempRepo;

  before(() => {
    repo = createTempRepo();
  });
  after(() => repo.cleanup());

  for (const [name, text] of Object.entries(SYNTAX_CASES)) {
    test(`matches git: ${name}`, () => {
      const file = path.join(repo.dir, 'case.config');
      writeFileSync(file, text);
      const parsed = parseConfig(text, file).map((entry) => [entry.key, entry.value]);
      assert.deepEqual(parsed, listWithGit(repo, file));
    });
  }

  test('invalid line names file and line', () => {
    assert.throws(
      () => parseConfig('[core]\n\tbare = true\n\t!bad\n', '/repo/.git/config'),
      (error) => {
        assert.ok(isUserError(error));
        assert.match(error.message, /line 3/);
        assert.match(error.message, /\/repo\/\.git\/config/);
        return true;
      },
    );
  });

  test('bad line quotes the file', () => {
    assert.throws(
      () => parseConfig('[core\n', '/my repo/.git/config'),
      (error) => {
        assert.ok(isUserError(error));
        assert.ok(
          error.message.includes("`git config --file '/my repo/.git/config' --list`"),
          error.message,
        );
        return true;
      },
    );
  });

  test('invalid constructs', () => {
    assert.throws(() => parseConfig('key = value\n', 'f'), /Bad config line 1/);
    assert.throws(() => parseConfig('[core\n', 'f'), /Bad config line/);
    assert.throws(() => parseConfig('[core]\n\tx = "open\n', 'f'), /Bad config line/);
    assert.throws(() => parseConfig('[core]\n\tx = bad\\q\n', 'f'), /Bad config line/);
  });
});

describe('GitConfig values', () => {
  const config = new GitConfig(
    parseConfig(
      [
        '[core]',
        '\tbare',
        '\tfilemode = no',
        '\tbigFileThreshold = 512k',
        '\tcompression = nine',
        '[remote "origin"]',
        '\tfetch = one',
        '\tfetch = two',
        '[extensions]',
        '\tobjectFormat = sha256',
        '\tworktreeConfig = true',
      ].join('\n'),
      'test',
    ),
  );

  test('get returns the last value', () => {
    assert.equal(config.get('remote.origin.fetch'), 'two');
    assert.equal(config.get('CORE.FILEMODE'), 'no');
    assert.equal(config.get('core.bare'), null);
    assert.equal(config.get('core.missing'), undefined);
    assert.equal(config.get('remote.ORIGIN.fetch'), undefined, 'subsections are case-sensitive');
  });

  test('getAll keeps order', () => {
    assert.deepEqual(config.getAll('remote.origin.fetch'), ['one', 'two']);
    assert.deepEqual(config.getAll('remote.origin.url'), []);
  });

  test('getBool', () => {
    assert.equal(config.getBool('core.bare'), true);
    assert.equal(config.getBool('core.filemode'), false);
    assert.equal(config.getBool('core.missing'), undefined);
    assert.throws(
      () => config.getBool('core.compression'),
      /Invalid value "nine" for core\.compression/,
    );
  });

  test('getInt with unit suffix', () => {
    assert.equal(config.getInt('core.bigfilethreshold'), 512 * 1024);
    assert.throws(() => config.getInt('core.compression'), /expected an integer/);
  });

  test('section lists entries', () => {
    assert.deepEqual(
      config.section('Extensions').map((entry) => [entry.name, entry.value]),
      [
        ['objectformat', 'sha256'],
        ['worktreeconfig', 'true'],
      ],
    );
  });
});

describe('readGitConfig', () => {
  let repo: TempRepo;

  before(() => {
    repo = createTempRepo();
    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);
    repo.git(['commit', '-q', '-m', 'first']);
  });
  after(() => repo.cleanup());

  async function read(options: Parameters<typeof readGitConfig>[1] = {}): Promise<GitConfig> {
    return readGitConfig(await discoverRepository({ cwd: repo.dir, env: gitTestEnv() }), options);
  }

  test('repository config', async () => {
    repo.git(['config', 'diff.renames', 'copies']);
    const config = await read();
    assert.equal(config.get('diff.renames'), 'copies');
    assert.equal(config.getInt('core.repositoryformatversion'), 0);
  });

  test('config.worktree only with extensions.worktreeConfig', async () => {
    writeFileSync(
      path.join(repo.dir, '.git', 'config.worktree'),
      '[core]\n\tsparseCheckout = true\n',
    );
    assert.equal((await read()).get('core.sparsecheckout'), undefined);

    repo.git(['config', 'extensions.worktreeConfig', 'true']);
    assert.equal((await read()).getBool('core.sparsecheckout'), true);
    assert.equal(repo.git(['config', 'core.sparseCheckout']).trim(), 'true');
    repo.git(['config', '--unset', 'extensions.worktreeConfig']);
  });

  test('include.path and includeIf', async () => {
    writeFileSync(path.join(repo.dir, '.git', 'plain.inc'), '[footprint]\n\tplain = yes\n');
    writeFileSync(path.join(repo.dir, '.git', 'gitdir.inc'), '[footprint]\n\tgitdir = yes\n');
    writeFileSync(path.join(repo.dir, '.git', 'branch.inc'), '[footprint]\n\tbranch = yes\n');
    writeFileSync(path.join(repo.dir, '.git', 'other.inc'), '[footprint]\n\tother = yes\n');
    repo.git(['config', 'include.path', 'plain.inc']);
    repo.git(['config', `includeIf.gitdir:${path.dirname(repo.dir)}/**.path`, 'gitdir.inc']);
    repo.git(['config', 'includeIf.onbranch:ma*.path', 'branch.inc']);
    repo.git(['config', 'includeIf.onbranch:other.path', 'other.inc']);

    const config = await read();
    for (const key of ['plain', 'gitdir', 'branch', 'other']) {
      const expected = repo.gitResult(['config', `footprint.${key}`]).stdout.trim() || undefined;
      assert.equal(config.get(`footprint.${key}`), expected, `footprint.${key}`);
    }
    assert.equal(config.get('footprint.branch'), 'yes');
    assert.equal(config.get('footprint.other'), undefined);
  });

  test('global, system and command scopes on request', async () => {
    const globalFile = path.join(repo.dir, '.git', 'global.config');
    const systemFile = path.join(repo.dir, '.git', 'system.config');
    writeFileSync(globalFile, '[diff]\n\trenames = false\n[user]\n\tname = Global\n');
    writeFileSync(systemFile, '[user]\n\tname = System\n\temail = system@example.com\n');
    const env = {
      GIT_CONFIG_GLOBAL: globalFile,
      GIT_CONFIG_SYSTEM: systemFile,
      GIT_CONFIG_PARAMETERS: "'user.name'='Command'",
    };

    const local = await read({ env });
    assert.equal(local.get('user.email'), undefined, 'only the repository by default');

    const all = await read({ env, scopes: ['system', 'global', 'local', 'worktree', 'command'] });
    assert.equal(all.get('user.name'), 'Command');
    assert.equal(all.get('user.email'), 'system@example.com');
    assert.equal(all.get('diff.renames'), 'copies', 'local wins over global');
  });
});

describe('parseConfigParameters', () => {
  test('matches what git -c exports', () => {
    const repo = createTempRepo();
    try {
      const exported = repo
        .git([
          '-c',
          'alias.show-params=!printenv GIT_CONFIG_PARAMETERS',
          '-c',
          "user.name=O'Brien = x",
          '-c',
          'core.bare',
          '-c',
          'core.worktree=',
          'show-params',
        ])
        .replace(/\n$/, '');
      assert.deepEqual(parseConfigParameters(exported), [
        ['alias.show-params', '!printenv GIT_CONFIG_PARAMETERS'],
        ['user.name', "O'Brien = x"],
        ['core.bare', null],
        ['core.worktree', ''],
      ]);
    } finally {
      repo.cleanup();
    }
  });

  test('older key=value form', () => {
    assert.deepEqual(parseConfigParameters("'core.bare=true' 'user.name'"), [
      ['core.bare', 'true'],
      ['user.name', null],
    ]);
  });
});

test('readGitConfig environment is optional', async () => {
  const repo = createTempRepo();
  try {
    const layout = await discoverRepository({ cwd: repo.dir, env: gitTestEnv() });
    const config = await readGitConfig(layout);
    assert.equal(config.getBool('core.bare'), false);
  } finally {
    repo.cleanup();
  }
});
