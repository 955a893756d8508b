import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findCommandLinePasswords } from '../../src/risk/secrets/command-line-passwords.js';

// Stops a hang such as catastrophic backtracking. bench/risk/hostile.ts measures speed.
const HANG_TIMEOUT_MS = 120_000;

/**
 * Passwords assembled at run time, so this file contains no command-line password that
 * footprint's own hook would report.
 */
const password = ['S3c', 'r3tPw'].join('');
const other = ['Oth3r', 'Pw'].join('');

/** Lines and the passwords found in them, as `option value kind`. */
const foundCases: Array<[name: string, line: string, expected: string[]]> = [
  ['mysqldump -p', `mysqldump -uroot -p${password} app > app.sql`, [`-p ${password} literal`]],
  [
    '--password and a space',
    `mysql --user=root --password ${other} app`,
    [`--password ${other} literal`],
  ],
  ['--password=', `mysql --password=${password} app`, [`--password ${password} literal`]],
  ['quoted -p value', `mysql -p'${password}' app`, [`-p ${password} literal`]],
  [
    'prefixed long option',
    `deploy --db-password "${password}"`,
    [`--db-password ${password} literal`],
  ],
  [
    'gpg --passphrase',
    `gpg --batch --passphrase ${password}`,
    [`--passphrase ${password} literal`],
  ],
  ['PGPASSWORD', `PGPASSWORD=${password} psql -h db`, [`PGPASSWORD ${password} literal`]],
  ['exported MYSQL_PWD', `export MYSQL_PWD='${password}'`, [`MYSQL_PWD ${password} literal`]],
  ['sshpass -p and a space', `sshpass -p ${password} ssh host`, [`-p ${password} literal`]],
  ['sshpass -p attached', `sshpass -p${password} ssh host`, [`-p ${password} literal`]],
  ['redis-cli -a', `redis-cli -h cache -a ${password} ping`, [`-a ${password} literal`]],
  ['curl -u', `curl -u deploy:${password} https://registry`, [`-u ${password} literal`]],
  ['curl --user', `curl --user deploy:${password} https://x`, [`--user ${password} literal`]],
  [
    'continued command line',
    `mysql \\\n  -uroot \\\n  -p${password} app`,
    [`-p ${password} literal`],
  ],
  [
    'compose healthcheck',
    `test: ["CMD", "mysqladmin", "ping", "-p${password}"]`,
    [`-p ${password} literal`],
  ],
  ['-p"$VAR"', 'mysql -u root -p"$DB_PASS" app', ['-p $DB_PASS reference']],
  ['--password "${VAR}"', 'mysql --password "${DB_PASS}" app', ['--password ${DB_PASS} reference']],
  ['--password=$VAR', 'mysql --password=$DB_PASS', ['--password $DB_PASS reference']],
  ['curl -u with variables', 'curl -u "$USER:$PASS" https://x', ['-u $PASS reference']],
  ['PGPASSWORD from a variable', 'PGPASSWORD="$PW" psql', ['PGPASSWORD $PW reference']],
  ['default CI login', 'mysql -uroot -proot app', ['-p root placeholder']],
  [
    'default postgres password',
    'PGPASSWORD=postgres psql -U postgres',
    ['PGPASSWORD postgres placeholder'],
  ],
  ['template string in single quotes', "mysql -p'${pw}' app", ['-p ${pw} reference']],
  ['empty source prefix', 'tool --password=env:', ['--password env: reference']],
  [
    'words in a doc comment',
    'as in PGPASSWORD="two words" here',
    ['PGPASSWORD two words placeholder'],
  ],
  ['metavariable', '--password PASSWORD', ['--password PASSWORD placeholder']],
  ['metavariable in prose', 'Examples (mysql -pSECRET, or)', ['-p SECRET, placeholder']],
  ['variable with a comma only', 'PGPASSWORD=, curl', ['PGPASSWORD , placeholder']],
  ['literal before a comma', `mysql -p${password}, then`, [`-p ${password}, literal`]],
  ['redaction mark', 'mysql -p[REDACTED] app', ['-p [REDACTED] placeholder']],
  [
    'help text type',
    '  --password string   Password for the registry',
    ['--password string placeholder'],
  ],
  ['prose', 'Use --password and --user together.', ['--password and placeholder']],
  ['-p with a placeholder', 'mysql -uroot -pYourPassword', ['-p YourPassword placeholder']],
  ['user as password', 'curl -u admin:admin https://x', ['-u admin placeholder']],
  ['capitalised help text', '  --password  The password to use', ['--password The placeholder']],
  ['--password=false', 'tool --password=false', ['--password false placeholder']],
  ['--password=true', 'tool --password=TRUE', ['--password TRUE placeholder']],
  ['--password=stdin', 'tool --password=stdin', ['--password stdin placeholder']],
  ['--password=env:', 'tool --password=env:DB_PW', ['--password env:DB_PW reference']],
  ['--password=file:', 'tool --password=file:/run/db', ['--password file:/run/db reference']],
  ['single-quoted dollar', `mysql -uroot -p'$${password}' app`, [`-p $${password} literal`]],
  ['single-quoted template', "mysql -p'{{pw}}' app", ['-p {{pw}} reference']],
  ['mysql after sudo', `sudo -u app mysql -p${password}`, [`-p ${password} literal`]],
  ['mysql after a variable', `TZ=UTC mysqldump -p${password} app`, [`-p ${password} literal`]],
  ['mysql after &&', `cd x && mysql -p${password}`, [`-p ${password} literal`]],
  ['mysql in docker exec', `docker exec -it db mysql -p${password}`, [`-p ${password} literal`]],
  ['mysql in a YAML step', `  - run: mysql -p${password} app`, [`-p ${password} literal`]],
  ['attached value with &', `mysqldump -uapp -p${password}&nd app`, [`-p ${password}&nd literal`]],
  [
    'quoted spaces after a variable',
    `PGPASSWORD="${password} x" psql`,
    [`PGPASSWORD ${password} x literal`],
  ],
  ['curl -u with quoted spaces', `curl -u "deploy:${password} x" h`, [`-u ${password} x literal`]],
  ['Dockerfile ENV', `ENV PGPASSWORD ${password}`, [`PGPASSWORD ${password} literal`]],
  ['docker login -p', `docker login -u admin -p ${password} reg`, [`-p ${password} literal`]],
  ['mongosh -p', `mongosh -u admin -p ${password} --quiet`, [`-p ${password} literal`]],
  ['sqlcmd -P', `sqlcmd -S db -U sa -P '${password}!' -Q x`, [`-P ${password}! literal`]],
  ['zip -P', `zip -P ${password} out.zip a.txt`, [`-P ${password} literal`]],
  ['ldapsearch -w', `ldapsearch -x -D cn=admin -w ${password} -b dc=x`, [`-w ${password} literal`]],
  [
    'openssl -passout pass:',
    `openssl genrsa -aes256 -passout pass:${password} 2048`,
    [`-passout pass: ${password} literal`],
  ],
  [
    'echo into --password-stdin',
    `echo "${password}" | docker login -u ci --password-stdin reg`,
    [`echo ${password} literal`],
  ],
  [
    'printf into --password-stdin',
    `printf '%s' '${password}' | podman login --password-stdin reg`,
    [`printf ${password} literal`],
  ],
  [
    'here-string to --password-stdin',
    `docker login --password-stdin <<< "${password}"`,
    [`<<< ${password} literal`],
  ],
  [
    'variable into --password-stdin',
    'echo "$PW" | docker login --password-stdin',
    ['echo $PW reference'],
  ],
  [
    'gpg --passphrase with spaces',
    `gpg --batch --passphrase "${password} horse" -d f`,
    [`--passphrase ${password} horse literal`],
  ],
];

