import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Mode } from '../../src/batches/types.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { analyzeStaged, batchWith, commitFiles, lines, stageFiles } from './staged-analysis.js';

const MODES: Mode[] = ['conservative', 'balanced', 'aggressive'];

/** Renames dist_between to distance in four Rust files; in shape.rs the renamed call's hunk also adds a guard. */
function stageRenameWithFix(repo: TempRepo): void {
  commitFiles(repo, {
    'src/point.rs': lines(
      '#[derive(Clone, Copy)]',
      'pub struct Point { pub x: f64, pub y: f64 }',
      '',
      'pub fn dist_between(a: Point, b: Point) -> f64 {',
      '    ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt()',
      '}',
    ),
    'src/shape.rs': lines(
      'use crate::point::{dist_between, Point};',
      '',
      'pub fn perimeter(points: &[Point]) -> f64 {',
      '    let n = points.len();',
      '    (0..n).map(|i| dist_between(points[i], points[(i + 1) % n])).sum()',
      '}',
    ),
    'src/area.rs': lines(
      'use crate::point::{dist_between, Point};',
      '',
      'pub fn diagonal(a: Point, b: Point) -> f64 {',
      '    dist_between(a, b)',
      '}',
    ),
    'tests/geom.rs': lines(
      'use geom::point::{dist_between, Point};',
      '',
      '#[test]',
      'fn unit() {',
      '    assert_eq!(dist_between(Point { x: 0.0, y: 0.0 }, Point { x: 3.0, y: 4.0 }), 5.0);',
      '}',
    ),
  });
  stageFiles(repo, {
    'src/point.rs': lines(
      '#[derive(Clone, Copy)]',
      'pub struct Point { pub x: f64, pub y: f64 }',
      '',
      'pub fn distance(a: Point, b: Point) -> f64 {',
      '    ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt()',
      '}',
    ),
    'src/shape.rs': lines(
      'use crate::point::{distance, Point};',
      '',
      'pub fn perimeter(points: &[Point]) -> f64 {',
      '    let n = points.len();',
      '    if n < 2 {',
      '        return 0.0;',
      '    }',
      '    (0..n).map(|i| distance(points[i], points[(i + 1) % n])).sum()',
      '}',
    ),
    'src/area.rs': lines(
      'use crate::point::{distance, Point};',
      '',
      'pub fn diagonal(a: Point, b: Point) -> f64 {',
      '    distance(a, b)',
      '}',
    ),
    'tests/geom.rs': lines(
      'use geom::point::{distance, Point};',
      '',
      '#[test]',
      'fn unit() {',
      '    assert_eq!(distance(Point { x: 0.0, y: 0.0 }, Point { x: 3.0, y: 4.0 }), 5.0);',
      '}',
    ),
  });
}

for (const mode of MODES) {
  test(`rename keeps its mixed hunk, ${mode}`, () => {
    const repo = createTempRepo();
    try {
      stageRenameWithFix(repo);

      const batches = analyzeStaged(repo, mode);
      const definition = batchWith(batches, 'src/point.rs');

      assert.ok(definition !== undefined);
      // The loop's hunk renames the call and adds the guard above it.
      assert.equal(batchWith(batches, 'src/shape.rs', 5)?.id, definition.id);
      assert.equal(batchWith(batches, 'src/shape.rs', 1)?.id, definition.id);
      assert.equal(batchWith(batches, 'src/area.rs')?.id, definition.id);
    } finally {
      repo.cleanup();
    }
  });
}
