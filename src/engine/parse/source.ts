// What both YAML parsers (parse.ts over `yaml`, fast-parse.ts) give and share: the shape of a parsed
// document, the default limits, and offsets -> line:column ranges.
import type {LineCounter} from 'yaml'
import type {Problem, Range} from '../../rule-api/types.js'

/** Default limits (a config's `limits` may change them): a definition is a few kilobytes, 7 levels deep. */
export const DEFAULT_LIMITS = {maxFileSize: 10 * 1024 * 1024, maxDepth: 64} as const
export type Limits = {maxFileSize: number; maxDepth: number}

export interface SourceDocument {
  index: number
  /** The line its content starts on. */
  startLine: number
  /** Structural problems (yaml/*): when present, nothing else is checked. */
  problems: Problem[]
  /** The plain data (JSON-compatible); undefined when problems stop the document. */
  data: unknown
  locate(pointer: string, target?: 'value' | 'key'): Range
  /** The source offsets of the scalar at `pointer` and how it is quoted (for `--fix`). */
  scalar(pointer: string): ScalarSource | undefined
}

export interface ScalarSource {
  start: number
  end: number
  quote: '"' | "'" | ''
}

/** What Positions needs of a line counter: `yaml`'s LineCounter, or LineStarts. */
type LinePos = Pick<LineCounter, 'linePos'>

/** The fast parser's line counter: the same answers as `yaml`'s LineCounter, without loading yaml. */
export class LineStarts implements LinePos {
  /** The offset of each line's first character, in order. */
  constructor(private readonly starts: ArrayLike<number>) {}

  linePos(offset: number): {line: number; col: number} {
    const {starts} = this
    let low = 0
    let high = starts.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (starts[mid]! < offset) low = mid + 1
      else high = mid
    }
    if (starts[low] === offset) return {line: low + 1, col: 1}
    if (low === 0) return {line: 0, col: offset}
    return {line: low, col: offset - starts[low - 1]! + 1}
  }
}

/** Turns source offsets into 1-based line:column ranges (shared by both parsers). */
export class Positions {
  constructor(
    private readonly text: string,
    private readonly lineCounter: LinePos,
  ) {}

  offsets(start: number, end: number): Range {
    const from = this.lineCounter.linePos(start)
    const to = this.lineCounter.linePos(Math.max(end, start))
    return {line: from.line, column: from.col, endLine: to.line, endColumn: to.col}
  }

  /** A block collection is shown by its first line, without a trailing comment. */
  blockStart(start: number): Range {
    let end = this.text.indexOf('\n', start)
    if (end === -1) end = this.text.length
    const line = this.text
      .slice(start, end)
      .replace(/\s+#.*$/, '')
      .replace(/\s+$/, '')
    return this.offsets(start, start + line.length)
  }
}
