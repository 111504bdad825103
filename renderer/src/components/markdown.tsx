import { Fragment, type ReactNode } from 'react';

// A small Markdown reader for the user guide (docs/panduan): headings, paragraphs, bullet and numbered lists,
// tables, **bold**, *italic*, `code` and [links](target). Everything becomes React elements, never HTML
// strings, so text such as "<script>" in a guide shows as text: React escapes it. Raw HTML in the source is
// not interpreted.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][] }
  | { kind: 'rule' };

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_DIVIDER = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const RULE = /^\s*(-{3,}|\*{3,})\s*$/;

function tableCells(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim());
}

/** The blocks of a Markdown text. Lines indented under a list item continue that item. */
export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') { i++; continue; }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1].length, text: heading[2] });
      i++;
      continue;
    }
    if (RULE.test(line)) { blocks.push({ kind: 'rule' }); i++; continue; }
    if (TABLE_ROW.test(line) && i + 1 < lines.length && TABLE_DIVIDER.test(lines[i + 1])) {
      const header = tableCells(line);
      const rows: string[][] = [];
      i += 2;
      while (i < lines.length && TABLE_ROW.test(lines[i])) rows.push(tableCells(lines[i++]));
      blocks.push({ kind: 'table', header, rows });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      const ordered = Boolean(numbered);
      const marker = ordered ? NUMBERED : BULLET;
      const items: string[] = [];
      while (i < lines.length) {
        const item = marker.exec(lines[i]);
        if (item) { items.push(item[1]); i++; continue; }
        // An indented line carries on the item above it.
        if (items.length > 0 && /^\s{2,}\S/.test(lines[i]) && !BULLET.test(lines[i]) && !NUMBERED.test(lines[i])) {
          items[items.length - 1] += ` ${lines[i].trim()}`;
          i++;
          continue;
        }
        break;
      }
      blocks.push({ kind: 'list', ordered, items });
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && lines[i].trim() !== '' && !HEADING.test(lines[i]) && !BULLET.test(lines[i]) && !NUMBERED.test(lines[i])
      && !RULE.test(lines[i]) && !(TABLE_ROW.test(lines[i]) && TABLE_DIVIDER.test(lines[i + 1] ?? ''))) {
      paragraph.push(lines[i].trim());
      i++;
    }
    blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
  }
  return blocks;
}

/** Bold, italic, code and links inside one block's text. Unclosed markers stay as they were typed. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push({ kind: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    if (rest.startsWith('\\') && rest.length > 1) { plain += rest[1]; i += 2; continue; }
    if (rest.startsWith('`')) {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) { flush(); out.push({ kind: 'code', text: text.slice(i + 1, end) }); i = end + 1; continue; }
    }
    if (rest.startsWith('**')) {
      const end = text.indexOf('**', i + 2);
      if (end > i + 2) { flush(); out.push({ kind: 'strong', children: parseInline(text.slice(i + 2, end)) }); i = end + 2; continue; }
    }
    if ((rest[0] === '*' || rest[0] === '_') && rest[1] !== rest[0] && rest[1] !== ' ') {
      const end = text.indexOf(rest[0], i + 1);
      const before = i === 0 ? ' ' : text[i - 1];
      if (end > i + 1 && (rest[0] === '*' || /[\s(]/.test(before))) {
        flush();
        out.push({ kind: 'em', children: parseInline(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    if (rest[0] === '[') {
      const link = /^\[([^\]]+)\]\(([^)\s]+)\)/.exec(rest);
      if (link) { flush(); out.push({ kind: 'link', href: link[2], children: parseInline(link[1]) }); i += link[0].length; continue; }
    }
    plain += rest[0];
    i++;
  }
  flush();
  return out;
}

/**
 * Where a link of the text may lead: an address inside the app (#/…) or a web page (http, https). Anything else
 * (javascript:, data:, file paths) gets no link, only its text.
 */
export function safeLinkTarget(href: string): string | null {
  return /^(#\/|https?:\/\/)/i.test(href) ? href : null;
}

interface MarkdownProps {
  source: string;
  /** Headings of the text move down this many levels (a chapter's "#" under the page's own h1). */
  headingOffset?: number;
  /** Turns a link of the text into an address; null draws the text without a link. */
  resolveLink?: (href: string) => string | null;
}

export function Markdown({ source, headingOffset = 0, resolveLink = safeLinkTarget }: MarkdownProps) {
  const inline = (text: string) => <InlineView nodes={parseInline(text)} resolveLink={resolveLink} />;
  return (
    <>
      {parseMarkdown(source).map((block, index) => {
        switch (block.kind) {
          case 'heading': {
            const Tag = `h${Math.min(6, block.level + headingOffset)}` as 'h1';
            return <Tag key={index}>{inline(block.text)}</Tag>;
          }
          case 'paragraph':
            return <p key={index}>{inline(block.text)}</p>;
          case 'list': {
            const Tag = block.ordered ? 'ol' : 'ul';
            return <Tag key={index}>{block.items.map((item, n) => <li key={n}>{inline(item)}</li>)}</Tag>;
          }
          case 'table':
            return (
              <table key={index} className="table table-compact">
                <thead><tr>{block.header.map((cell, n) => <th key={n} scope="col">{inline(cell)}</th>)}</tr></thead>
                <tbody>{block.rows.map((row, r) => <tr key={r}>{block.header.map((_, n) => <td key={n}>{inline(row[n] ?? '')}</td>)}</tr>)}</tbody>
              </table>
            );
          case 'rule':
            return <hr key={index} />;
        }
      })}
    </>
  );
}

function InlineView({ nodes, resolveLink }: { nodes: Inline[]; resolveLink: (href: string) => string | null }): ReactNode {
  return nodes.map((node, index) => {
    switch (node.kind) {
      case 'text': return <Fragment key={index}>{node.text}</Fragment>;
      case 'code': return <code key={index}>{node.text}</code>;
      case 'strong': return <strong key={index}><InlineView nodes={node.children} resolveLink={resolveLink} /></strong>;
      case 'em': return <em key={index}><InlineView nodes={node.children} resolveLink={resolveLink} /></em>;
      case 'link': {
        const target = resolveLink(node.href);
        const children = <InlineView nodes={node.children} resolveLink={resolveLink} />;
        if (target === null) return <Fragment key={index}>{children}</Fragment>;
        const external = /^https?:/i.test(target);
        return <a key={index} href={target} {...(external ? { target: '_blank', rel: 'noreferrer' } : {})}>{children}</a>;
      }
    }
  });
}
