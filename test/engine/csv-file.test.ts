// pch's CSV reader (src/engine/csv-file.ts) reads what csv-parse reads, with the line each record
// starts on, over the real NHS files and over generated CSV of every shape RFC 4180 allows; and it
// names the line of each fault.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {parse} from 'csv-parse/sync'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {parseCsv} from '../../src/engine/io/csv-file.js'
import {SHARED} from '../helpers.js'
import {propertyRuns} from '../seed.js'

/** csv-parse's reading, with the options pch used it with, and each record's first line. */
function reference(text: string): Array<{line: number; cells: string[]}> {
  const records = parse(text, {
    relax_column_count: false,
    skip_empty_lines: true,
    bom: true,
    info: true,
    record_delimiter: ['\r\n', '\n', '\r'],
  }) as unknown as Array<{record: string[]; info: {lines: number}}>
  return records.map(({record, info}) => ({
    line: info.lines - record.reduce((n, cell) => n + (cell.match(/\r\n|\n|\r/g)?.length ?? 0), 0),
    cells: record,
  }))
}

const fault = (text: string): string => {
  try {
    parseCsv(text, 'x.csv')
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('no fault')
}

describe('parseCsv', () => {
  it.each(['gp-reg-pat-prac-map-2022-01.csv', 'gp-reg-pat-prac-all-2021-01.csv', 'etr-2022.csv', 'epraccur-2019.csv'])(
    'reads %s as csv-parse does',
    (name) => {
      const text = readFileSync(path.join(SHARED, 'data', 'nhs', name), 'utf8')
      expect(parseCsv(text, name)).toEqual(reference(text))
    },
  )

  it('reads any RFC 4180 text as csv-parse does: quotes, commas and line breaks in fields, any line break, empty lines, a BOM', () => {
    const cell = fc.oneof(
      fc.stringMatching(/^[a-z ]{0,4}$/),
      fc.stringMatching(/^[a-z ,"\r\n]{0,6}$/).map((s) => `"${s.replaceAll('"', '""')}"`),
    )
    const eol = fc.constantFrom('\n', '\r\n', '\r')
    const csv = fc
      .integer({min: 1, max: 4})
      .chain((width) =>
        fc.tuple(
          fc.array(fc.tuple(fc.array(cell, {minLength: width, maxLength: width}), eol, fc.array(eol, {maxLength: 2})), {
            minLength: 1,
            maxLength: 6,
          }),
          fc.boolean(),
          fc.boolean(),
        ),
      )
      .map(([rows, bom, last]) => {
        // Each record's first line, counted here: CRLF is one line break (csv-parse counts a CRLF inside quotes as two).
        let text = bom ? '\ufeff' : ''
        const lines: number[] = []
        for (const [cells, end, blank] of rows) {
          const record = cells.join(',')
          // A record of one empty field is an empty line: it is skipped, and it is not a record.
          if (record !== '') lines.push(1 + (text.match(/\r\n|\n|\r/g)?.length ?? 0))
          text += `${record}${end}${blank.join('')}`
        }
        return {text: last ? text : text.replace(/(\r\n|\n|\r)+$/, ''), lines}
      })
      .filter(({lines}) => lines.length > 0)
    fc.assert(
      fc.property(csv, ({text, lines}) => {
        const rows = parseCsv(text, 'x.csv')
        expect(rows.map((row) => row.cells)).toEqual(reference(text).map((row) => row.cells))
        expect(rows.map((row) => row.line)).toEqual(lines)
      }),
      {numRuns: propertyRuns(2000)},
    )
  })

  it('names the line of a record of the wrong length, an unclosed quote and a stray quote', () => {
    expect(fault('a,b\r\nc,d\r\n"e\nf",g,h\r\n')).toBe('x.csv:3: Invalid Record Length: expect 2, got 3')
    expect(fault('a,b\n"c\nd,e\n')).toBe('x.csv:2: a field opens with a quote that never closes')
    expect(fault('a,b\n"c\nd",\n"e\n')).toBe('x.csv:4: a field opens with a quote that never closes')
    expect(fault('a,b\nc,d"e\n')).toBe('x.csv:2: a quote inside field 2, which does not start with one ("d"")')
    expect(fault('a,b\n"c"d,e\n')).toBe('x.csv:2: "d" after a closing quote; a quoted field ends at a comma or the end of the line')
  })
})
