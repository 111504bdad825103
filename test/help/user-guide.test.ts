// The user guide (docs/panduan) as the Bantuan screen shows it: every screen of the sidebar has its chapter,
// every file of the guide is in the app, its links lead somewhere, and the Markdown reader draws text as text.

import fs from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SCREENS } from '../../renderer/src/app/navigation';
import { Markdown, parseInline, parseMarkdown } from '../../renderer/src/components/markdown';
import { GUIDE_CHAPTERS, GUIDE_INTRODUCTION, guideLinkTarget } from '../../renderer/src/features/help/guide';
import { ROOT } from '../helpers/paths';

const GUIDE_DIR = path.join(ROOT, 'docs/panduan');
const html = (source: string, resolveLink?: (href: string) => string | null) =>
  renderToStaticMarkup(createElement(Markdown, resolveLink ? { source, resolveLink } : { source }));

describe('user guide', () => {
  it('has a chapter for every screen of the sidebar, each screen its own', () => {
    const slugs = GUIDE_CHAPTERS.map((c) => c.slug);
    for (const screen of SCREENS) expect(slugs, `${screen.label} has no chapter`).toContain(screen.guide);
    expect(new Set(SCREENS.map((s) => s.guide)).size).toBe(SCREENS.length);
  });

  it('bundles every file of docs/panduan, and the contents of its opening lists every chapter', () => {
    const files = fs.readdirSync(GUIDE_DIR).filter((f) => f.endsWith('.md')).sort();
    expect(files).toEqual(['README.md', ...GUIDE_CHAPTERS.map((c) => `${c.slug}.md`)].sort());
    for (const chapter of GUIDE_CHAPTERS) {
      expect(chapter.markdown).toBe(fs.readFileSync(path.join(GUIDE_DIR, `${chapter.slug}.md`), 'utf8'));
      expect(GUIDE_INTRODUCTION.markdown, `contents miss ${chapter.slug}`).toContain(`](${chapter.slug}.md)`);
    }
    expect(GUIDE_INTRODUCTION.title).toBe('Panduan Pengguna Jenjang');
  });

  it('links only to chapters that exist', () => {
    for (const { slug, markdown } of [GUIDE_INTRODUCTION, ...GUIDE_CHAPTERS]) {
      for (const [, target] of markdown.matchAll(/\]\(([^)]+)\)/g)) {
        expect(guideLinkTarget(target), `${slug || 'README'}: link to ${target}`).toMatch(/^#\/bantuan(\/[a-z-]+)?$/);
      }
    }
    expect(guideLinkTarget('suksesi.md')).toBe('#/bantuan/suksesi');
    expect(guideLinkTarget('README.md')).toBe('#/bantuan');
    expect(guideLinkTarget('tidak-ada.md')).toBeNull();
  });

  it('speaks to the officer: one title per chapter, no internal names or English left in the text', () => {
    for (const { slug, markdown } of [GUIDE_INTRODUCTION, ...GUIDE_CHAPTERS]) {
      expect(markdown.match(/^# /gm), slug).toHaveLength(1);
      // Field keys, channel names, file paths and code identifiers.
      expect(markdown, slug).not.toMatch(/\b[a-z]+_[a-z_]+\b|\b[a-z]+:[a-z]+\b|\b\w+\.(ts|tsx|sql|sqlite)\b|\b[a-z]+[A-Z][a-zA-Z]*\b/);
      expect(markdown, slug).not.toMatch(/\b(the|and|with|which|employee|position|setting|default)\b/i);
      // Numbers in Indonesian form: decimal comma.
      expect(markdown, slug).not.toMatch(/\b\d+\.\d{1,2}\b(?!\.)/);
    }
  });
});

describe('Markdown reader', () => {
  it('reads headings, paragraphs, lists, tables and inline marks', () => {
    const blocks = parseMarkdown('# Judul\n\nSatu\nbaris.\n\n- a\n  lanjutan\n- b\n\n1. x\n2. y\n\n| A | B |\n|---|---|\n| 1 | 2 |\n');
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Judul' },
      { kind: 'paragraph', text: 'Satu baris.' },
      { kind: 'list', ordered: false, items: ['a lanjutan', 'b'] },
      { kind: 'list', ordered: true, items: ['x', 'y'] },
      { kind: 'table', header: ['A', 'B'], rows: [['1', '2']] },
    ]);
    expect(parseInline('**tebal** dan *miring* dan `HH-BB-TTTT` dan [Pegawai](pegawai.md)')).toEqual([
      { kind: 'strong', children: [{ kind: 'text', text: 'tebal' }] },
      { kind: 'text', text: ' dan ' },
      { kind: 'em', children: [{ kind: 'text', text: 'miring' }] },
      { kind: 'text', text: ' dan ' },
      { kind: 'code', text: 'HH-BB-TTTT' },
      { kind: 'text', text: ' dan ' },
      { kind: 'link', href: 'pegawai.md', children: [{ kind: 'text', text: 'Pegawai' }] },
    ]);
    expect(html('## Bab\n\n| A |\n|---|\n| **b** |', guideLinkTarget)).toBe(
      '<h2>Bab</h2><table class="table table-compact"><thead><tr><th scope="col">A</th></tr></thead><tbody><tr><td><strong>b</strong></td></tr></tbody></table>');
  });

  it('draws HTML in the text as text, never as markup', () => {
    const out = html('# <img src=x onerror=alert(1)>\n\nTeks <script>alert(1)</script> **<b>tebal</b>**\n\n- <iframe src="x">\n\n| <a href="javascript:alert(1)">x</a> |\n|---|\n| <style>body{}</style> |');
    expect(out).not.toMatch(/<(script|img|iframe|style|b|a)[\s>]/);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('<strong>&lt;b&gt;tebal&lt;/b&gt;</strong>');
  });

  it('gives a link only to addresses inside the app or on the web', () => {
    const out = html('[a](javascript:alert(1)) [b](data:text/html,x) [c](#/pegawai) [d](https://jdih.menpan.go.id)');
    expect(out).not.toContain('javascript:');
    expect(out).not.toContain('data:');
    expect(out).toContain('<a href="#/pegawai">c</a>');
    expect(out).toContain('<a href="https://jdih.menpan.go.id" target="_blank" rel="noreferrer">d</a>');
    expect(html('[Pegawai](pegawai.md)', guideLinkTarget)).toBe('<p><a href="#/bantuan/pegawai">Pegawai</a></p>');
  });
});
