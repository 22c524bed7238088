// End-to-end: `pch report --compare PREVIOUS.json` with the built binary: a programme at two commits
// (test/report/two-commits.ts), the second report compared with the first in every format; a real
// programme from NHS Digital's data whose list sizes move on five years; bad previous reports.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {ReportComparison} from '../../src/report/compare.js'
import type {ComplianceReport} from '../../src/report/model.js'
import {cli, expectOneLineFailure, SHARED, TODAY, useTempDir} from '../helpers.js'
import {checkout} from '../report/two-commits.js'

const temp = useTempDir('pch-compare-')
const NHS = path.join(SHARED, 'data', 'nhs')

const report = (...args: string[]): ReturnType<typeof cli> => cli(['report', 'sites', '--today', TODAY, ...args], {cwd: temp.path})
const compared = (format: string): string => {
  const r = report('-f', format, '--compare', 'previous.json')
  expect([r.status, r.stderr]).toEqual([0, ''])
  return r.stdout
}

/** Commit 1's report as JSON in previous.json, then commit 2 checked out. */
function twoCommits(): void {
  checkout(temp.path, 1)
  expect(report('-f', 'json', '-o', 'previous.json')).toEqual({status: 0, stdout: '', stderr: ''})
  checkout(temp.path, 2)
}

/** The comparison, in every text format's words (markdown's bullets). */
const SINCE = [
  '- Sites meeting all four characteristics: 4 of 5, unchanged',
  '- Registered population: 174,500 then, 174,450 now (-50); sites in the band: 5 then, 4 now',
  '- Characteristic 1: met by 5, unchanged; not met by 0, unchanged',
  '- Characteristic 2: met by 5, unchanged; not met by 0, unchanged',
  '- Characteristic 3: met by 4 then, 5 now; not met by 1 then, 0 now',
  '- Characteristic 4: met by 5 then, 4 now; not met by 0 then, 1 now',
  '- Sites added: foxtrot (Foxtrot PCH)',
  '- Sites removed: echo (Echo PCH)',
  '- bravo (Bravo PCH): now meets all four; characteristic 3 became met',
  '  - resolved: characteristic 3: Risk-share model is none: risks and rewards must be shared between the practices and their partners (budget/risk-share-required)',
  '- charlie (Charlie PCH): no longer meets all four; characteristic 4 became not met; population 30,100 then, 29,900 now (-200), left the band',
  '  - new: characteristic 4: Registered population 29,900 is below 30,000 (band 30,000-50,000) (population/size-band)',
  '- delta (Delta PCH): population 36,100 then, 36,250 now (+150)',
]

