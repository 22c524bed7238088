// Golden files: the markdown, csv and json report renderers over the fixture programme, byte for
// byte. They were produced by the renderers once and then checked by eye against the hand-written
// model of model.test.ts; a change here is a change to an output contract and must be deliberate:
// regenerate with UPDATE_GOLDEN=1 npx vitest run test/report/golden.test.ts and review the diff.
import {readFileSync, writeFileSync} from 'node:fs'
import {Chalk} from 'chalk'
import {describe, expect, it} from 'vitest'
import {loadRenderer, type ReportFormat} from '../../src/report/index.js'
import type {ComplianceReport} from '../../src/report/model.js'
import {fixtureReport} from './programme.js'

const GOLDEN = {markdown: 'report.md', csv: 'report.csv', json: 'report.json'} as const
type GoldenFormat = keyof typeof GOLDEN

const PLAIN = new Chalk({level: 0})
const goldenFile = (format: GoldenFormat): URL => new URL(`golden/${GOLDEN[format]}`, import.meta.url)
const golden = (format: GoldenFormat): string => readFileSync(goldenFile(format), 'utf8')
const render = async (format: ReportFormat, report: ComplianceReport = fixtureReport(), color = PLAIN): Promise<string> =>
  (await loadRenderer(format))(report, {color})

// ANSI escape sequences (CSI ... m) as chalk writes them.

const ANSI = /\u001b\[[0-9;]*m/g

/** RFC 4180 records: CRLF between records, fields quoted when they hold `"`, `,`, CR or LF, `""` inside quotes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let i = 0
  while (i < text.length) {
    let value = ''
    if (text[i] === '"') {
      i++
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field')
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"'
          i += 2
        } else if (text[i] === '"') break
        else value += text[i++]
      }
      i++
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`bare quote in an unquoted field at ${i}`)
        value += text[i++]
      }
    }
    record.push(value)
    if (text[i] === ',') i++
    else if (text.startsWith('\r\n', i)) {
      records.push(record)
      record = []
      i += 2
    } else throw new Error(`expected , or CRLF at ${i}, found ${JSON.stringify(text.slice(i, i + 10))}`)
  }
  if (record.length > 0) throw new Error('the last record does not end with CRLF')
  return records
}

/** Cells of a Markdown table row: split at pipes that are not escaped. */
const cells = (row: string): string[] =>
  row
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim())

describe('report renderers: golden output', () => {
  for (const format of Object.keys(GOLDEN) as GoldenFormat[]) {
    it(`${format} matches golden/${GOLDEN[format]} byte for byte`, async () => {
      const out = await render(format)
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(goldenFile(format), out)
      expect(Buffer.from(out, 'utf8').equals(readFileSync(goldenFile(format)))).toBe(true)
      // The same comparison again as strings, for a readable diff when it fails.
      expect(out).toBe(golden(format))
    })
  }

  it('json is the model itself', async () => {
    expect(JSON.parse(await render('json'))).toEqual({format: 'pch-report', version: 1, ...fixtureReport()})
  })

  it('is deterministic, ignores colour outside the table, and does not mutate the model', async () => {
    const report = fixtureReport()
    const before = JSON.stringify(report)
    for (const format of Object.keys(GOLDEN) as GoldenFormat[]) {
      const out = await render(format, report)
      expect(await render(format, report)).toBe(out)
      expect(await render(format, report, new Chalk({level: 3}))).toBe(out)
    }
    expect(JSON.stringify(report)).toBe(before)
  })
})

