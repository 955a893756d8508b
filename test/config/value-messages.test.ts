import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { runCli } from '../cli/cli-io.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
  repo.write('a.txt', 'a\n');
  repo.git(['add', 'a.txt']);
});

afterEach(() => {
  repo.cleanup();
});

/** Runs `footprint analyze` with `text` as footprint.config.json, or with none when null. */
async function analyze(text: string | null, ...argv: string[]) {
  if (text !== null) repo.write('footprint.config.json', text);
  const result = await runCli(repo.dir, 'analyze', ...argv);
  return { code: result.code, message: result.stderr.replace(/^✖ /, '').trimEnd() };
}

describe('enum value suggestions', () => {
  test('config mode typo suggested', async () => {
    const { code, message } = await analyze('{"mode":"agressive"}');

    assert.equal(code, 2);
    assert.equal(
      message,
      'footprint.config.json: "mode" is "agressive"; expected one of conservative, balanced, ' +
        'aggressive. Did you mean "aggressive"?',
    );
  });

  test('config severity in list suggested', async () => {
    const { message } = await analyze('{"blockOn":{"balanced":["hihg"]}}');

    assert.match(message, /"blockOn\.balanced\[0\]" is "hihg"; expected one of /);
    assert.match(message, /Did you mean "high"\?$/);
  });

  test('config value far off unsuggested', async () => {
    const { message } = await analyze('{"mode":"fast"}');

    assert.doesNotMatch(message, /Did you mean/);
  });

  test('mode option typo suggested', async () => {
    const { code, message } = await analyze(null, '--mode', 'agressive');

    assert.equal(code, 2);
    assert.equal(
      message,
      "Invalid value 'agressive' for --mode. Did you mean 'aggressive'? " +
        'Use one of: conservative, balanced, aggressive.',
    );
  });

  test('color option typo suggested', async () => {
    const { message } = await analyze(null, '--color', 'allways');

    assert.match(message, /Did you mean 'always'\?/);
  });
});

describe('empty configuration file', () => {
  test('empty file named as empty', async () => {
    const { code, message } = await analyze('');

    assert.equal(code, 2);
    assert.equal(
      message,
      'footprint.config.json: the file is empty, which is not valid JSON. Write {} in it to ' +
        'use the default configuration, or delete it.',
    );
  });

  test('whitespace-only file named as blank', async () => {
    const { message } = await analyze('  \n\t\n');

    assert.match(message, /^footprint\.config\.json: the file contains only whitespace, /);
    assert.match(message, /Write \{\} in it/);
  });

  test('empty package.json named as empty', async () => {
    repo.write('package.json', '');
    const { code, message } = await analyze(null);

    assert.equal(code, 2);
    assert.match(message, /^package\.json: the file is empty, which is not valid JSON\. /);
  });
});

describe('duplicate key positions', () => {
  test('same line gives columns', async () => {
    const { message } = await analyze('{"mode":"balanced","mode":"aggressive"}');

    assert.equal(
      message,
      'footprint.config.json: the key "mode" appears twice, on line 1, columns 2 and 20. ' +
        'footprint reads only the last one, as JSON.parse does, so it would ignore the value ' +
        'on line 1, column 2. Keep one "mode" key and delete the others.',
    );
  });

  test('mixed lines give each position', async () => {
    const { message } = await analyze('{"mode":"balanced", "mode":"balanced",\n"mode":"fast"}');

    assert.match(
      message,
      /appears 3 times, on line 1 column 2, line 1 column 21 and line 2 column 1\. /,
    );
    assert.match(message, /ignore the values on line 1, columns 2 and 21\. /);
  });

  test('separate lines give lines only', async () => {
    const { message } = await analyze('{"mode":"balanced",\n "mode":"aggressive"}');

    assert.match(message, /appears twice, on lines 1 and 2\. /);
    assert.match(message, /ignore the value on line 1\. /);
  });
});

describe('numbers quoted as written', () => {
  test('overflow quoted and named', async () => {
    const { code, message } = await analyze('{"llm":{"timeoutMs":1e400}}');

    assert.equal(code, 2);
    assert.equal(
      message,
      'footprint.config.json: "llm.timeoutMs" is 1e400, which is out of the range of a ' +
        'JavaScript number; expected an integer from 100 to 600000.',
    );
  });

  test('rounded integer quoted and named', async () => {
    const { message } = await analyze('{"risk":{"maxFileBytes":9007199254740993}}');

    assert.equal(
      message,
      'footprint.config.json: "risk.maxFileBytes" is 9007199254740993, which a JavaScript ' +
        'number cannot represent exactly, so it reads as 9007199254740992; expected an ' +
        'integer from 1 to 10737418240.',
    );
  });

  test('negative zero quoted as written', async () => {
    const { message } = await analyze('{"llm":{"timeoutMs":-0}}');

    assert.equal(
      message,
      'footprint.config.json: "llm.timeoutMs" is -0; expected an integer from 100 to 600000.',
    );
  });

  test('equal spelling gets no note', async () => {
    const { message } = await analyze('{"llm":{"timeoutMs":5.0E1}}');

    assert.equal(
      message,
      'footprint.config.json: "llm.timeoutMs" is 5.0E1; expected an integer from 100 to 600000.',
    );
  });

  test('underflow quoted and named', async () => {
    const { message } = await analyze('{"llm":{"timeoutMs":1e-400}}');

    assert.match(message, /"llm\.timeoutMs" is 1e-400, which a JavaScript number cannot /);
    assert.match(message, /so it reads as 0; expected/);
  });

  test('number in package.json quoted', async () => {
    repo.write('package.json', '{"name":"a","footprint":{"fossils":{"keep":1E+400}}}');
    const { message } = await analyze(null);

    assert.match(message, /^package\.json: "footprint\.fossils\.keep" is 1E\+400, which is out/);
  });

  test('object value shown compact', async () => {
    const { message } = await analyze('{"mode": {\n  "a": 1e400,\n  "b": "x y"\n}}');

    assert.match(message, /"mode" is \{"a":1e400,"b":"x y"\}; expected one of /);
  });

  test('hidden characters escaped in value', async () => {
    const { message } = await analyze('{"mode":"bal\u202eanced\u009b"}');

    assert.match(message, /"mode" is "bal\\u202eanced\\u009b"; expected/);
  });

  test('hidden characters escaped in key', async () => {
    const { message } = await analyze('{"mo\u200bde":"balanced"}');

    assert.match(message, /unknown key "mo\\u200bde"/);
  });
});
