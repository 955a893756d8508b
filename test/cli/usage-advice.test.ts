import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  createTempRepo,
  footprintBin,
  linkProjectCommand,
  plainPath,
  type TempRepo,
} from '../helpers/repo.js';

describe('usage advice', () => {
  let repo: TempRepo;
  before(() => {
    repo = createTempRepo();
  });
  after(() => repo.cleanup());

  test('names footprint when PATH has it', () => {
    const result = repo.footprint(['analyze', '--frob']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /Run `footprint analyze --help` to list the options/);
  });

  test('names the bin without install', () => {
    const result = repo.footprint(['analyze', '--frob'], { env: { PATH: plainPath() } });
    assert.equal(result.status, 2);
    assert.ok(result.stderr.includes(`Run \`node ${footprintBin} analyze --help\``), result.stderr);
  });

  describe('in a project that depends on it', () => {
    before(() => linkProjectCommand(repo.dir));

    test('unknown option names npx', () => {
      const result = repo.footprint(['--frob'], { env: { PATH: plainPath() } });
      assert.equal(result.status, 2);
      assert.match(result.stderr, /Run `npx footprint --help` to list the options/);
    });

    test('unknown command names npx', () => {
      const result = repo.footprint(['analyse'], { env: { PATH: plainPath() } });
      assert.match(result.stderr, /Run `npx footprint --help` to list the commands/);
    });
  });
});
