// An NHS CSV file (an extract, a map, a register) read safely: through the one bounded reader (a device
// or an endless pipe is read no further than the limit), UTF-8, not empty, well-formed CSV with any mix
// of CRLF, LF and CR line breaks. Each fault is a UsageError naming the file and the line; every row
// keeps its line number, so the callers' own checks can name it too.
import {UsageError} from './load.js'
import {cannotRead, DATA_FILE, readBounded, tooLargeMessage, type Bounded} from './read.js'

export interface CsvRow {
  /** 1-based line of the file the row starts on. */
  line: number
  cells: string[]
}

/**
 * Every row of `file`, shown in messages as `shown`; `expected` names what the file should be
 * ("NHS Digital's gp-reg-pat-prac-all CSV"). Rows of unequal length are an error at their line.
 */
export function readCsvFile(file: string, shown: string, expected: string): CsvRow[] {
  const bytes = readBytes(file, shown)
  const text = decodeUtf8(bytes, shown, expected)
  if (text.trim() === '') throw new UsageError(`${shown}:1: the file is empty; expected ${expected}`)
  return parseCsv(text, shown)
}

const COMMA = 0x2c
const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d

/**
 * RFC 4180 CSV: fields separated by commas, a field in double quotes may hold commas, line breaks
 * and doubled quotes; records end at CRLF, LF or CR alike; empty lines are skipped; every record
 * has as many fields as the first. One pass over the text: NHS Digital's national files are
 * megabytes, and `pch import` reads two of them on every run.
 */
export function parseCsv(text: string, shown: string): CsvRow[] {
  const rows: CsvRow[] = []
  const length = text.length
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let line = 1
  while (at < length) {
    const first = text.charCodeAt(at)
    if (first === LF || first === CR) {
      at += first === CR && text.charCodeAt(at + 1) === LF ? 2 : 1
      line += 1
      continue
    }
    const start = line
    const cells: string[] = []
    for (;;) {
      let cell: string
      if (text.charCodeAt(at) === QUOTE) {
        const opened = line
        let value = ''
        let from = at + 1
        for (;;) {
          const quote = text.indexOf('"', from)
          if (quote === -1) throw new UsageError(`${shown}:${opened}: a field opens with a quote that never closes`)
          line += lineBreaks(text, from, quote)
          if (text.charCodeAt(quote + 1) === QUOTE) {
            value += text.slice(from, quote + 1)
            from = quote + 2
            continue
          }
          value += text.slice(from, quote)
          at = quote + 1
          break
        }
        const next = text.charCodeAt(at)
        if (at < length && next !== COMMA && next !== LF && next !== CR) {
          throw new UsageError(
            `${shown}:${line}: ${JSON.stringify(text[at])} after a closing quote; a quoted field ends at a comma or the end of the line`,
          )
        }
        cell = value
      } else {
        let end = at
        for (; end < length; end++) {
          const c = text.charCodeAt(end)
          if (c === COMMA || c === LF || c === CR) break
          if (c === QUOTE)
            throw new UsageError(
              `${shown}:${line}: a quote inside field ${cells.length + 1}, which does not start with one ("${text.slice(at, end + 1)}")`,
            )
        }
        cell = text.slice(at, end)
        at = end
      }
      cells.push(cell)
      if (text.charCodeAt(at) !== COMMA) break
      at += 1
    }
    // The record's line break (or the end of the text).
    if (at < length) {
      at += text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF ? 2 : 1
      line += 1
    }
    const expected = rows[0]?.cells.length
    if (expected !== undefined && cells.length !== expected)
      throw new UsageError(`${shown}:${start}: Invalid Record Length: expect ${expected}, got ${cells.length}`)
    rows.push({line: start, cells})
  }
  return rows
}

/** The line breaks (CRLF, LF or CR, each one) in text[from, to). */
function lineBreaks(text: string, from: number, to: number): number {
  let count = 0
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count += 1
  }
  return count
}

function readBytes(file: string, shown: string): Buffer {
  let got: Bounded
  try {
    got = readBounded(file, DATA_FILE.limit)
  } catch (error) {
    throw cannotRead(shown, error)
  }
  // A FIFO or a device is read no further than the limit (process substitution, <(unzip -p ...), is a FIFO).
  if ('tooLarge' in got) throw new UsageError(`${shown} is ${tooLargeMessage(got.tooLarge, DATA_FILE.limit, DATA_FILE.limitName)}`)
  // The bytes may be the reader's shared scratch buffer: copy before anything else reads a file.
  return Buffer.from(got.bytes)
}

function decodeUtf8(bytes: Buffer, shown: string, expected: string): string {
  const decoder = new TextDecoder('utf-8', {fatal: true})
  try {
    return decoder.decode(bytes)
  } catch {
    // A UTF-8 sequence never holds a CR or LF byte, so the first line that fails alone is the culprit;
    // lines end as the parser's records do, at CRLF, LF or CR.
    let line = 1
    let start = 0
    for (;;) {
      let end = start
      while (end < bytes.length && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end++
      try {
        decoder.decode(bytes.subarray(start, end))
      } catch {
        break
      }
      if (end === bytes.length) break
      line += 1
      start = end + (bytes[end] === 0x0d && bytes[end + 1] === 0x0a ? 2 : 1)
    }
    throw new UsageError(`${shown}:${line}: not UTF-8 text; expected ${expected}`)
  }
}

/**
 * The header row's columns, by name: every `required` column and every column of one of the
 * `generations` (NHS Digital renamed columns over the years: CCG_* became SUB_ICB_LOCATION_*).
 * A header without them is an error at its line naming what is missing.
 */
export function headerColumns(
  header: CsvRow,
  shape: {required: readonly string[]; generations: ReadonlyArray<readonly string[]>},
  shown: string,
  what: string,
): {column: (name: string) => number; generation: number} {
  const names = header.cells.map((cell) => cell.trim())
  const generation = shape.generations.findIndex((columns) => columns.every((name) => names.includes(name)))
  const missing = shape.required.filter((name) => !names.includes(name))
  if (generation === -1 || missing.length > 0) {
    const needs = missing.length > 0 ? missing.join(', ') : shape.generations.map((columns) => columns.join(',')).join(' or ')
    throw new UsageError(`${shown}:${header.line}: not ${what} header; missing ${needs}`)
  }
  return {column: (name) => names.indexOf(name), generation}
}
