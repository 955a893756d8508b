import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fileText, runPrecommit, secretLocations } from './precommit-risk.js';

// Values are joined from parts so that this file contains no string a scanner would flag.
const KEY = ['Xq7HgZVu', 'RokLERfE9z'].join('');
const SYMBOL_SECRET = ['TcXmk7xZ', 'LY7!nCvM87'].join('');
const JWT_SECRET = ['Ln0eOT0ph', 'gZoukicE55'].join('');
const PASSWORD = ['p42O0AC3', 'oaP9w87k'].join('');
const DEPLOY_PASSWORD = ['QbVM6jMXw', 'ijUgzmwbk1'].join('');
const DB_PASSWORD = ['RvwQRGW4f', 'OA5UB0nz46'].join('');
const BEARER = ['Zt4pDopbZ4nb', 'pDMWzdBlAi48Qx'].join('');
const BASIC = Buffer.from(`admin:${KEY}`).toString('base64');
const DOLLAR = '$';

describe('generic-secret fallbacks and positional credentials', () => {
  test('hard-coded fallbacks block', () => {
    const outcome = runPrecommit({
      'src/client.ts': fileText(
        `export const apiKey = process.env.API_KEY || "${KEY}";`,
        `export const sessionSecret = process.env.SESSION_SECRET ?? "${SYMBOL_SECRET}";`,
        `export const config = { jwtSecret: process.env.JWT_SECRET ?? "${JWT_SECRET}" };`,
        `connect(process.env.DB_PASSWORD || "${DB_PASSWORD}");`,
      ),
      'src/settings.py': fileText(
        'import os',
        `password = os.environ.get("DB_PASSWORD") or "${PASSWORD}"`,
      ),
    });

    assert.deepEqual(secretLocations(outcome), [
      'generic-secret src/client.ts:1',
      'generic-secret src/client.ts:2',
      'generic-secret src/client.ts:3',
      'generic-secret src/client.ts:4',
      'generic-secret src/settings.py:2',
    ]);
    assert.equal(outcome.findings[0]?.masked, 'apiKey = ********');
    assert.equal(outcome.blocked, true);
    assert.equal(outcome.status, 1);
  });

  test('positional credentials block', () => {
    const outcome = runPrecommit({
      'src/db.py': fileText(
        `r = requests.get(url, auth=("admin", "${PASSWORD}"))`,
        `session.auth = HTTPBasicAuth("svc-deploy", "${DEPLOY_PASSWORD}")`,
      ),
      'src/Db.java': fileText(
        `Connection c = DriverManager.getConnection(url, "app", "${DB_PASSWORD}");`,
      ),
      'src/Client.cs': fileText(
        `var credential = new NetworkCredential("svc", "${DEPLOY_PASSWORD}");`,
      ),
      'src/client.go': fileText(`req.SetBasicAuth("svc", "${DEPLOY_PASSWORD}")`),
      'db/001_users.sql': fileText(
        `ALTER USER 'app'@'%' IDENTIFIED BY '${SYMBOL_SECRET}';`,
        `CREATE ROLE report WITH LOGIN PASSWORD '${PASSWORD}';`,
      ),
      'login.sh': fileText(
        '#!/bin/sh',
        `echo "${DEPLOY_PASSWORD}" | docker login -u ci --password-stdin registry.acme.io`,
      ),
    });

    assert.deepEqual(secretLocations(outcome), [
      'generic-secret db/001_users.sql:1',
      'generic-secret db/001_users.sql:2',
      'command-line-password login.sh:2',
      'generic-secret src/Client.cs:1',
      'generic-secret src/Db.java:1',
      'generic-secret src/client.go:1',
      'generic-secret src/db.py:1',
      'generic-secret src/db.py:2',
    ]);
    assert.equal(outcome.blocked, true);
    assert.equal(outcome.status, 1);
  });

  test('placeholders and references pass', () => {
    const outcome = runPrecommit({
      'src/client.ts': fileText(
        'export const apiKey = process.env.API_KEY || "changeme";',
        'export const secret = process.env.SECRET ?? "password";',
        `export const token = process.env.TOKEN || "${DOLLAR}{PASSWORD}";`,
        'export const timeout = process.env.TIMEOUT_MS || "30000";',
        'export const auth = process.env.AUTH_MODE || "oauth2-pkce";',
        'export const key = options.key ?? "";',
      ),
      'src/db.py': fileText(
        'r = requests.get(url, auth=("admin", "changeme"))',
        'session.auth = HTTPBasicAuth(user, password)',
        'session.auth = HTTPBasicAuth("svc", "<password>")',
      ),
      'src/Db.java': fileText(
        'Connection c = DriverManager.getConnection(url, "app", "password");',
        'Connection d = DriverManager.getConnection(url, user, secret);',
      ),
      'db/001_users.sql': fileText(
        "ALTER USER 'app'@'%' IDENTIFIED BY 'password';",
        `CREATE USER app IDENTIFIED BY '${DOLLAR}{DB_PASSWORD}';`,
        'CREATE ROLE report WITH LOGIN PASSWORD NULL;',
      ),
      'login.sh': fileText(
        '#!/bin/sh',
        `echo "${DOLLAR}CI_REGISTRY_PASSWORD" | docker login -u ci --password-stdin registry`,
        'echo "changeme" | docker login -u ci --password-stdin registry',
      ),
    });

    assert.deepEqual(secretLocations(outcome), []);
    assert.equal(outcome.blocked, false);
    assert.equal(outcome.status, 0);
  });
});

