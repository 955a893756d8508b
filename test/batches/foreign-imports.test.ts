import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readForeignImports } from '../../src/batches/relations/foreign-imports.js';

const cases: Array<{ name: string; path: string; lines: string[]; expected: string[] | null }> = [
  {
    name: 'Python import list',
    path: 'app/main.py',
    lines: ['import os.path as p, yaml  # config', '    import numpy'],
    expected: ['os', 'yaml', 'PyYAML', 'numpy'],
  },
  {
    name: 'Python from import',
    path: 'stubs/api.pyi',
    lines: ['from requests.adapters import HTTPAdapter', 'from . import local', 'from .x import y'],
    expected: ['requests'],
  },
  {
    name: 'Python module of another name',
    path: 'app/config.py',
    lines: ['import yaml', 'from dateutil import parser'],
    expected: ['yaml', 'PyYAML', 'dateutil', 'python-dateutil'],
  },
  {
    name: 'Rust paths and extern',
    path: 'src/lib.rs',
    lines: [
      'extern crate rand;',
      'use serde_json::{json, Value};',
      'let v = tokio::spawn(a::b::c());',
      'use crate::x; use self::y; std::mem::take(z); // log::info!',
      'let t: Vec<u8> = Vec::new();',
    ],
    expected: ['rand', 'serde_json', 'tokio', 'a'],
  },
  {
    name: 'Go import specs',
    path: 'cmd/main.go',
    lines: ['import "fmt"', '\terrs "github.com/pkg/errors" // wrap', '\t_ "embed"', '\t"a",'],
    expected: ['fmt', 'github.com', 'github.com/pkg', 'github.com/pkg/errors', 'embed'],
  },
  {
    name: 'JavaScript left alone',
    path: 'src/main.ts',
    lines: ["import ms from 'ms';"],
    expected: null,
  },
];

for (const entry of cases) {
  test(`reads ${entry.name}`, () => {
    assert.deepEqual(readForeignImports(entry.lines, entry.path), entry.expected);
  });
}
