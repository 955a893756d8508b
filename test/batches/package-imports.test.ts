import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTempRepo } from '../helpers/repo.js';
import { analyzeStaged, batchWith, commitFiles, lines, stageFiles } from './staged-analysis.js';

/** Asserts that the batch with `first` comes before, or is, the batch with `then`. */
function assertOrder(batches: ReturnType<typeof analyzeStaged>, first: string, then: string) {
  const ids = batches.map((batch) => batch.id);
  const before = batchWith(batches, first);
  const after = batchWith(batches, then);
  assert.ok(before !== undefined);
  assert.ok(after !== undefined);
  assert.ok(
    ids.indexOf(before.id) <= ids.indexOf(after.id),
    `${then} (${after.id}) comes before ${first} (${before.id})`,
  );
  if (before.id !== after.id) assert.ok(after.dependsOn.includes(before.id));
}

test('Go package comes before its importer', () => {
  const repo = createTempRepo();
  try {
    const main = (extraImport: string[], handler: string[]) =>
      lines(
        'package main',
        '',
        'import (',
        '\t"fmt"',
        '\t"net/http"',
        '',
        ...extraImport,
        '\t"example.com/shortener/internal/store"',
        ')',
        '',
        'func main() {',
        '\ts := store.New()',
        ...handler,
        '\tfmt.Println("listening on :8080")',
        '\thttp.ListenAndServe(":8080", nil)',
        '}',
      );
    commitFiles(repo, {
      'go.mod': lines('module example.com/shortener', '', 'go 1.22'),
      'internal/store/store.go': lines(
        'package store',
        '',
        'type Store struct{ urls map[string]string }',
        '',
        'func New() *Store { return &Store{urls: map[string]string{}} }',
        '',
        'func (s *Store) Put(code, url string) { s.urls[code] = url }',
      ),
      'cmd/shortener/main.go': main([], []),
      'README.md': '# shortener\n',
    });
    stageFiles(repo, {
      'internal/codegen/codegen.go': lines(
        'package codegen',
        '',
        'import (',
        '\t"crypto/rand"',
        '\t"encoding/base64"',
        ')',
        '',
        '// Code returns a random URL-safe code of n bytes of entropy.',
        'func Code(n int) (string, error) {',
        '\tb := make([]byte, n)',
        '\tif _, err := rand.Read(b); err != nil {',
        '\t\treturn "", err',
        '\t}',
        '\treturn base64.RawURLEncoding.EncodeToString(b), nil',
        '}',
      ),
      'internal/codegen/codegen_test.go': lines(
        'package codegen',
        '',
        'import "testing"',
        '',
        'func TestCodeLength(t *testing.T) {',
        '\tif c, _ := Code(6); len(c) != 8 {',
        '\t\tt.Fatalf("len = %d", len(c))',
        '\t}',
        '}',
      ),
      'cmd/shortener/main.go': main(
        ['\t"example.com/shortener/internal/codegen"'],
        [
          '\thttp.HandleFunc("/new", func(w http.ResponseWriter, r *http.Request) {',
          '\t\tcode, err := codegen.Code(6)',
          '\t\tif err != nil {',
          '\t\t\thttp.Error(w, err.Error(), http.StatusInternalServerError)',
          '\t\t\treturn',
          '\t\t}',
          '\t\ts.Put(code, r.URL.Query().Get("url"))',
          '\t\tfmt.Fprintln(w, code)',
          '\t})',
        ],
      ),
      'README.md': '# shortener\n\nA tiny URL shortener written in Go.\n',
    });

    const batches = analyzeStaged(repo, 'aggressive');

    assertOrder(batches, 'internal/codegen/codegen.go', 'cmd/shortener/main.go');
  } finally {
    repo.cleanup();
  }
});

test('Python module comes before its importer', () => {
  const repo = createTempRepo();
  try {
    commitFiles(repo, {
      'src/app/__init__.py': '',
      'src/app/cli.py': lines('def main():', '    print("ready")'),
      'README.md': '# app\n',
    });
    stageFiles(repo, {
      'src/app/slugs.py': lines('def slugify(text):', '    return text.lower().replace(" ", "-")'),
      'src/app/cli.py': lines(
        'from app.slugs import slugify',
        '',
        '',
        'def main():',
        '    print(slugify("Ready Now"))',
      ),
      'README.md': '# app\n\nMakes slugs.\n',
    });

    const batches = analyzeStaged(repo, 'aggressive');

    assertOrder(batches, 'src/app/slugs.py', 'src/app/cli.py');
  } finally {
    repo.cleanup();
  }
});

test('relative Python import reaches its module', () => {
  const repo = createTempRepo();
  try {
    commitFiles(repo, {
      'pkg/__init__.py': '',
      'pkg/api.py': lines('def handler():', '    return 200'),
    });
    stageFiles(repo, {
      'pkg/auth.py': lines('def check_token(token):', '    return token == "ok"'),
      'pkg/api.py': lines(
        'from .auth import check_token',
        '',
        '',
        'def handler(token):',
        '    return 200 if check_token(token) else 401',
      ),
    });

    const batches = analyzeStaged(repo, 'aggressive');

    assertOrder(batches, 'pkg/auth.py', 'pkg/api.py');
  } finally {
    repo.cleanup();
  }
});

test('another repository of the same folder name is no import', () => {
  const repo = createTempRepo();
  try {
    commitFiles(repo, {
      'go.mod': lines('module example.com/app'),
      'cmd/tool/main.go': lines(
        'package main',
        '',
        'import "fmt"',
        '',
        'func main() {',
        '\tfmt.Println("hi")',
        '}',
      ),
    });
    stageFiles(repo, {
      'cmd/tool/main.go': lines(
        'package main',
        '',
        'import (',
        '\t"fmt"',
        '',
        '\t"github.com/pkg/errors"',
        ')',
        '',
        'func main() {',
        '\tfmt.Println(errors.New("hi"))',
        '}',
      ),
      'pkg/errors/errors.go': lines(
        'package errors',
        '',
        '// Wrap wraps.',
        'func Wrap(err error) error { return err }',
      ),
    });

    const batches = analyzeStaged(repo);

    assert.notEqual(
      batchWith(batches, 'cmd/tool/main.go')?.id,
      batchWith(batches, 'pkg/errors/errors.go')?.id,
    );
  } finally {
    repo.cleanup();
  }
});

test('a standard library module is no import', () => {
  const repo = createTempRepo();
  try {
    commitFiles(repo, {
      'scripts/tool.py': lines('def main():', '    print("hi")'),
      'README.md': 'r\n',
    });
    stageFiles(repo, {
      'scripts/tool.py': lines(
        'import logging',
        'import sys',
        '',
        'def main():',
        '    logging.basicConfig(level=logging.INFO)',
        '    print("hi", file=sys.stderr)',
      ),
      'app/logging.py': lines('def setup_logging(level):', '    return level'),
    });

    const batches = analyzeStaged(repo);

    assert.notEqual(
      batchWith(batches, 'scripts/tool.py')?.id,
      batchWith(batches, 'app/logging.py')?.id,
    );
  } finally {
    repo.cleanup();
  }
});