describe('pch report --compare: a programme at two commits', () => {
  it('json: `since` names exactly the sites and characteristics that changed', () => {
    twoCommits()
    const json = JSON.parse(compared('json')) as ComplianceReport & {format: string; version: number; since: ReportComparison}
    expect([json.format, json.version]).toEqual(['pch-report', 1])
    const {since} = json
    expect(since.comparedWith).toBe(TODAY)
    expect([since.added, since.removed]).toEqual([[{site: 'foxtrot', name: 'Foxtrot PCH'}], [{site: 'echo', name: 'Echo PCH'}]])
    expect(since.programme.compliant).toEqual({then: 4, now: 4})
    expect(since.programme.registeredPopulation).toEqual({then: 174500, now: 174450})
    expect(since.programme.characteristics[3].notMet).toEqual({then: 1, now: 0})
    expect(since.programme.characteristics[4].notMet).toEqual({then: 0, now: 1})
    const moved = since.sites.map((s) => [
      s.site,
      s.changed,
      s.compliant.movement,
      ...([1, 2, 3, 4] as const).map((n) => s.characteristics[n].movement),
      s.band,
    ])
    expect(moved).toEqual([
      ['alpha', false, 'unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged'],
      ['bravo', true, 'became-met', 'unchanged', 'unchanged', 'became-met', 'unchanged', 'unchanged'],
      ['charlie', true, 'became-not-met', 'unchanged', 'unchanged', 'unchanged', 'became-not-met', 'left'],
      ['delta', true, 'unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged'],
    ])
    const findings = since.sites.map((s) => [
      s.site,
      s.newFindings.map((f) => `${f.characteristic} ${f.ruleId}`),
      s.resolvedFindings.map((f) => `${f.characteristic} ${f.ruleId}`),
    ])
    expect(findings).toEqual([
      ['alpha', [], []],
      ['bravo', [], ['3 budget/risk-share-required']],
      ['charlie', ['4 population/size-band'], []],
      ['delta', [], []],
    ])
    expect(since.sites.find((s) => s.site === 'delta')!.registeredPopulation).toEqual({then: 36100, now: 36250})
    // A report written with --compare is itself a previous report for the next month.
    temp.write('with-since.json', JSON.stringify(json))
    expect(report('-f', 'json', '--compare', 'with-since.json').status).toBe(0)
  })

  it('markdown and table: "Since the last report" with every change; csv: each site then, and the removed one', () => {
    twoCommits()
    const markdown = compared('markdown')
    expect(markdown.split('## Since the last report (2026-11-01)\n\n')[1]!.split('\n\n## Characteristics')[0]!.split('\n')).toEqual(SINCE)
    expect(markdown.indexOf('## Since the last report')).toBeLessThan(markdown.indexOf('## Characteristics'))
    const table = compared('table')
    expect(table.split('Since the last report (2026-11-01):\n')[1]!.split('\n✔ met')[0]!.split('\n')).toEqual(
      SINCE.map((line) => line.replace(/^( *)- /, '  $1')),
    )
    const rows = compared('csv').split('\r\n').slice(0, -1)
    const header = rows[0]!.split(',')
    expect(header.slice(-10)).toEqual([
      'since',
      'compliant_then',
      'registered_population_then',
      'in_band_then',
      'characteristic_1_then',
      'characteristic_2_then',
      'characteristic_3_then',
      'characteristic_4_then',
      'new_findings',
      'resolved_findings',
    ])
    const column = (name: string): string[] =>
      rows.slice(1).map((row) => row.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''))[header.indexOf(name)]!)
    expect(column('id')).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'foxtrot', 'echo'])
    expect(column('since')).toEqual(['unchanged', 'changed', 'changed', 'changed', 'added', 'removed'])
    expect(column('registered_population_then')).toEqual(['36100', '36100', '30100', '36100', '', ''])
    expect(column('characteristic_3_then')).toEqual(['met', 'not met', 'met', 'met', '', ''])
    expect(column('new_findings')[2]).toBe('"population/size-band: Registered population 29,900 is below 30,000 (band 30,000-50,000)"')
  })

  it('html: "Since the last report" first, and the changed sites marked in the tables', () => {
    twoCommits()
    const html = compared('html')
    expect(html.indexOf('<h2 id="since">Since the last report</h2>')).toBeGreaterThan(0)
    expect(html.indexOf('<h2 id="since">')).toBeLessThan(html.indexOf('id="programme"'))
    const row = (site: string): string => html.split(`<tr data-site="${site}"`)[1]!.split('</tr>')[0]!
    expect(row('charlie')).toMatch(/^ class="not-compliant changed">/)
    expect(row('charlie')).toContain('Changed since 1 November 2026')
    expect(row('charlie')).toContain('<span class="was">was 30,100, in band</span>')
    expect(row('charlie')).toContain('<strong class="tag tag-not-met">Not met</strong><span class="was">was Met</span>')
    expect(row('bravo')).toContain('<strong class="tag tag-met">Met</strong><span class="was">was Not met</span>')
    expect(row('foxtrot')).toContain('New since 1 November 2026')
    expect(row('alpha')).toMatch(/^>/)
    expect(row('alpha')).not.toContain('since')
    // Without --compare, nothing of it.
    expect(report('-f', 'html').stdout).not.toMatch(/Since the last report|class="was"|tag-change"/)
  })

  it('a previous report that is not a pch report of this format version is exit 2 with one line', () => {
    checkout(temp.path, 1)
    const refused = (content: string, pattern: RegExp): void => {
      temp.write('previous.json', content)
      expectOneLineFailure(report('--compare', 'previous.json'), pattern)
    }
    refused(
      '# Primary Care Home compliance report',
      /^pch: --compare previous.json is not a pch report: it is not JSON \(write one with pch report --format json\)\n$/,
    )
    refused(
      '[{"filePath": "sites/a.pch.yaml", "messages": []}]',
      /^pch: --compare previous.json is not a pch report \(write one with pch report --format json\)\n$/,
    )
    refused(
      '{"generatedOn": "2026-10-01", "programme": {}, "sites": []}',
      /^pch: --compare previous.json is a pch report without a format version \(an older pch wrote it\); compare with a report of format pch-report version 1\n$/,
    )
    refused(
      '{"format": "pch-report", "version": 2, "sites": []}',
      /^pch: --compare previous.json is a pch report of format version 2; this pch compares with version 1 only\n$/,
    )
    refused(
      '{"format": "pch-report", "version": 1, "generatedOn": "2026-10-01", "sites": [{}]}',
      /^pch: --compare previous.json is not a whole pch report of version 1: its generatedOn, programme or sites are missing or not as written\n$/,
    )
    expectOneLineFailure(report('--compare', 'gone.json'), /^pch: --compare gone.json does not exist\n$/)
    expect(report('-f', 'json', '-o', 'previous.json')).toEqual({status: 0, stdout: '', stderr: ''})
    expectOneLineFailure(
      report('-f', 'json', '-o', 'previous.json', '--compare', 'previous.json'),
      /^pch: previous.json is an input of this run; it would be overwritten, so nothing was written\n$/,
    )
  })
})

