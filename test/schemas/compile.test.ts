import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { projectRoot } from '../helpers/repo.js';
import { DOCUMENT_TYPES } from '../../src/schemas-runtime/validators.js';

const schemaDir = path.join(projectRoot, 'schemas');
const generatedDir = path.join(projectRoot, 'src', 'schemas-runtime', 'generated');

interface SchemaFile {
  name: string;
  schema: Record<string, unknown>;
}

function readSchemaFiles(): SchemaFile[] {
  return readdirSync(schemaDir)
    .filter((file) => file.endsWith('.schema.json'))
    .sort()
    .map((file) => ({
      name: file.slice(0, -'.schema.json'.length),
      schema: JSON.parse(readFileSync(path.join(schemaDir, file), 'utf8')) as Record<
        string,
        unknown
      >,
    }));
}

/** Collects every schema node that has `properties`, with its JSON pointer. */
function collectObjectSchemas(
  node: unknown,
  pointer = '',
): Array<[string, Record<string, unknown>]> {
  if (typeof node !== 'object' || node === null) return [];
  const found: Array<[string, Record<string, unknown>]> = [];
  const record = node as Record<string, unknown>;
  if ('properties' in record) found.push([pointer || '/', record]);
  for (const [key, value] of Object.entries(record)) {
    found.push(...collectObjectSchemas(value, `${pointer}/${key}`));
  }
  return found;
}

const schemaFiles = readSchemaFiles();

describe('schemas', () => {
  test('every schema compiles in strict mode', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    for (const { schema } of schemaFiles) ajv.addSchema(schema);
    for (const { name, schema } of schemaFiles) {
      assert.doesNotThrow(() => ajv.getSchema(String(schema['$id'])), `${name} failed to compile`);
      assert.equal(typeof ajv.getSchema(String(schema['$id'])), 'function', name);
    }
  });

  test('ids and drafts follow the naming', () => {
    for (const { name, schema } of schemaFiles) {
      assert.equal(schema['$id'], `https://footprint.dev/schemas/${name}.schema.json`);
      assert.equal(schema['$schema'], 'https://json-schema.org/draft/2020-12/schema');
    }
  });

  test('every schema has a runtime validator', () => {
    const names = schemaFiles.map((file) => file.name).sort();
    assert.deepEqual([...DOCUMENT_TYPES].sort(), names);
    for (const name of names) {
      assert.ok(existsSync(path.join(generatedDir, `${name}.js`)), `${name}.js missing`);
      assert.ok(existsSync(path.join(generatedDir, `${name}.d.ts`)), `${name}.d.ts missing`);
    }
  });

  test('objects reject unknown keys', () => {
    for (const { name, schema } of schemaFiles) {
      for (const [pointer, node] of collectObjectSchemas(schema)) {
        assert.equal(node['additionalProperties'], false, `${name}.schema.json#${pointer}`);
      }
    }
  });

  test('config properties all have descriptions', () => {
    const config = schemaFiles.find((file) => file.name === 'config');
    assert.ok(config);
    for (const [pointer, node] of collectObjectSchemas(config.schema)) {
      const properties = node['properties'] as Record<string, Record<string, unknown>>;
      for (const [key, property] of Object.entries(properties)) {
        assert.equal(typeof property['description'], 'string', `${pointer}/properties/${key}`);
      }
    }
  });

  test('generated code loads no ajv compiler', () => {
    for (const file of readdirSync(generatedDir).filter((name) => name.endsWith('.js'))) {
      const code = readFileSync(path.join(generatedDir, file), 'utf8');
      const imports = [...code.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
      for (const specifier of imports) {
        assert.match(
          String(specifier),
          /^ajv\/dist\/runtime\/[a-z0-9_]+\.js$/,
          `${file} imports ${specifier}`,
        );
      }
      assert.doesNotMatch(code, /\brequire\(/, `${file} calls require()`);
    }
  });
});
