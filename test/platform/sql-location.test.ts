import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths';

// Every SQL statement of Jenjang lives in main/db/sql/ (its README), behind one module per capability, so that a
// second dialect can be added there and nowhere else. Services, the import and the demo load, the IPC handlers and
// the host hold rules and wiring only: a string in them that reads as SQL is a statement that escaped.

const GUARDED = ['main/services', 'main/import', 'main/demo', 'main/ipc', 'main/host.ts'];

const SQL_SHAPES: Array<{ name: string; pattern: RegExp }> = [
  { name: 'SELECT', pattern: /\bSELECT\s/ },
  { name: 'INSERT INTO', pattern: /\bINSERT\s+(?:OR\s+\w+\s+)?INTO\b/ },
  { name: 'UPDATE … SET', pattern: /\bUPDATE\s+\S+\s+SET\b/ },
  { name: 'DELETE FROM', pattern: /\bDELETE\s+FROM\b/ },
  { name: 'PRAGMA', pattern: /\bPRAGMA\s/ },
];

function sourceFiles(entry: string): string[] {
  const path = join(ROOT, entry);
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((child) => {
    const childPath = join(entry, child.name);
    if (child.isDirectory()) return sourceFiles(childPath);
    return /\.tsx?$/.test(child.name) && !child.name.endsWith('.d.ts') ? [join(ROOT, childPath)] : [];
  });
}

/** The strings of a source (literals, and templates read whole with each `${…}` as one word); comments are not read. */
function stringsOf(fileName: string, text: string): Array<{ line: number; text: string }> {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: Array<{ line: number; text: string }> = [];
  const visit = (node: ts.Node): void => {
    const line = () => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      out.push({ line: line(), text: node.text });
    } else if (ts.isTemplateExpression(node)) {
      out.push({ line: line(), text: node.head.text + node.templateSpans.map((span) => `x${span.literal.text}`).join('') });
    }
    node.forEachChild(visit);
  };
  visit(source);
  return out;
}

/** Every string of the source that reads as SQL, with its line and the shape it has. */
function sqlStrings(fileName: string, text: string): Array<{ line: number; shape: string; text: string }> {
  return stringsOf(fileName, text).flatMap((s) =>
    SQL_SHAPES.filter((shape) => shape.pattern.test(s.text)).map((shape) => ({ line: s.line, shape: shape.name, text: s.text })));
}

describe('SQL text lives in main/db/sql only', () => {
  it('recognises statements in strings and templates, and leaves comments and Indonesian text alone', () => {
    const sample = [
      "// SELECT in a comment is prose",
      "const a = 'SELECT id FROM account WHERE username = ?';",
      'const b = `UPDATE ${table} SET value = NULL WHERE id = ?`;',
      'const c = "INSERT OR IGNORE INTO app_setting (key, value) VALUES (?, ?)";',
      'const d = `DELETE FROM employee_competency_current WHERE employee_id IN (${marks})`;',
      "const e = 'PRAGMA query_only = 1';",
      "const f = 'Pilih unit kerja, lalu perbarui data pegawai yang dipilih.';",
    ].join('\n');
    expect(sqlStrings('sample.ts', sample).map((hit) => `${hit.line} ${hit.shape}`)).toEqual([
      '2 SELECT', '3 UPDATE … SET', '4 INSERT INTO', '5 DELETE FROM', '6 PRAGMA',
    ]);
  });

  it('finds no SQL statement in services, the import, the demo load, the IPC handlers or the host', () => {
    const files = GUARDED.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((path) => sqlStrings(path, readFileSync(path, 'utf8'))
      .map((hit) => `${relative(ROOT, path)}:${hit.line} ${hit.shape}: ${hit.text.replace(/\s+/g, ' ').trim().slice(0, 100)}`));
    expect(found).toEqual([]);
  });
});
