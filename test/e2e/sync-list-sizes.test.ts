// `pch sync-list-sizes` on NHS Digital's real extracts (../shared/data/nhs): a repository whose list
// sizes come from January 2021 brought up to April 2026, byte for byte outside the changed values.
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseExtractDate, readExtract} from '../../src/sync/extract.js'
import {cli, edit, riverside, SHARED, tempDir} from '../helpers.js'

const OLD = path.join(SHARED, 'data', 'nhs', 'gp-reg-pat-prac-all-2021-01.csv')
const NEW = path.join(SHARED, 'data', 'nhs', 'gp-reg-pat-prac-all-2026-04.csv')

/** Practice totals computed here independently of the product's parser (these files hold no quoted fields). */
function totals(file: string): Map<string, number> {
  const [header, ...rows] = readFileSync(file, 'utf8').split(/\r?\n/).filter(Boolean)
  const names = header!.split(',')
  const at = (name: string): number => names.indexOf(name)
  const sizes = new Map<string, number>()
  for (const row of rows) {
    const cells = row.split(',')
    if (cells[at('TYPE')] === 'GP' && cells[at('SEX')] === 'ALL' && cells[at('AGE')] === 'ALL') sizes.set(cells[at('CODE')]!, Number(cells[at('NUMBER_OF_PATIENTS')]))
  }
  return sizes
}

const before = totals(OLD)
const after = totals(NEW)
/** Practices in both extracts, and one that the 2026 extract no longer has (closed or merged). */
const kept = [...before.keys()].filter((code) => after.has(code)).slice(0, 6)
const closed = [...before.keys()].find((code) => !after.has(code))!

/** A site from riverside with three given practices at their January 2021 list sizes. */
function site(id: string, codes: string[]): string {
  const [a, b, c] = codes as [string, string, string]
  return edit(
    riverside(),
    ['id: riverside ', `id: ${id} `],
    ['asOf: 2026-10-01', 'asOf: 2021-01-01'],
    ['odsCode: A81001 ', `odsCode: ${a} `], ['listSize: 14250', `listSize: ${before.get(a)}`],
    ['odsCode: A81002', `odsCode: ${b}`], ['listSize: 11980', `listSize: ${before.get(b)}`],
    ['odsCode: A81004', `odsCode: ${c}`], ['listSize: 9870', `listSize: ${before.get(c)}`],
    ['employer: A81001', `employer: ${a}`],
  )
}

function repository(): {dir: string; files: Record<string, string>} {
  const dir = tempDir('pch-sync-')
  const files = {'north.pch.yaml': site('north', kept.slice(0, 3)), 'south.pch.yaml': site('south', [kept[3]!, kept[4]!, closed])}
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text)
  return {dir, files}
}

describe('reading the extracts', () => {
  it.each([
    ['01JAN2021', '2021-01-01'], ['01Jan2022', '2022-01-01'], ['01-Sep-20', '2020-09-01'], ['2026-04-01', '2026-04-01'],
    ['31FEB2021', undefined], ['2026-13-01', undefined], ['yesterday', undefined],
  ])('EXTRACT_DATE %s is %s', (text, iso) => {
    expect(parseExtractDate(text)).toBe(iso)
  })

  it('reads both header generations to exactly the totals computed independently', () => {
    const january = readExtract(OLD)
    expect([january.asOf, january.sizes]).toEqual(['2021-01-01', before])
    const april = readExtract(NEW)
    expect([april.asOf, april.sizes]).toEqual(['2026-04-01', after])
  })
})