describe('report renderers: csv is RFC 4180', () => {
  it('ends every record with CRLF and has no other line break', async () => {
    const out = await render('csv')
    expect(out.endsWith('\r\n')).toBe(true)
    expect(out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(out.split('\r\n')).toHaveLength(1 + 5 + 1) // header, five sites, '' after the last CRLF
  })

  it('quotes a field with a comma or a quote and doubles the quote', async () => {
    const out = await render('csv')
    expect(out).toContain('\r\nnorthbank,"Northbank ""Quayside"", Kingsbridge | East Primary Care Home",live,')
    // A finding message with thousands separators is quoted; one without a comma or quote is not.
    expect(out).toContain('population/size-band: Registered population 22,250 is below 30,000 (band 30,000-50,000)",,QXY,')
    expect(out).toContain(
      ',budget/risk-share-required: Risk-share model is none: risks and rewards must be shared between the practices and their partners,,,,2026-10-01,no\r\n',
    )
    // The exception behind a "met by exception" has its own column, with reason, approver and date.
    expect(out).toMatch(/,"?population\/size-band: [^\r\n]*\(approved by [^\r\n]* on 2026-\d\d-\d\d\)"?,/)
  })

  it('parses back to one record of 23 fields per site, values intact', async () => {
    const records = parseCsv(await render('csv'))
    expect(records.map((r) => r.length)).toEqual([23, 23, 23, 23, 23, 23])
    expect(records[0]).toEqual([
      'id',
      'name',
      'status',
      'file',
      'practices',
      'registered_population',
      'in_band',
      'sectors',
      'budget_total',
      'annual_per_patient',
      'risk_share_model',
      'outcomes',
      'characteristic_1',
      'characteristic_2',
      'characteristic_3',
      'characteristic_4',
      'compliant',
      'findings',
      'exceptions',
      'commissioner_ods_code',
      'commissioner',
      'population_as_of',
      'list_sizes_stale',
    ])
    expect(records.find((r) => r[0] === 'northbank')).toEqual([
      'northbank',
      'Northbank "Quayside", Kingsbridge | East Primary Care Home',
      'live',
      'northbank.pch.yaml',
      '3',
      '35400',
      'yes',
      'acute community-health mental-health social-care voluntary',
      '5664000',
      '160',
      'gain-and-loss',
      '2',
      'met',
      'met',
      'met',
      'met',
      'yes',
      '',
      '',
      'QXY',
      'North Riverside Integrated Care Board',
      '2026-10-01',
      'no',
    ])
    expect(records.find((r) => r[0] === 'southmoor')).toEqual([
      'southmoor',
      'Southmoor Primary Care Home',
      'developing',
      'southmoor.pch.yaml',
      '2',
      '22250',
      'no',
      'community-health mental-health voluntary',
      '3560000',
      '160',
      'gain-only',
      '1',
      'met',
      'not met',
      'met',
      'not met',
      'no',
      'workforce/social-care-partner: No social-care partner: add a social-care partner; ' +
        'population/size-band: Registered population 22,250 is below 30,000 (band 30,000-50,000)',
      '',
      'QXY',
      'North Riverside Integrated Care Board',
      '2026-10-01',
      'no',
    ])
    // The sites of a multi-document file are told apart by their 1-based document number.
    expect(records.filter((r) => r[3]!.startsWith('harbour.pch.yaml')).map((r) => [r[0], r[3]])).toEqual([
      ['harbour-east', 'harbour.pch.yaml#1'],
      ['harbour-west', 'harbour.pch.yaml#2'],
    ])
  })

  it('quotes a field holding a line break', async () => {
    const report = fixtureReport()
    report.sites[3]!.name = 'Line one\r\nline two\nline three'
    const records = parseCsv(await render('csv', report))
    expect(records[4]![1]).toBe('Line one\r\nline two\nline three')
  })
})

describe('report renderers: markdown escapes table cells', () => {
  it('escapes the pipe in a site name so the row keeps its 15 cells', async () => {
    const out = await render('markdown')
    const row = out.split('\n').find((line) => line.startsWith('| northbank |'))!
    expect(row).toContain('| Northbank "Quayside", Kingsbridge \\| East Primary Care Home |')
    expect(cells(row)).toHaveLength(15)
    for (const line of out
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| # ') && !l.startsWith('| site ') && !l.startsWith('| commissioner '))) {
      // characteristics, commissioners, sites
      expect(cells(line).length, line).toBeOneOf([5, 10, 15])
    }
  })

  it('escapes pipes, backslashes and line breaks in an exception reason and a finding', async () => {
    const report = fixtureReport()
    report.sites[0]!.characteristics[4].exceptions[0]!.reason = 'a | b \\ c\nd'
    report.sites[4]!.characteristics[2].findings[0]!.message = 'x | y'
    report.sites[4]!.id = 'south|moor'
    const out = await render('markdown', report)
    expect(out).toContain('- **fellgate**, characteristic 4 (`population/size-band`): a \\| b \\\\ c d. Approved by')
    expect(out).toContain('- **south\\|moor**, characteristic 2: x \\| y (`workforce/social-care-partner`, southmoor.pch.yaml:25)')
    const row = out.split('\n').find((line) => line.startsWith('| south'))!
    expect(cells(row)).toHaveLength(15)
  })
})

/** Lines of the table renderer wider than 100 columns (no colour; one column per code point). */
const wide = (out: string): string[] => out.split('\n').filter((line) => [...line].length > 100)

describe('report renderers: table', () => {
  it('fits every line of the fixture report in 100 columns', async () => {
    const out = await render('table')
    expect(out).not.toMatch(ANSI)
    expect(wide(out)).toEqual([])
    // Site lines (detail lines under a site are indented), most in need of attention first.
    expect(
      out
        .split('\n')
        .filter((line) => line && !line.startsWith(' '))
        .slice(0, 6)
        .map((line) => line.split(/\s+/)[0]),
    ).toEqual(['SITE', 'harbour-west', 'southmoor', 'fellgate', 'harbour-east', 'northbank'])
  })

  it('fits site lines in 100 columns with a long id and large figures', async () => {
    const report = fixtureReport()
    report.sites[0]!.id = 'a-very-long-site-identifier-that-goes-well-past-twenty-eight-characters'
    report.sites[0]!.registeredPopulation = 123456789
    report.sites[0]!.practices = 123456
    expect(wide(await render('table', report))).toEqual([])
  })

  it('colours with a level-1 chalk and is otherwise the plain table', async () => {
    const coloured = await render('table', fixtureReport(), new Chalk({level: 1}))
    expect(coloured).toMatch(ANSI)
    expect(coloured.replace(ANSI, '')).toBe(await render('table'))
  })

  // Unreadable definitions are listed one a line, each within 100 columns.
  it('fits the unreadable-definitions line in 100 columns when many cannot be read', async () => {
    const report = fixtureReport()
    report.unreadable = Array.from({length: 6}, (_, i) => ({
      filePath: `sites/north-east-and-north-cumbria/site-${i + 1}.pch.yaml`,
      line: 1,
      column: 1,
      ruleId: 'yaml/syntax',
      message: 'YAML syntax error',
    }))
    report.programme.unreadable = 6
    expect(wide(await render('table', report))).toEqual([])
  })
})
