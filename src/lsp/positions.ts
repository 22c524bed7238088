// Positions between the engine and the editor. The engine counts 1-based lines split at "\n" and
// columns in UTF-16 code units (JavaScript string offsets) of the text without its byte-order mark,
// and its fix edits are string offsets into that text; LSP counts 0-based lines split at "\n",
// "\r\n" or "\r", and characters in the encoding the client and server agreed on (UTF-16 unless
// the client offers UTF-8). Every conversion goes through a string offset into the editor's text.

/** The position encodings pch speaks (LSP 3.17 PositionEncodingKind). */
export type Encoding = 'utf-16' | 'utf-8'

export interface LspPosition {
  line: number
  character: number
}

export interface LspRange {
  start: LspPosition
  end: LspPosition
}

/** UTF-8 where the client offers it, else UTF-16 (which every client must accept). */
export function negotiateEncoding(offered: readonly string[] | undefined): Encoding {
  return offered?.includes('utf-8') ? 'utf-8' : 'utf-16'
}

/** One text as both sides see it: the editor's text, and the engine's (without a byte-order mark). */
export class TextPositions {
  /** Where the engine's text begins in the editor's: 1 after a byte-order mark. */
  private readonly shift: number
  /** Offsets where each engine line ("\n"-separated) begins, in the engine's text. */
  private readonly engineLines: number[]
  /** Offsets where each LSP line begins, in the editor's text. */
  private readonly lspLines: number[]

  constructor(
    readonly text: string,
    private readonly encoding: Encoding,
  ) {
    this.shift = text.startsWith('\uFEFF') ? 1 : 0
    this.engineLines = [0]
    this.lspLines = [0]
    for (let i = this.shift; i < text.length; i++) {
      const code = text.charCodeAt(i)
      if (code === 10) this.engineLines.push(i + 1 - this.shift)
      if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) this.lspLines.push(i + 1)
    }
  }

  /** An engine 1-based line and column as an offset into the editor's text. */
  offsetOfEngine(line: number, column: number): number {
    const start = this.engineLines[Math.min(Math.max(line, 1), this.engineLines.length) - 1]!
    return Math.min(this.shift + start + Math.max(column, 1) - 1, this.text.length)
  }

  /** An offset into the engine's text (a fix edit's) as one into the editor's. */
  offsetOfEngineOffset(offset: number): number {
    return Math.min(this.shift + offset, this.text.length)
  }

  /** The offset of the start of the engine line `line` (1-based) in the editor's text. */
  lineStart(line: number): number {
    return this.offsetOfEngine(line, 1)
  }

  position(offset: number): LspPosition {
    const clamped = Math.min(Math.max(offset, 0), this.text.length)
    const line = upperBound(this.lspLines, clamped) - 1
    const start = this.lspLines[line]!
    const character = this.encoding === 'utf-16' ? clamped - start : utf8Length(this.text, start, clamped)
    return {line, character}
  }

  /** An engine range (1-based, end exclusive) in LSP terms. */
  range(r: {line: number; column: number; endLine: number; endColumn: number}): LspRange {
    return {start: this.position(this.offsetOfEngine(r.line, r.column)), end: this.position(this.offsetOfEngine(r.endLine, r.endColumn))}
  }

  /** An engine edit's offsets in LSP terms. */
  editRange(start: number, end: number): LspRange {
    return {start: this.position(this.offsetOfEngineOffset(start)), end: this.position(this.offsetOfEngineOffset(end))}
  }
}

/** The number of entries of the sorted `starts` that are <= `value`. */
function upperBound(starts: readonly number[], value: number): number {
  let low = 0
  let high = starts.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (starts[mid]! <= value) low = mid + 1
    else high = mid
  }
  return low
}

/** UTF-8 bytes of text[from, to) (a lone surrogate counts as the 3 bytes of U+FFFD). */
function utf8Length(text: string, from: number, to: number): number {
  let bytes = 0
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < to && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}