describe('pch report --compare: a real programme, five years of list sizes later', () => {
  it('names exactly the sites that left the band and the ones that entered it', () => {
    const imported = cli(
      [
        'import',
        '--map',
        path.join(NHS, 'gp-reg-pat-prac-map-2022-01.csv'),
        '--list-sizes',
        path.join(NHS, 'gp-reg-pat-prac-all-2021-01.csv'),
        '--icb',
        'QHM',
        '--dir',
        'sites',
      ],
      {cwd: temp.path},
    )
    expect(imported.status).toBe(0)
    expect(report('-f', 'json', '-o', 'january-2021.json').status).toBe(0)
    expect(cli(['sync-list-sizes', '--from', path.join(NHS, 'gp-reg-pat-prac-all-2026-04.csv'), 'sites'], {cwd: temp.path}).status).toBe(0)
    expect(report('-f', 'json', '-o', 'april-2026.json').status).toBe(0)
    // The test's own reading of the two reports' populations against the band.
    const populations = (file: string): Map<string, number> =>
      new Map(
        (JSON.parse(readFileSync(path.join(temp.path, file), 'utf8')) as ComplianceReport).sites.map((s) => [
          s.id!,
          s.registeredPopulation!,
        ]),
      )
    const [then, now] = [populations('january-2021.json'), populations('april-2026.json')]
    const inBand = (n: number): boolean => n >= 30000 && n <= 50000
    const left = [...now.keys()].filter((id) => inBand(then.get(id)!) && !inBand(now.get(id)!)).sort()
    const entered = [...now.keys()].filter((id) => !inBand(then.get(id)!) && inBand(now.get(id)!)).sort()
    expect(left.length).toBeGreaterThan(0)
    expect(entered.length).toBeGreaterThan(0)

    const r = report('-f', 'json', '--compare', 'january-2021.json')
    const since = (JSON.parse(r.stdout) as {since: ReportComparison}).since
    expect(
      since.sites
        .filter((s) => s.band === 'left')
        .map((s) => s.site)
        .sort(),
    ).toEqual(left)
    expect(
      since.sites
        .filter((s) => s.band === 'entered')
        .map((s) => s.site)
        .sort(),
    ).toEqual(entered)
    expect(since.sites.filter((s) => s.band === 'left').every((s) => s.characteristics[4].movement === 'became-not-met')).toBe(true)
    expect([since.added, since.removed]).toEqual([[], []])
    expect(since.programme.inBand).toEqual({then: [...then.values()].filter(inBand).length, now: [...now.values()].filter(inBand).length})
    const markdown = report('-f', 'markdown', '--compare', 'january-2021.json').stdout
    for (const id of left)
      expect(markdown).toMatch(
        new RegExp(
          `^- ${id} \\(.*\\): .*characteristic 4 became not met; population [\\d,]+ then, [\\d,]+ now \\(\\+[\\d,]+\\), left the band$`,
          'm',
        ),
      )
  })
})