describe('generic-secret values inside other text', () => {
  test('connection strings, settings and headers block', () => {
    const connection = `Server=db;Database=app;User Id=sa;Password=${KEY};`;
    const outcome = runPrecommit({
      'src/Conn.cs': fileText(`var cs = "${connection}";`),
      'src/Conn.java': fileText(`String cs = "${connection}";`),
      'src/conn.ts': fileText(`export const cs = '${connection}';`),
      'web.config': fileText(
        '<configuration>',
        '  <appSettings>',
        `    <add key="DbPassword" value="${KEY}" />`,
        '  </appSettings>',
        '</configuration>',
      ),
      'config/auth.yaml': fileText('auth:', '  password: |', `    ${KEY}`),
      'src/app.py': fileText(
        `DATABASE_URI = 'mssql+pyodbc://app@db.acme.io/app?driver=ODBC&password=${KEY}'`,
      ),
      'docs/api.md': fileText(
        '# API',
        '',
        `curl -H "Authorization: Bearer ${BEARER}" https://api.acme.io/v1`,
      ),
      'src/h.js': fileText(
        `fetch(u, { headers: { Authorization: 'Basic ' + btoa('admin:${KEY}') } });`,
        `fetch(u, { headers: { Authorization: "Basic ${BASIC}" } });`,
      ),
    });

    assert.deepEqual(secretLocations(outcome), [
      'generic-secret config/auth.yaml:2',
      'generic-secret docs/api.md:3',
      'generic-secret src/Conn.cs:1',
      'generic-secret src/Conn.java:1',
      'generic-secret src/app.py:1',
      'generic-secret src/conn.ts:1',
      'generic-secret src/h.js:1',
      'generic-secret src/h.js:2',
      'generic-secret web.config:3',
    ]);
    assert.equal(outcome.blocked, true);
    assert.equal(outcome.status, 1);
  });

  test('empty, templated and placeholder values pass', () => {
    const outcome = runPrecommit({
      'src/Conn.cs': fileText(
        'var a = "Server=db;User Id=sa;Password=;";',
        'var b = "Server=db;User Id=sa;Password={0};";',
        'var c = "Server=db;User Id=sa;Password=" + password + ";";',
        `var d = $"Server=db;Password={password};";`,
      ),
      'web.config': fileText(
        '<appSettings>',
        '  <add key="DbPassword" value="" />',
        '  <add key="PasswordMinLength" value="12" />',
        '</appSettings>',
      ),
      'config/auth.yaml': fileText('auth:', '  password: |', '    {{ .Values.password }}'),
      'src/app.py': fileText(`URI = f"mssql://app@db/app?password={password}"`),
      'docs/api.md': fileText(
        '# API',
        '',
        'curl -H "Authorization: Bearer <token>" https://api.acme.io/v1',
        `curl -H "Authorization: Bearer ${DOLLAR}TOKEN" https://api.acme.io/v1`,
        'Send `Authorization: Bearer YOUR_TOKEN_HERE` with each request.',
      ),
      'src/h.js': fileText(
        "fetch(u, { headers: { Authorization: 'Basic ' + btoa(user + ':' + pass) } });",
        "fetch(u, { headers: { Authorization: 'Basic ' + btoa('admin:changeme') } });",
        `fetch(u, { headers: { Authorization: \`Bearer ${DOLLAR}{token}\` } });`,
      ),
    });

    assert.deepEqual(secretLocations(outcome), []);
    assert.equal(outcome.blocked, false);
    assert.equal(outcome.status, 0);
  });
});