describe('pch sync-list-sizes', () => {
  it('--check exits 1 on a stale repository and writes nothing; a sync brings exactly the CSV numbers; --check then exits 0', () => {
    const {dir, files} = repository()
    const check = cli(['sync-list-sizes', '--from', NEW, '.', '--check'], {cwd: dir})
    expect(check.status).toBe(1)
    expect(check.stdout).toContain('stale: north.pch.yaml\nstale: south.pch.yaml\n')
    for (const [name, text] of Object.entries(files)) expect(readFileSync(path.join(dir, name), 'utf8')).toBe(text)

    const sync = cli(['sync-list-sizes', '--from', NEW, '.'], {cwd: dir})
    expect(sync.status).toBe(0)
    expect(sync.stdout).toContain(`    ${closed} is not in the extract (closed or merged?): its list size is left as it was\n`)
    // Every byte but the changed values is the same: the expected text is the original with only
    // the list sizes (from the CSV, computed here) and asOf replaced.
    const expected = (text: string): string =>
      text.replace(/odsCode: (\w+)([^\n]*)\n(\s+)name: (.*)\n(\s+)listSize: (\d+)/g, (_whole, code: string, pad: string, i1: string, name: string, i2: string, size: string) =>
        `odsCode: ${code}${pad}\n${i1}name: ${name}\n${i2}listSize: ${after.get(code) ?? size}`,
      ).replace('asOf: 2021-01-01', 'asOf: 2026-04-01')
    for (const [name, text] of Object.entries(files)) expect(readFileSync(path.join(dir, name), 'utf8')).toBe(expected(text))
    expect(readFileSync(path.join(dir, 'south.pch.yaml'), 'utf8')).toContain(`listSize: ${before.get(closed)}`)

    expect(cli(['sync-list-sizes', '--from', NEW, '.', '--check'], {cwd: dir}).status).toBe(0)
  })

  it("prints each site's old and new population, and flags a site that leaves or re-enters the band", () => {
    const {dir} = repository()
    const r = cli(['sync-list-sizes', '--from', NEW, '.', '--dry-run'], {cwd: dir})
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^--- a\/north\.pch\.yaml\n\+\+\+ b\/north\.pch\.yaml\n@@ /)
    const sync = cli(['sync-list-sizes', '--from', NEW, '.'], {cwd: dir}).stdout
    const sum = (codes: string[], sizes: Map<string, number>): number => codes.reduce((n, c) => n + (sizes.get(c) ?? before.get(c)!), 0)
    const north = [sum(kept.slice(0, 3), before), sum(kept.slice(0, 3), after)]
    expect(sync).toContain(`  north.pch.yaml north: registered population ${north[0]!.toLocaleString('en-GB')} -> ${north[1]!.toLocaleString('en-GB')} (3 list sizes changed)\n`)
    const inBand = (n: number): boolean => n >= 30000 && n <= 50000
    if (inBand(north[0]!) !== inBand(north[1]!)) expect(sync).toMatch(/north[\s\S]*(leaves|re-enters) the 30,000-50,000 band/)
  })

  it.each([
    ['a bad row', (text: string) => text.replace(/\r\n(GP_PRAC_PAT_LIST,[^\r\n]*)\r\n/, '\r\n$1,extra\r\n'), /^pch: bad\.csv:2: Invalid Record Length: expect 10, got 11\n$/],
    ['a wrong header', (text: string) => text.replace('NUMBER_OF_PATIENTS', 'PATIENTS'), /^pch: bad\.csv:1: not a "Patients Registered at a GP Practice" totals header; missing NUMBER_OF_PATIENTS\n$/],
    ['an empty file', () => '', /^pch: bad\.csv:1: the file is empty; expected NHS Digital's gp-reg-pat-prac-all CSV\n$/],
    ['a count that is not a number', (text: string) => text.replace(/,ALL,ALL,(\d+)\r\n/, ',ALL,ALL,lots\r\n'), /^pch: bad\.csv:2: NUMBER_OF_PATIENTS "lots" is not a whole number\n$/],
  ])('a CSV with %s is exit 2 with the file, line and reason, and no file changes', (_name, spoil, message) => {
    const {dir, files} = repository()
    writeFileSync(path.join(dir, 'bad.csv'), spoil(readFileSync(NEW, 'utf8')))
    const r = cli(['sync-list-sizes', '--from', 'bad.csv', '.'], {cwd: dir})
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(message)
    for (const [name, text] of Object.entries(files)) expect(readFileSync(path.join(dir, name), 'utf8')).toBe(text)
  })

  it('refuses a CSV that is not UTF-8', () => {
    const {dir} = repository()
    writeFileSync(path.join(dir, 'bad.csv'), Buffer.from([0x50, 0xff, 0xfe, 0x0a]))
    expect(cli(['sync-list-sizes', '--from', 'bad.csv', '.'], {cwd: dir})).toEqual({
      status: 2,
      stdout: '',
      stderr: "pch: bad.csv:1: not UTF-8 text; expected NHS Digital's gp-reg-pat-prac-all CSV\n",
    })
  })

  it.each([
    ['LF', ['\n']],
    ['CRLF', ['\r\n']],
    ['CR', ['\r']],
    ['a CRLF header over LF rows', ['\r\n', '\n', '\n', '\n']],
    ['a mix of CR, LF and CRLF', ['\r', '\n', '\r\n']],
  ])('names the line of a byte that is not UTF-8 whatever the line breaks (%s)', (_name, breaks) => {
    const {dir, files} = repository()
    const [header, row1, row2, row3] = readFileSync(NEW, 'utf8').split(/\r?\n/) as [string, string, string, string]
    const end = (line: number): string => breaks[(line - 1) % breaks.length]!
    // A Latin-1 "£" at the end of line 3.
    const bytes = [Buffer.from(`${header}${end(1)}${row1}${end(2)}${row2}`), Buffer.from([0xa3]), Buffer.from(`${end(3)}${row3}${end(4)}`)]
    writeFileSync(path.join(dir, 'bad.csv'), Buffer.concat(bytes))
    expect(cli(['sync-list-sizes', '--from', 'bad.csv', '.'], {cwd: dir})).toEqual({
      status: 2,
      stdout: '',
      stderr: "pch: bad.csv:3: not UTF-8 text; expected NHS Digital's gp-reg-pat-prac-all CSV\n",
    })
    for (const [name, before] of Object.entries(files)) expect(readFileSync(path.join(dir, name), 'utf8')).toBe(before)
  })
})