/** Lines with no password value at all. */
const noneCases: Array<[name: string, line: string]> = [
  ['mysql -p alone', 'mysql -u root -p app'],
  ['-p of another command', 'mkdir -p build; ssh -p2222 host'],
  ['-p after the command ended', 'mysqldump app > a.sql; ssh -p2222 host'],
  ['--no-password', 'psql --no-password app'],
  ['option name in code', "args.push('--password=' + password)"],
  ['option name in a list', 'spawn("mysql", ["--password", password])'],
  ['curl -u without a password', 'curl -u admin: https://x'],
  ['word containing a command', 'libcurl -u a:b'],
  ['mysql in an import', 'import mysql.connector -p'],
  ['bypass option', '--bypass value'],
  ['mysql inside a regular expression', '/mysql -p\\[REDACTED\\] app/'],
  ['ansible --ask-pass', 'ansible-playbook -i hosts --ask-pass site.yml'],
  ['ansible --ask-vault-pass', 'ansible-playbook --ask-vault-pass site.yml'],
  ['x264 --pass', 'x264 --pass 1 --bitrate 1000 -o out.mkv in.y4m'],
  ['container named mysql', 'docker run -d --name mysql -p3306:3306 mysql:8'],
  ['Dockerfile ENV with another word first', 'echo ENV PGPASSWORD value'],
  ['openssl -passin env:', 'openssl rsa -passin env:KEY_PW -in k.pem'],
  ['file into --password-stdin', 'cat pw.txt | docker login --password-stdin'],
  ['echo in another command', 'echo done; docker login --password-stdin < pw.txt'],
  ['echo before ||', 'echo "x" || docker login --password-stdin'],
];

