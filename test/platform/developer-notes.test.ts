import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { developerNotes } from '../helpers/developer-notes';
import { ROOT } from '../helpers/paths';

// Every text an officer can see starts as a string in the source (a message, a label, a note, JSX text) or as a
// chapter of the user guide. None of them may carry a note meant for developers (test/helpers/developer-notes.ts);
// comments may, and are not read here.

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The string literals, template pieces and JSX text of one source file, with their lines. */
function textsOf(path: string): Array<{ line: number; text: string }> {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: Array<{ line: number; text: string }> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node) || ts.isJsxText(node)) {
      out.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text });
    }
    node.forEachChild(visit);
  };
  visit(source);
  return out;
}

describe('no note meant for developers reaches an officer', () => {
  it('recognises the notes it looks for', () => {
    expect(developerNotes('Kewajiban PKA mengikuti praktik umum; dasar hukumnya belum terkonfirmasi.')).toEqual(['belum terkonfirmasi', 'dasar hukumnya belum', 'mengikuti praktik umum']);
    expect(developerNotes('sebutannya tidak diisi karena ambang skala itu belum dikonfirmasi')).toEqual(['belum dikonfirmasi']);
    expect(developerNotes('Lihat DESIGN.md [U: no regulation found]')).toEqual(['DESIGN.md', '[U: no regulation found]', 'no regulation found']);
    expect(developerNotes('Kalibrasi sementara; PKA wajib bagi Administrator (Peraturan LAN 5/2022).')).toEqual([]);
  });

  it('in the strings and JSX text of main, shared and the renderer', () => {
    const found = ['main', 'shared', 'renderer/src'].flatMap((top) => sourceFiles(join(ROOT, top)))
      .flatMap((path) => textsOf(path).flatMap(({ line, text }) => developerNotes(text).map((note) => `${relative(ROOT, path)}:${line}: ${note}`)));
    expect(found).toEqual([]);
  });

  it('in the user guide', () => {
    const dir = join(ROOT, 'docs/panduan');
    const found = readdirSync(dir).filter((name) => name.endsWith('.md'))
      .flatMap((name) => developerNotes(readFileSync(join(dir, name), 'utf8')).map((note) => `${name}: ${note}`));
    expect(found).toEqual([]);
  });
});
