/**
 * Markdown → segments. Parses with unified + remark-parse (GFM tables, YAML front matter) and collects the text
 * a reader will see: paragraphs, headings, table cells, image alt text, link URLs, code and front-matter fields.
 */
import { unified, remarkParse, remarkFrontmatter, remarkGfm } from './remark-stack.js';
import type { Node as YamlNode } from 'yaml';
import { yamlModule } from '../yaml.js';
import { Segment, type SegmentBuilder, type SegmentKind } from './segment.js';
import { UnreadableSourceError } from '../types.js';

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  alt?: string | null;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

export interface MarkdownParse {
  segments: Segment[];
  frontMatter?: Record<string, unknown>;
}

/** How far ahead a node's character may sit from the previous one (markers, indentation, escapes, entities). */
const ALIGN_WINDOW = 64;

/** Deeper block nesting than this (quotes in lists in quotes…) is refused: no draft needs it, and the parser slows. */
export const MAX_NESTING = 100;
/** More link or emphasis openers than this on one line is refused for the same reason. */
export const MAX_INLINE_MARKERS = 2000;

/**
 * Refuses Markdown whose nesting would make parsing explode (10,000-deep block quotes, `[*[*[*…`): such a file gets
 * one clear fatal message instead of a stack overflow or minutes of parsing.
 */
function checkComplexity(text: string): void {
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let depth = 0;
    let i = lineStart;
    for (;;) {
      while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
      const c = text[i];
      if (c === '>') i++;
      else if ((c === '-' || c === '*' || c === '+') && (text[i + 1] === ' ' || text[i + 1] === '\t')) i += 2;
      else break;
      if (++depth > MAX_NESTING) {
        throw new UnreadableSourceError(`Markdown nested more than ${MAX_NESTING} levels deep (block quotes or lists) on line ${lineNumber(text, lineStart)}; nothing was checked. No published post needs this: check the file.`);
      }
    }
    let markers = 0;
    for (let k = lineStart; k < lineEnd; k++) {
      const code = text.charCodeAt(k);
      if ((code === 91 /* [ */ || code === 42 /* * */ || code === 95 /* _ */) && ++markers > MAX_INLINE_MARKERS) {
        throw new UnreadableSourceError(`More than ${MAX_INLINE_MARKERS} link or emphasis markers on line ${lineNumber(text, lineStart)}; nothing was checked. No published post needs this: check the file.`);
      }
    }
    lineStart = lineEnd + 1;
  }
}

const lineNumber = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/** A draft longer than this is parsed in parts of about this size (see chunkStarts). */
export const CHUNK_SIZE = 16 * 1024;

/** Parses a Markdown draft into segments; a long one in independent parts (`chunkSize`), which is faster. */
export function parseMarkdown(text: string, chunkSize = CHUNK_SIZE): MarkdownParse {
  checkComplexity(text);
  const collector = new Collector(text);
  const starts = chunkStarts(text, chunkSize);
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i]!;
    const part = starts.length === 1 ? text : text.slice(from, starts[i + 1] ?? text.length);
    collector.visitBlocks(((parser.parse(part) as MdNode).children ?? []), from);
  }
  return { segments: collector.segments, frontMatter: collector.frontMatter };
}

