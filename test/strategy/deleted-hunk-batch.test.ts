import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { validateDocument } from '../../src/schemas-runtime/validators.js';
import type { StrategyProblem } from '../../src/strategy/types.js';
import { runCli } from '../cli/cli-io.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { writePlanWithout } from './plan-without.js';

let repo: TempRepo;
let planFolder: string;
let planFile: string;

const PRICE_BEFORE = [
  'export function price(n) {',
  '  return n * 2;',
  '}',
  '',
  'export function label(n) {',
  '  return `${n} EUR`;',
  '}',
  '',
  'export function round(n) {',
  '  return Math.round(n);',
  '}',
  '',
].join('\n');

/** The price fix goes with its test, and the new discount export with its new caller. */
const PRICE_AFTER = [
  PRICE_BEFORE.replace('n * 2;', 'n * 2 + 1;'),
  'export function discount(n, percent) {',
  '  return n * (1 - percent / 100);',
  '}',
  '',
].join('\n');

/** The hunk of src/price.js that adds discount, as the strategy lists it. */
const DISCOUNT_HUNK = '@@ -11,0 +12,4 @@';

beforeEach(() => {
  repo = createTempRepo();
  repo.write('src/price.js', PRICE_BEFORE);
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'feat: add prices']);
  repo.write('src/price.js', PRICE_AFTER);
  repo.write(
    'test/price.test.js',
    "import { price } from '../src/price.js';\n\ntest(price(1) === 3);\n",
  );
  repo.write(
    'src/cart.js',
    "import { discount } from './price.js';\n\nexport const sale = (n) => discount(n, 10);\n",
  );
  repo.git(['add', '-A']);
  planFolder = realpathSync(mkdtempSync(path.join(tmpdir(), 'footprint-plan-')));
  planFile = path.join(planFolder, 'plan.json');
});

afterEach(() => {
  repo.cleanup();
  rmSync(planFolder, { recursive: true, force: true });
});

/** Writes the strategy to planFile and deletes the batch that takes src/cart.js. */
async function writePlanWithoutCart(): Promise<void> {
  const remaining = await writePlanWithout(repo.dir, planFile, 'src/cart.js');
  const priceHunks = remaining
    .flatMap((batch) => batch.changes)
    .find((change) => change.path === 'src/price.js');
  assert.equal(priceHunks?.hunks?.length, 1, 'the kept batch takes one hunk of src/price.js');
}

/** Runs validate with --json and returns the problem of the missing src/price.js hunk. */
async function missingHunkProblem(folder = repo.dir): Promise<StrategyProblem | undefined> {
  const result = await runCli(folder, 'validate', '--json', '--strategy', planFile);
  const document = JSON.parse(result.stdout) as { problems: StrategyProblem[] };
  assert.equal(result.code, 1);
  assert.deepEqual(validateDocument('validation', document), []);
  return document.problems.find((problem) => problem.code === 'missing-hunk');
}

describe('validate after a deleted hunk batch', () => {
  test('missing hunk fix offers reset -p', async () => {
    await writePlanWithoutCart();
    const problem = await missingHunkProblem();
    const message = problem?.message ?? '';

    assert.equal(problem?.path, 'src/price.js');
    assert.ok(
      message.startsWith(`Hunk ${DISCOUNT_HUNK} of src/price.js is in no batch. `),
      message,
    );
    assert.ok(
      message.includes('Add it to the `hunks` of batch b1, which takes the hunk nearest it'),
      message,
    );
    assert.ok(
      message.includes(
        'To leave it out of these commits, unstage only that hunk with ' +
          `\`git reset -p -- :/src/price.js\`, answering y for ${DISCOUNT_HUNK} and n for the ` +
          'others (git shows it with context lines and may join it with a nearby hunk, which ' +
          '`s` splits), then move this strategy away and write it again with ' +
          `\`footprint strategy --output ${planFile}\`.`,
      ),
      message,
    );
  });

  test('following the hunk fix validates', async () => {
    await writePlanWithoutCart();
    const problem = await missingHunkProblem();
    const unstage = /`(git reset -p [^`]+)`/.exec(problem?.message ?? '')?.[1];
    assert.ok(unstage !== undefined, problem?.message);
    // git prompts for the price fix first, then for the discount hunk, which is unstaged.
    repo.git(unstage.split(' ').slice(1), { input: 'n\ny\n' });
    repo.git(['reset', '-q', '--', 'src/cart.js']);
    rmSync(planFile);
    const written = await runCli(repo.dir, 'strategy', '--no-llm', '--output', planFile);
    const result = await runCli(repo.dir, 'validate', '--strategy', planFile);
    const staged = repo.git(['diff', '--cached', '-U0', '--', 'src/price.js']);

    assert.equal(written.code, 0, written.stderr);
    assert.equal(result.code, 0, result.stderr);
    assert.match(staged, /^@@ -2 \+2 @@/m);
    assert.doesNotMatch(staged, /discount/);
    assert.equal(readFileSync(path.join(repo.dir, 'src/price.js'), 'utf8'), PRICE_AFTER);
  });

  test('hunk fix from a subfolder', async () => {
    await writePlanWithoutCart();
    const problem = await missingHunkProblem(path.join(repo.dir, 'src'));

    assert.ok(
      problem?.message.includes('unstage only that hunk with `git reset -p -- :/src/price.js`'),
      problem?.message,
    );
  });

  test('built CLI prints the hunk fix', async () => {
    await writePlanWithoutCart();
    const result = repo.footprint(['validate', '--strategy', planFile]);
    const line = result.stdout.split('\n').find((text) => text.includes('missing-hunk'));

    assert.equal(result.status, 1, result.stderr);
    assert.ok(line?.includes(`Hunk ${DISCOUNT_HUNK} of src/price.js`), result.stdout);
    assert.ok(line?.includes('`git reset -p -- :/src/price.js`'), result.stdout);
  });
});
