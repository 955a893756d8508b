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
    // A comment would corrupt a key file, so the fix names a risk.allow entry instead.
    assert.doesNotMatch(fix, /footprint-allow: private-key/);
    assert.match(fix, /risk\.allow/);
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

describe('private-key rule on keys around added lines', () => {
  const OTHER_MATERIAL = 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun';

  test('key rotated inside a file is found', () => {
    const label = 'RSA PRIVATE KEY';
    const findings = check({
      path: 'deploy/key.pem',
      old: lines(begin(label), KEY_MATERIAL, KEY_MATERIAL, end(label)),
      new: lines(begin(label), OTHER_MATERIAL, OTHER_MATERIAL, end(label)),
    });

    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.line, 2);
    assert.equal(findings[0]?.masked, `${begin(label)} (masked)`);
  });

  test('key replaced in a YAML block is found', () => {
    const label = 'PRIVATE KEY';
    const yaml = (material: string): string =>
      lines(
        'service:',
        '  private_key: |',
        `    ${begin(label)}`,
        `    ${material}`,
        `    ${end(label)}`,
      );
    const findings = check({
      path: 'config/app.yml',
      old: yaml(KEY_MATERIAL),
      new: yaml(OTHER_MATERIAL),
    });

    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.line, 4);
  });

  test('edit beside an unchanged key is not found', () => {
    const findings = check({
      path: 'deploy/key.pem',
      old: lines('# old note', ...pem('RSA PRIVATE KEY')),
      new: lines('# new note', ...pem('RSA PRIVATE KEY')),
    });

    assert.deepEqual(findings, []);
  });

  test('edit after a header with placeholder is not found', () => {
    const findings = check({
      path: 'docs/keys.md',
      old: lines(begin('RSA PRIVATE KEY'), '...', 'Old text.'),
      new: lines(begin('RSA PRIVATE KEY'), '...', OTHER_MATERIAL),
    });

    assert.deepEqual(findings, []);
  });
});

describe('private-key rule on keys split into strings', () => {
  const label = 'RSA PRIVATE KEY';
  const keyLines = [begin(label), KEY_MATERIAL, KEY_MATERIAL, end(label)];

  test('key as a string array is found', () => {
    const elements = keyLines.map((line, index) =>
      index < keyLines.length - 1 ? `  "${line}",` : `  "${line}"`,
    );
    const findings = check({ path: 'src/arr.js', new: lines('const key = [', ...elements, '];') });

    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.line, 2);
  });

  test('properties value with continuations is found', () => {
    const value = keyLines.map((line, index) =>
      index === 0 ? `jwt.key=${line}\\n\\` : `${line}\\n\\`,
    );
    const findings = check({ path: 'src/app.properties', new: lines(...value, '') });

    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.line, 1);
  });

  test('shell string with continuations is found', () => {
    const value = keyLines.map((line, index) =>
      index === 0 ? `export KEY="${line}\\` : `${line}\\`,
    );
    const findings = check({ path: 'env.sh', new: lines(...value, '"') });

    assert.equal(findings.length, 1);
  });

  test('header string followed by code is not a key', () => {
    const findings = check({
      path: 'src/detect.js',
      new: lines(`const HEADERS = ["${begin(label)}",`, '  parsePrivateKeyFromString(text)];'),
    });

    assert.deepEqual(findings, []);
  });
});

describe('private-key rule on the OpenSSH preamble', () => {
  const label = 'OPENSSH PRIVATE KEY';

  /** Encodes an SSH string: a 4-byte big-endian length and the bytes. */
  function sshString(bytes: Buffer): Buffer {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    return Buffer.concat([length, bytes]);
  }

  /** Builds an unencrypted ed25519 key in OpenSSH's format, with made-up key bytes. */
  function openSshKeyBase64(): string {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(1);
    const publicKey = sshString(
      Buffer.concat([sshString(Buffer.from('ssh-ed25519')), sshString(Buffer.alloc(32, 7))]),
    );
    const privateSection = sshString(Buffer.alloc(144, 9));
    return Buffer.concat([
      Buffer.from('openssh-key-v1\0', 'latin1'),
      sshString(Buffer.from('none')),
      sshString(Buffer.from('none')),
      sshString(Buffer.alloc(0)),
      count,
      publicKey,
      privateSection,
    ]).toString('base64');
  }

  function wrap(base64: string): string[] {
    return base64.match(/.{1,70}/g) ?? [];
  }

  test('preamble line then ellipsis is not a key', () => {
    const [first = ''] = wrap(openSshKeyBase64());
    const findings = check({
      path: 'docs/ssh.md',
      new: lines(
        'Your key file starts like this:',
        '',
        `    ${begin(label)}`,
        `    ${first}`,
        '    ...',
        `    ${end(label)}`,
      ),
    });

    assert.deepEqual(findings, []);
  });

  test('magic in a startsWith check is not a key', () => {
    const magic = openSshKeyBase64().slice(0, 19);
    const findings = check({
      path: 'src/detect.js',
      new: lines(`export const isOpenSsh = (t) => t.startsWith("${begin(label)}\\n${magic}");`),
    });

    assert.deepEqual(findings, []);
  });

  test('whole OpenSSH key is found', () => {
    const findings = check({
      path: 'keys/id_ed25519',
      new: lines(begin(label), ...wrap(openSshKeyBase64()), end(label)),
    });

    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.line, 1);
  });

  test('OpenSSH key in a JSON string is found', () => {
    const body = wrap(openSshKeyBase64()).join('\\n');
    const findings = check({
      path: 'config/key.json',
      new: lines(`{ "key": "${begin(label)}\\n${body}\\n${end(label)}\\n" }`),
    });

    assert.equal(findings.length, 1);
  });
});

describe('private-key in the SSH2 format', () => {
  test('SSH2 key is found', () => {
    const findings = check({
      path: 'id_ssh2',
      new: lines(
        ['----', ' BEGIN SSH2 ENCRYPTED PRIVATE KEY ', '----'].join(''),
        'Comment: "rsa-key-20240101"',
        'P2/56wAAAi4AAAA3aWYtbW9kbntzaWdue3JzYS1wa2NzMS1zaGExfSxlbmNyeXB0e3JzYS1wa2NzMXYyLW9hZXB9fQ==',
        'AAAABG5vbmUAAAIBAAAAAQH/AAAAAQAAAQDWcSn7nVK5ERP2GnlQd4XmeJH1n8J7F0z2FQt/Hk4XkRRoYh3W2mC9',
        ['----', ' END SSH2 ENCRYPTED PRIVATE KEY ', '----'].join(''),
      ),
    });

    assert.deepEqual(
      findings.map((finding) => `${finding.line} ${finding.masked}`),
      [`1 ${['----', ' BEGIN SSH2 ENCRYPTED PRIVATE KEY ', '----'].join('')} (masked)`],
    );
  });
});