/** Front matter at the very start of a draft, up to its closing `---` line. */
const FRONT_MATTER_END = /(?:\r\n|\r|\n)---[ \t]*(?:\r\n|\r|\n|$)/;
/** Blocks that run on past blank lines to a marker of their own: code fences, `<pre>`, `<script>`, `<?…`, `<!X`. */
const LONG_BLOCK = /^[ \t]{0,3}(?:`{3,}|~{3,}|<(?:script|pre|style|textarea|\?|![A-Za-z]|!\[CDATA\[))/im;
/** An HTML comment block, which ends on the line that holds `-->`. */
const COMMENT_START = /^[ \t]{0,3}<!--/gm;
/** A blank line, then a line that starts with a letter: a top-level paragraph, after every open block has ended. */
const CUT = /(?:\n\n|\r\n\r\n)(?=\p{L})/gu;

/**
 * Offsets where a long draft can be cut into parts that parse exactly as they do within the whole (the parser's
 * work grows with the document it holds in memory; parts keep it small). A part starts at a line that begins with
 * a letter after a blank line: there every list, quote, table and paragraph has ended. Not inside front matter or
 * an HTML comment, not after the first code fence or other long HTML block (conservatively), and not at all in a
 * draft with link or footnote definitions (`]:`), which belong to the whole document.
 */
export function chunkStarts(text: string, chunkSize: number): number[] {
  const starts = [0];
  if (text.length < 2 * chunkSize || text.includes(']:')) return starts;
  let from = 0;
  if (text.startsWith('---')) {
    const close = FRONT_MATTER_END.exec(text.slice(3));
    if (!close) return starts;
    from = 3 + close.index + close[0].length;
  }
  const longBlock = LONG_BLOCK.exec(text);
  const until = longBlock ? longBlock.index : text.length;
  const comments: [number, number][] = [];
  for (const m of text.matchAll(COMMENT_START)) {
    const close = text.indexOf('-->', m.index + m[0].length);
    comments.push([m.index, close < 0 ? text.length : close + 3]);
  }
  let last = 0;
  for (const m of text.matchAll(CUT)) {
    const at = m.index + m[0].length;
    if (at >= until) break;
    if (at < from || at - last < chunkSize || comments.some(([s, e]) => at > s && at <= e)) continue;
    starts.push(at);
    last = at;
  }
  return starts;
}

class Collector {
  readonly segments: Segment[] = [];
  frontMatter?: Record<string, unknown>;
  private block = 0;
  /** Offset of the part being visited in the whole draft. */
  private base = 0;

  constructor(private readonly text: string) {}

  /** Visits a part's blocks; `base` is where the part starts in the draft. */
  visitBlocks(nodes: MdNode[], base = this.base): void {
    this.base = base;
    for (const node of nodes) this.visitBlock(node);
  }

  /** Where a node starts in the draft (a node without a position, as a whole-draft parse would place it: at 0). */
  private start(node: MdNode): number {
    const offset = node.position?.start.offset;
    return offset === undefined ? 0 : this.base + offset;
  }

  private visitBlock(node: MdNode): void {
    switch (node.type) {
      case 'yaml':
        this.frontMatterFields(node);
        return;
      case 'paragraph':
      case 'heading':
        this.inlineBlock(node, node.type);
        return;
      case 'table':
        for (const row of node.children ?? []) {
          const block = this.block++;
          for (const cell of row.children ?? []) this.inlineBlock(cell, 'tableCell', block);
        }
        return;
      case 'code':
        this.push(this.mapLines(Segment.builder('code', this.block++), node.value ?? '', this.start(node)));
        return;
      case 'html': {
        const value = node.value ?? '';
        // Comments never reach readers (and carry cftlint directives); other HTML is published.
        if (/^\s*<!--[\s\S]*-->\s*$/.test(value)) return;
        this.push(this.mapLines(Segment.builder('html', this.block++), value, this.start(node)));
        return;
      }
      case 'definition':
        if (node.url) this.segments.push(this.urlSegment(node, this.block++));
        return;
      default:
        // list, listItem, blockquote, footnoteDefinition…: their paragraphs are blocks of their own.
        if (node.children) this.visitBlocks(node.children);
    }
  }

  /** A paragraph, heading or table cell: its inline text becomes one segment; URLs and alt texts ride along. */
  private inlineBlock(node: MdNode, kind: SegmentKind, block = this.block++): void {
    const builder = Segment.builder(kind, block);
    const extras: Segment[] = [];
    this.inline(node.children ?? [], builder, extras, block);
    this.push(builder);
    for (const extra of extras) this.segments.push(extra);
  }

  private inline(nodes: MdNode[], builder: SegmentBuilder, extras: Segment[], block: number): void {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          this.mapLines(builder, node.value ?? '', this.start(node));
          break;
        case 'break':
          builder.addSeparator('\n');
          break;
        case 'image':
        case 'imageReference':
          if (node.alt) extras.push(this.locatedSegment(node.alt, this.start(node), 'imageAlt', block));
          if (node.url) extras.push(this.urlSegment(node, block));
          break;
        case 'link': {
          const before = builder.length;
          this.inline(node.children ?? [], builder, extras, block);
          // An autolinked address reads as its own text: the URL would only repeat it.
          const shown = builder.textFrom(before);
          if (node.url && node.url !== shown && node.url !== `mailto:${shown}`) extras.push(this.urlSegment(node, block));
          break;
        }
        case 'html':
          break;
        default:
          if (node.children) this.inline(node.children, builder, extras, block);
      }
    }
  }

  private urlSegment(node: MdNode, block: number): Segment {
    return this.locatedSegment(node.url ?? '', this.start(node), 'linkUrl', block);
  }

  /** A segment for `value`, found verbatim in the file at or after `from` (or placed at `from`). */
  private locatedSegment(value: string, from: number, kind: SegmentKind, block: number): Segment {
    const at = this.text.indexOf(value, from);
    return Segment.verbatim(value, at >= 0 ? at : from, kind, block);
  }

  /**
   * Adds `value` (a node's text, which may have lost block-quote markers, indentation, escapes or entities on the
   * way) by aligning it with the file from `from` on: each character is found at or just after the previous one,
   * so positions stay exact around whatever the parser dropped; a character not found nearby keeps its place.
   */
  private mapLines(builder: SegmentBuilder, value: string, from: number): SegmentBuilder {
    if (this.text.startsWith(value, from)) return builder.add(value, from);
    const text = this.text;
    let cursor = from;
    let runStart = 0; // start (in value) of the run of characters that sit side by side in the file
    let runOffset = from;
    const flush = (end: number) => {
      if (end > runStart) builder.add(value.slice(runStart, end), runOffset);
    };
    for (let i = 0; i < value.length; i++) {
      const c = value[i]!;
      let at = text.charAt(cursor) === c ? cursor : -1;
      if (at < 0) {
        const found = text.indexOf(c, cursor);
        if (found >= 0 && found - cursor <= ALIGN_WINDOW) at = found;
      }
      if (at < 0) {
        // Not in the file nearby (e.g. a decoded entity): one character spanning the next source character.
        flush(i);
        builder.add(c, Math.min(cursor, text.length), cursor < text.length ? 1 : 0);
        cursor = Math.min(cursor + 1, text.length);
        runStart = i + 1;
        runOffset = cursor;
        continue;
      }
      if (at !== runOffset + (i - runStart)) {
        flush(i);
        runStart = i;
        runOffset = at;
      }
      cursor = at + 1;
    }
    flush(value.length);
    return builder;
  }


  private frontMatterFields(node: MdNode): void {
    const raw = node.value ?? '';
    const base = this.text.indexOf(raw, this.start(node));
    // The yaml package is loaded only for drafts that have front matter.
    const { parseDocument, isMap, isSeq, isScalar } = yamlModule();
    const doc = parseDocument(raw);
    let value: unknown;
    try {
      // Broken aliases throw, and alias bombs are capped: front matter that cannot be read is simply not used.
      value = doc.toJS({ maxAliasCount: 100 });
    } catch {
      value = undefined;
    }
    if (value && typeof value === 'object' && !Array.isArray(value)) this.frontMatter = value as Record<string, unknown>;
    const block = this.block++;
    const visit = (yamlNode: unknown, field: string) => {
      if (isMap(yamlNode)) {
        for (const pair of yamlNode.items) {
          const key = isScalar(pair.key) ? String(pair.key.value) : field;
          visit(pair.value, field ? `${field}.${key}` : key);
        }
      } else if (isSeq(yamlNode)) {
        for (const item of yamlNode.items) visit(item, field);
      } else if (isScalar(yamlNode) && typeof yamlNode.value === 'string' && yamlNode.range && base >= 0) {
        const [from, to] = yamlNode.range;
        const str = yamlNode.value;
        const sourceText = raw.slice(from, to);
        const offset = base + from + Math.max(0, sourceText.indexOf(str));
        this.segments.push(
          sourceText.includes(str)
            ? Segment.verbatim(str, offset, 'frontMatter', block, field)
            : Segment.builder('frontMatter', block, field).add(str, base + from, to - from).build(),
        );
      }
    };
    visit((doc.contents as YamlNode | null) ?? null, '');
  }

  private push(builder: SegmentBuilder): void {
    if (!builder.isEmpty) this.segments.push(builder.build());
  }
}
