/** Messages of a path or hunk that more than one batch entry takes. */
import type { FileChange } from '../footprint/types.js';
import { joinWords } from '../output/messages.js';
import { quoteJsonString, quotePath } from '../output/quote-path.js';

/**
 * Says where a path or hunk that is taken more than once is, and how to keep one: `is listed
 * twice in batch b1` when only one batch names it, else `is in batches b1, b2` and `fix`.
 */
export function describeTakers(takers: readonly string[], fix: (first: string) => string): string {
  const batches = [...new Set(takers)];
  const first = batches[0] ?? '';
  if (batches.length === 1) {
    return `is listed ${describeTimes(takers.length)} in batch ${first}. Keep one entry for it.`;
  }
  const repeated = batches.filter((batch) => takers.indexOf(batch) !== takers.lastIndexOf(batch));
  const also = repeated.length === 0 ? '' : ` (more than once in ${repeated.join(', ')})`;
  return `is in batches ${batches.join(', ')}${also}. ${fix(first)}`;
}

function describeTimes(count: number): string {
  return count === 2 ? 'twice' : `${count} times`;
}

/**
 * Describes how to leave a hunk in only one of the batches that take it. A batch whose entry
 * has no `hunks` takes every hunk of the file, so that entry needs a `hunks` list to give one up.
 */
export function duplicateHunkFix(
  path: string,
  takers: readonly string[],
  wholeFile: ReadonlySet<string>,
): string {
  const batches = [...new Set(takers)];
  const whole = batches.filter((batch) => wholeFile.has(batch));
  const listing = batches.filter((batch) => !wholeFile.has(batch));
  const file = quotePath(path);
  if (whole.length === 0) {
    return (
      `Keep its line in the \`hunks\` of ${file} in one of these batches, ` +
      'and delete it from the others.'
    );
  }

  const [only] = whole;
  const takes =
    whole.length === 1
      ? `Batch ${only} takes all of ${file}, because its entry for it has no \`hunks\`.`
      : `Batches ${whole.join(', ')} take all of ${file}, ` +
        'because their entries for it have no `hunks`.';
  const give =
    whole.length === 1
      ? `Give that entry the \`hunks\` that ${only} should take`
      : 'Give those entries the `hunks` that each batch should take';
  const other =
    listing.length === 0 ? '' : `, or delete the hunk's line from ${listing.join(', ')}`;
  return `${takes} ${give}${other}.`;
}

/**
 * Describes a hunk of `path`, with git's `header`, that batches name more than once while other
 * staged files have a hunk with the same header that no batch takes. A hunk line cut from such
 * a file and pasted under `path` reads the same as the line of `path`'s own hunk, so the
 * message names both files.
 */
export function describePastedHunk(
  path: string,
  header: string,
  takers: readonly string[],
  owners: readonly FileChange[],
): string {
  const batches = [...new Set(takers)];
  const places =
    batches.length === 1
      ? `is listed ${describeTimes(takers.length)} in batch ${batches[0] ?? ''}`
      : `is in batches ${batches.join(', ')}`;
  const file = quotePath(path);
  const statement = `Hunk ${header} of ${file} ${places}, but ${file} has it once.`;
  const paths = joinWords(
    owners.map((owner) => quotePath(owner.path)),
    'and',
  );
  const [owner] = owners;
  const fix =
    owners.length === 1 && owner !== undefined
      ? 'move one of these lines into the `hunks` of ' +
        `{ "path": ${quoteJsonString(owner.path)} } in one batch.`
      : 'move each extra line into the `hunks` of the file it came from.';
  return `${statement} The same hunk is staged in ${paths}, and no batch takes it there: ${fix}`;
}
