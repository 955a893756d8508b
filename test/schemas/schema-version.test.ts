import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTempRepo, projectRoot, type TempRepo } from '../helpers/repo.js';

/** Schemas of the documents that a command prints with `--json`. */
const COMMAND_SCHEMAS = [
  'analysis',
  'commit',
  'error',
  'fossils-list',
  'fossils-prune',
  'fossils-stats',
  'init',
  'learn',
  'strategy',
  'undo',
  'validation',
  'version',
];

interface SchemaNode {
  $ref?: string;
  oneOf?: SchemaNode[];
  required?: string[];
  properties?: Record<string, { const?: unknown }>;
  $defs?: Record<string, SchemaNode>;
}

/** Returns the object schemas a document may match: the root, or each `oneOf` branch. */
function documentShapes(schema: SchemaNode): SchemaNode[] {
  if (schema.oneOf === undefined) return [schema];
  return schema.oneOf.map((branch) => {
    const name = branch.$ref?.replace('#/$defs/', '') ?? '';
    return schema.$defs?.[name] ?? branch;
  });
}

describe('command schemas require schemaVersion', () => {
  for (const name of COMMAND_SCHEMAS) {
    test(`${name} schema requires schemaVersion`, () => {
      const file = path.join(projectRoot, 'schemas', `${name}.schema.json`);
      const schema = JSON.parse(readFileSync(file, 'utf8')) as SchemaNode;

      for (const shape of documentShapes(schema)) {
        assert.ok(shape.required?.includes('schemaVersion'), `${file}: ${shape.required}`);
        assert.equal(shape.properties?.['schemaVersion']?.const, 1, file);
      }
    });
  }
});

describe('command documents carry schemaVersion', () => {
  let repo: TempRepo;

  /** Runs footprint with `args` and returns the schemaVersion of the document it printed. */
  function schemaVersionOf(args: string[]): unknown {
    const result = repo.footprint([...args, '--json', '--no-llm']);
    assert.ok(result.stdout.length > 0, `${args.join(' ')} printed no JSON: ${result.stderr}`);
    return (JSON.parse(result.stdout) as { schemaVersion?: unknown }).schemaVersion;
  }

  before(() => {
    repo = createTempRepo();
    repo.write('a.txt', 'base\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-qm', 'chore: start'], { env: { FOOTPRINT: '0' } });
    repo.write('a.txt', 'changed\n');
    repo.write('notes.md', '# Notes\n');
    repo.git(['add', '-A']);
  });

  after(() => repo.cleanup());

  test('commit document has schemaVersion', () => {
    assert.equal(schemaVersionOf(['commit', '--yes']), 1);
  });

  test('undo document has schemaVersion', () => {
    assert.equal(schemaVersionOf(['undo']), 1);
  });

  test('rejected undo has schemaVersion', () => {
    assert.equal(schemaVersionOf(['undo']), 1);
  });

  test('learn document has schemaVersion', () => {
    assert.equal(schemaVersionOf(['learn']), 1);
  });

  test('fossils list has schemaVersion', () => {
    assert.equal(schemaVersionOf(['fossils', 'list']), 1);
  });

  test('fossils stats has schemaVersion', () => {
    assert.equal(schemaVersionOf(['fossils', 'stats']), 1);
  });

  test('fossils prune has schemaVersion', () => {
    assert.equal(schemaVersionOf(['fossils', 'prune', '--dry-run']), 1);
  });
});
