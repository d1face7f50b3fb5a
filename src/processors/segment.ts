/**
 * A Segment is a piece of text a reader will see (a paragraph, a heading, a table cell, an alt text…), stitched
 * from one or more spans of the file. Positions travel with it: every index into `text` maps back to an offset
 * in the file, so a rule's report lands on the exact line and column even after Markdown markup was removed.
 */
export type SegmentKind =
  | 'paragraph'
  | 'heading'
  | 'tableCell'
  | 'imageAlt'
  | 'linkUrl'
  | 'code'
  | 'html'
  | 'frontMatter';

/** One span of the file that contributed `length` characters of the segment text from `at` on. */
interface Piece {
  at: number;
  offset: number;
  length: number;
  /** Length of the span in the file; differs from `length` when Markdown escapes or entities were decoded. */
  sourceLength: number;
}

export class Segment {
  private constructor(
    readonly text: string,
    readonly kind: SegmentKind,
    /** Index of the enclosing block (paragraph, heading, table row…): details in one block are read together. */
    readonly block: number,
    private readonly pieces: Piece[],
    /** For front-matter segments: the field name (`title`, `caption`). */
    readonly field?: string,
  ) {}

  /** A segment copied verbatim from the file at `offset`. */
  static verbatim(text: string, offset: number, kind: SegmentKind, block: number, field?: string): Segment {
    return new Segment(text, kind, block, [{ at: 0, offset, length: text.length, sourceLength: text.length }], field);
  }

  /** Builds a segment from several spans (e.g. the text nodes of one paragraph). */
  static builder(kind: SegmentKind, block: number, field?: string): SegmentBuilder {
    return new SegmentBuilder(kind, block, (text, pieces) => new Segment(text, kind, block, pieces, field));
  }

  /** File offset of the character at `index` in `text`. */
  offsetAt(index: number): number {
    const piece = this.pieceAt(index);
    if (!piece) return 0;
    const within = index - piece.at;
    if (piece.length === piece.sourceLength) return piece.offset + within;
    return within <= 0 ? piece.offset : piece.offset + Math.min(within, piece.sourceLength);
  }

  /** File offsets `[start, end)` of `text.slice(start, end)`. */
  range(start: number, end: number): [number, number] {
    if (end <= start) {
      const at = this.offsetAt(start);
      return [at, at];
    }
    const last = this.pieceAt(end - 1);
    let endOffset = this.offsetAt(end - 1) + 1;
    if (last && last.length !== last.sourceLength && end - last.at >= last.length) {
      endOffset = last.offset + last.sourceLength;
    }
    return [this.offsetAt(start), endOffset];
  }

  private pieceAt(index: number): Piece | undefined {
    const pieces = this.pieces;
    let lo = 0;
    let hi = pieces.length - 1;
    if (hi < 0) return undefined;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (pieces[mid]!.at <= index) lo = mid;
      else hi = mid - 1;
    }
    return pieces[lo];
  }
}

export class SegmentBuilder {
  private text = '';
  private readonly pieces: Piece[] = [];

  constructor(
    readonly kind: SegmentKind,
    readonly block: number,
    private readonly make: (text: string, pieces: Piece[]) => Segment,
  ) {}

  /** Appends `value`, which came from the file span `[offset, offset + sourceLength)`. */
  add(value: string, offset: number, sourceLength = value.length): this {
    if (value.length === 0) return this;
    this.pieces.push({ at: this.text.length, offset, length: value.length, sourceLength });
    this.text += value;
    return this;
  }

  /** Appends text that has no place in the file (a space between table cells, a line break). */
  addSeparator(value: string): this {
    const last = this.pieces[this.pieces.length - 1];
    const offset = last ? last.offset + last.sourceLength : 0;
    this.pieces.push({ at: this.text.length, offset, length: value.length, sourceLength: 0 });
    this.text += value;
    return this;
  }

  get length(): number {
    return this.text.length;
  }

  textFrom(index: number): string {
    return this.text.slice(index);
  }

  get isEmpty(): boolean {
    return this.text.trim().length === 0;
  }

  build(): Segment {
    return this.make(this.text, this.pieces);
  }
}