function describeFound(line: string): string[] {
  return findCommandLinePasswords(line).map(
    (found) => `${found.option} ${found.value} ${found.kind}`,
  );
}

describe('findCommandLinePasswords', () => {
  for (const [name, line, expected] of foundCases) {
    test(`reads ${name}`, () => {
      assert.deepEqual(describeFound(line), expected);
    });
  }

  for (const [name, line] of noneCases) {
    test(`finds nothing in ${name}`, () => {
      assert.deepEqual(describeFound(line), []);
    });
  }

  test('offsets point at the value', () => {
    const text = `x\nmysql -p'${password}' && curl -u me:${other} h`;
    const spans = findCommandLinePasswords(text).map((found) => text.slice(found.start, found.end));

    assert.deepEqual(spans, [password, other]);
  });

  test('command and user are kept', () => {
    const [mysql] = findCommandLinePasswords(`mysqldump -p${password} app`);
    const [curl] = findCommandLinePasswords(`curl -u deploy:${password} h`);

    assert.equal(mysql?.command, 'mysqldump');
    assert.equal(mysql?.separator, '');
    assert.equal(curl?.command, 'curl');
    assert.equal(curl?.user, 'deploy');
    assert.equal(curl?.separator, ' ');
  });

  test('long lines of repeated options', { timeout: HANG_TIMEOUT_MS }, () => {
    // Only the first `curl` starts a command, and its options are read for 4,096 characters.
    const cases: Array<[input: string, found: number]> = [
      ['mysql '.repeat(200_000), 0],
      ['--password='.repeat(100_000), 4000],
      ['--password '.repeat(100_000), 0],
      ['curl -u a:b '.repeat(50_000), 341],
      ['--a-b-c-d-e-'.repeat(100_000), 0],
      [`--password=${'a'.repeat(2_000_000)}`, 1],
    ];
    for (const [input, found] of cases) {
      assert.equal(findCommandLinePasswords(input).length, found, input.slice(0, 12));
    }
  });

  test('command starts on many lines', () => {
    const lines = [
      `echo start; mysql -p${password} app`,
      'docker run --name mysql -p 3306:3306 image',
      `${'word '.repeat(60)}mysql -p${other} app`,
      `sudo \\\n  mysql -p${other} app`,
      `cd db && mysql -p${password} app`,
    ];
    const text = Array.from({ length: 50 }, () => lines.join('\n')).join('\n');
    const values = findCommandLinePasswords(text).map((found) => found.value);

    // The name after 300 characters of words is too far from its line's start to be a command.
    assert.equal(values.length, 150);
    assert.deepEqual(values.slice(0, 3), [password, other, password]);
  });

  test('long value is cut at 256 characters', { timeout: HANG_TIMEOUT_MS }, () => {
    const [found] = findCommandLinePasswords(`--password=${'a'.repeat(2_000_000)}`);

    assert.equal(found?.start, 11);
    assert.equal(found?.end, 11 + 256);
  });
});
