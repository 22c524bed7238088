// An NHS CSV file (an extract, a map, a register) read safely: through the one bounded reader (a device
// or an endless pipe is read no further than the limit), UTF-8, not empty, well-formed CSV with any mix
// of CRLF, LF and CR line breaks. Each fault is a UsageError naming the file and the line; every row
// keeps its line number, so the callers' own checks can name it too.
import {csvParse} from './lazy.js'
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
  let records: Array<{record: string[]; info: {lines: number}}>
  try {
    records = csvParse().parse(text, {relax_column_count: false, skip_empty_lines: true, bom: true, info: true, record_delimiter: ['\r\n', '\n', '\r']}) as unknown as typeof records
  } catch (error) {
    const e = error as Error & {lines?: number}
    throw new UsageError(`${shown}:${e.lines ?? 1}: ${e.message.replace(/ on line \d+$/, '')}`)
  }
  // info.lines is the line a record ends on; a record spans one more line per line break it holds.
  return records.map(({record, info}) => ({line: info.lines - record.reduce((n, cell) => n + (cell.match(/\r\n|\n|\r/g)?.length ?? 0), 0), cells: record}))
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
