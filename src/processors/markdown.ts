/**
 * Markdown → segments. Parses with unified + remark-parse (GFM tables, YAML front matter) and collects the text
 * a reader will see: paragraphs, headings, table cells, image alt text, link URLs, code and front-matter fields.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { parseDocument, isMap, isSeq, isScalar, type Node as YamlNode } from 'yaml';
import { Segment, type SegmentBuilder, type SegmentKind } from './segment.js';

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

export function parseMarkdown(text: string): MarkdownParse {
  const tree = parser.parse(text) as MdNode;
  const collector = new Collector(text);
  collector.visitBlocks(tree.children ?? []);
  return { segments: collector.segments, frontMatter: collector.frontMatter };
}

const start = (node: MdNode) => node.position?.start.offset ?? 0;
const end = (node: MdNode) => node.position?.end.offset ?? 0;

class Collector {
  readonly segments: Segment[] = [];
  frontMatter?: Record<string, unknown>;
  private block = 0;

  constructor(private readonly text: string) {}

  visitBlocks(nodes: MdNode[]): void {
    for (const node of nodes) this.visitBlock(node);
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
        this.push(this.mapLines(Segment.builder('code', this.block++), node.value ?? '', start(node)));
        return;
      case 'html': {
        const value = node.value ?? '';
        // Comments never reach readers (and carry cftlint directives); other HTML is published.
        if (/^\s*<!--[\s\S]*-->\s*$/.test(value)) return;
        this.push(this.mapLines(Segment.builder('html', this.block++), value, start(node)));
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
          this.mapLines(builder, node.value ?? '', start(node));
          break;
        case 'break':
          builder.addSeparator('\n');
          break;
        case 'image':
        case 'imageReference':
          if (node.alt) extras.push(this.locatedSegment(node.alt, start(node), 'imageAlt', block));
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
    return this.locatedSegment(node.url ?? '', start(node), 'linkUrl', block);
  }

  /** A segment for `value`, found verbatim in the file at or after `from` (or placed at `from`). */
  private locatedSegment(value: string, from: number, kind: SegmentKind, block: number): Segment {
    const at = this.text.indexOf(value, from);
    return Segment.verbatim(value, at >= 0 ? at : from, kind, block);
  }

  /**
   * Adds `value` (a node's text, which may have lost block-quote markers, indentation or escapes) by finding
   * each of its lines in the file in order; a line not found verbatim is placed where it should start.
   */
  private mapLines(builder: SegmentBuilder, value: string, from: number): SegmentBuilder {
    if (this.text.startsWith(value, from)) return builder.add(value, from);
    let cursor = from;
    const lines = value.split('\n');
    lines.forEach((line, i) => {
      if (i > 0) builder.addSeparator('\n');
      const at = line.length > 0 ? this.text.indexOf(line, cursor) : -1;
      if (at >= 0 && at - cursor < 200 + line.length) {
        builder.add(line, at);
        cursor = at + line.length;
      } else {
        const lineEnd = this.text.indexOf('\n', cursor);
        const sourceLength = (lineEnd < 0 ? this.text.length : lineEnd) - cursor;
        builder.add(line, cursor, Math.max(0, sourceLength));
        cursor = lineEnd < 0 ? this.text.length : lineEnd + 1;
      }
    });
    return builder;
  }

  private frontMatterFields(node: MdNode): void {
    const raw = node.value ?? '';
    const base = this.text.indexOf(raw, start(node));
    const doc = parseDocument(raw);
    const value = doc.toJS();
    if (value && typeof value === 'object' && !Array.isArray(value)) this.frontMatter = value;
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
