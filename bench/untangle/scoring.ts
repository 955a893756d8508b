import type { ChangedLine, GroundTruth } from './ground-truth.js';
import { scorePartition, type PartitionScore } from './metrics.js';
import type { Partitioner } from './predictions.js';

/** Scores of one split of one composite, over lines and over files. */
export interface SplitScores {
  lines: PartitionScore;
  /** Over the lines only one commit touched; null when every line is shared. */
  exclusiveLines: PartitionScore | null;
  files: PartitionScore;
}

/**
 * Scores a split against the true commits. A file counts once, in the batch and the commit
 * that most of its changed lines have. A file without changed lines counts in its own batch.
 */
export function scoreSplit(truth: GroundTruth, partitioner: Partitioner): SplitScores {
  const lineTruth = truth.lines.map((line) => String(line.commit));
  const linePrediction = truth.lines.map((line) => partitioner.labelLine(line));

  const exclusive = truth.lines.filter((line) => !line.shared);
  const exclusiveLines =
    exclusive.length === 0
      ? null
      : scorePartition(
          exclusive.map((line) => String(line.commit)),
          exclusive.map((line) => partitioner.labelLine(line)),
        );

  const fileTruth = truth.files.map((file) => String(file.commit));
  const filePrediction = truth.files.map((file) =>
    labelFile(truth.linesByFile[file.file] ?? [], file.file, partitioner),
  );

  return {
    lines: scorePartition(lineTruth, linePrediction),
    exclusiveLines,
    files: scorePartition(fileTruth, filePrediction),
  };
}

/** Returns the batch most of a file's lines are in (the first among equals), or its whole-file batch. */
function labelFile(lines: readonly ChangedLine[], file: number, partitioner: Partitioner): string {
  const counts = new Map<string, number>();
  let best: string | null = null;
  for (const line of lines) {
    const label = partitioner.labelLine(line);
    const count = (counts.get(label) ?? 0) + 1;
    counts.set(label, count);
    if (best === null || count > (counts.get(best) ?? 0)) best = label;
  }
  return best ?? partitioner.labelWholeFile(file);
}
