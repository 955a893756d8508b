import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { privateKeyRule } from '../../src/risk/rules/private-key.js';
import type { Finding } from '../../src/risk/types.js';
import { lines, makeFootprint, type FileSpec } from '../helpers/footprint-builder.js';

// Key headers are built from pieces so this file contains no key header itself.
const DASHES = '-----';
const begin = (label: string): string => `${DASHES}BEGIN ${label}${DASHES}`;
const end = (label: string): string => `${DASHES}END ${label}${DASHES}`;
const KEY_MATERIAL = 'AAAAB3NzaC1yc2EAAAADAQABAAABAQDfakefakefakefake';

function pem(label: string): string[] {
  return [begin(label), KEY_MATERIAL, end(label)];
}

function check(spec: FileSpec): Finding[] {
  const input = makeFootprint([spec]);
  const file = input.footprint.files[0];
  const content = input.content.get(spec.path);
  assert.ok(file);
  assert.ok(content);
  return privateKeyRule.check?.(file, content, { severity: 'critical', options: {} }) ?? [];
}

describe('private-key rule', () => {
  const labels = [
    'RSA PRIVATE KEY',
    'EC PRIVATE KEY',
    'DSA PRIVATE KEY',
    'OPENSSH PRIVATE KEY',
    'ENCRYPTED PRIVATE KEY',
    'PRIVATE KEY',
    'PGP PRIVATE KEY BLOCK',
  ];

  for (const label of labels) {
    test(`${label} is found`, () => {
      const findings = check({ path: 'keys/id', new: lines('x', ...pem(label)) });

      assert.equal(findings.length, 1);
      assert.equal(findings[0]?.line, 2);
      assert.equal(findings[0]?.severity, 'critical');
      assert.equal(findings[0]?.masked, `${begin(label)} (masked)`);
    });
  }

  test('PuTTY key is found', () => {
    const findings = check({
      path: 'id.ppk',
      new: lines(
        'PuTTY-User-Key-' + 'File-3: ssh-ed25519',
        'Encryption: none',
        'Private-Lines: 1',
        KEY_MATERIAL,
      ),
    });

    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.line, 1);
    assert.equal(findings[0]?.masked, 'PuTTY-User-Key-' + 'File-3: (masked)');
  });

  test('key inside a string literal is found', () => {
    const findings = check({
      path: 'src/config.ts',
      new: lines(`const key = "${begin('RSA PRIVATE KEY')}\\n${KEY_MATERIAL}";`),
    });

    assert.equal(findings.length, 1);
  });

  test('finding has path and line and hides the key', () => {
    const [finding] = check({ path: 'deploy/key.pem', new: lines(...pem('RSA PRIVATE KEY')) });

    assert.equal(finding?.path, 'deploy/key.pem');
    assert.equal(finding?.line, 1);
    assert.equal(finding?.message, 'Private key staged');
    assert.ok(!JSON.stringify(finding).includes(KEY_MATERIAL));
  });

  const placeholders: Array<{ name: string; text: string[] }> = [
    { name: 'masked sample output', text: [`${begin('RSA PRIVATE KEY')} (masked)`] },
    { name: 'ellipsis after the header', text: [begin('OPENSSH PRIVATE KEY'), '...'] },
    { name: 'prose after the header', text: [begin('PRIVATE KEY'), 'Paste your key here.'] },
    { name: 'header alone at the end', text: ['# sample', begin('EC PRIVATE KEY')] },
    { name: 'header in a string', text: [`const marker = '${begin('RSA PRIVATE KEY')}';`] },
    {
      name: 'PuTTY header in prose',
      text: ['Files start with PuTTY-User-Key-' + 'File-3: and more.'],
    },
  ];

  for (const { name, text } of placeholders) {
    test(`${name} is not a key`, () => {
      assert.deepEqual(check({ path: 'docs/keys.md', new: lines(...text) }), []);
    });
  }

  test('armour headers before the material are skipped', () => {
    const findings = check({
      path: 'key.pem',
      new: lines(
        begin('RSA PRIVATE KEY'),
        'Proc-Type: 4,ENCRYPTED',
        'DEK-Info: AES-128-CBC,00',
        '',
        KEY_MATERIAL,
      ),
    });

    assert.equal(findings.length, 1);
  });

  test('END line right after the header counts', () => {
    const findings = check({
      path: 'key.pem',
      new: lines(begin('PRIVATE KEY'), end('PRIVATE KEY')),
    });

    assert.equal(findings.length, 1);
  });

  test('fix names every way out', () => {
    const [finding] = check({ path: 'key.pem', new: lines(...pem('EC PRIVATE KEY')) });
    const fix = finding?.fix ?? '';

    assert.match(fix, /Remove the key/);
    assert.match(fix, /rotate the key/);
    assert.match(fix, /footprint-allow: private-key/);
    assert.match(fix, /FOOTPRINT_SKIP=private-key/);
    assert.match(fix, /git commit --no-verify/);
  });

  test('public key and certificate are not found', () => {
    const findings = check({
      path: 'certs/a.pem',
      new: lines(...pem('PUBLIC KEY'), ...pem('CERTIFICATE'), ...pem('RSA PUBLIC KEY')),
    });

    assert.deepEqual(findings, []);
  });

  test('key on deleted lines is not found', () => {
    const findings = check({
      path: 'key.pem',
      old: lines('keep', ...pem('RSA PRIVATE KEY')),
      new: lines('keep'),
    });

    assert.deepEqual(findings, []);
  });

  test('deleted key file is not found', () => {
    const findings = check({ path: 'key.pem', old: lines(...pem('RSA PRIVATE KEY')), new: null });

    assert.deepEqual(findings, []);
  });

  test('renamed key without changes is not found', () => {
    const text = lines(...pem('RSA PRIVATE KEY'));
    const findings = check({ path: 'new/key.pem', oldPath: 'key.pem', old: text, new: text });

    assert.deepEqual(findings, []);
  });

  test('header split by other text is not found', () => {
    const findings = check({
      path: 'a.txt',
      new: lines(`${DASHES}BEGIN RSA  PRIVATE KEY${DASHES}`),
    });

    assert.deepEqual(findings, []);
  });
});
