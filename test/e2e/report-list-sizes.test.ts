// End-to-end: how old a report's data is, and the view by commissioner (ICB), in every format of
// `pch report`, byte for byte, over a programme of three sites: riverside (North Riverside ICB, list
// sizes of October 2026), moorside (the same ICB, list sizes of January 2021: stale) and eastfield
// (no commissioner, list sizes of May 2026: exactly six months before today, so not yet stale).
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {cli, edit, expectOneLineFailure, riverside, TODAY, useTempDir, type CliResult} from '../helpers.js'

const temp = useTempDir('pch-report-list-sizes-', 'all')
const golden = (name: string): string => readFileSync(new URL(`../report/golden/${name}`, import.meta.url), 'utf8')

/** riverside with another id, name and practice codes (so no practice is in two sites), and `more` edits. */
function site(id: string, letter: string, ...more: Array<[string | RegExp, string]>): string {
  return edit(
    riverside(),
    [/^ {2}id: riverside\b.*$/m, `  id: ${id}`],
    ['name: Riverside Primary Care Home', `name: ${id[0]!.toUpperCase()}${id.slice(1)} Primary Care Home`],
    ['odsCode: A81001 ', `odsCode: ${letter}81001 `],
    ['odsCode: A81002', `odsCode: ${letter}81002`],
    ['odsCode: A81004', `odsCode: ${letter}81004`],
    ['employer: A81001', `employer: ${letter}81001`],
    ...more,
  )
}

beforeAll(() => {
  writeFileSync(path.join(temp.path, 'riverside.pch.yaml'), riverside())
  writeFileSync(path.join(temp.path, 'moorside.pch.yaml'), site('moorside', 'B', ['asOf: 2026-10-01 ', 'asOf: 2021-01-01 ']))
  writeFileSync(
    path.join(temp.path, 'eastfield.pch.yaml'),
    site('eastfield', 'C', ['asOf: 2026-10-01 ', 'asOf: 2026-05-01 '], [/^ {2}commissioner:.*\n.*\n.*\n/m, '']),
  )
})

const report = (...args: string[]): CliResult => cli(['report', '.', ...args, '--today', TODAY], {cwd: temp.path})

describe('pch report: the age of the list sizes and the view by commissioner', () => {
  it('table', () => {
    const r = report('--format', 'table')
    expect([r.status, r.stderr]).toEqual([0, ''])
    expect(r.stdout).toBe(TABLE)
  })

  it('markdown', () => {
    const r = report('--format', 'markdown')
    expect([r.status, r.stderr]).toEqual([0, ''])
    expect(r.stdout).toBe(MARKDOWN)
  })

  it('csv, one row per site', () => {
    const r = report('--format', 'csv')
    expect([r.status, r.stderr]).toEqual([0, ''])
    expect(r.stdout).toBe(CSV)
  })

  it('csv --by commissioner, one row per ICB and one for the sites that name none', () => {
    const r = report('--format', 'csv', '--by', 'commissioner')
    expect([r.status, r.stderr]).toEqual([0, ''])
    expect(r.stdout).toBe(CSV_BY_COMMISSIONER)
  })

  it('json: the fields are added, none renamed or removed', () => {
    const r = report('--format', 'json')
    expect([r.status, r.stderr]).toEqual([0, ''])
    expect(r.stdout).toBe(golden('list-sizes.json'))
  })

  it('html: the dates in the lede, a stale count, the date of each site and a table by commissioner', () => {
    const r = report('--format', 'html')
    expect([r.status, r.stderr]).toEqual([0, ''])
    const html = r.stdout
    expect(html).toContain(
      '3 of 3 sites meet all four characteristics; list sizes of 1 January 2021 to 1 October 2026, <strong>1 site stale</strong>.</p>',
    )
    expect(html).toContain(
      '<div class="stat is-warning"><dt>Sites with stale list sizes</dt><dd><span class="stat-value">1</span> <span class="stat-note">more than 6 months old; list sizes of 1 January 2021 to 1 October 2026</span></dd></div>',
    )
    expect(html).toContain(
      '<td class="numeric">36,100</td>\n<td><span class="date">1 January 2021</span><span class="flag">stale: over 6 months</span></td>',
    )
    expect(html).toContain('<td class="numeric">36,100</td>\n<td><span class="date">1 May 2026</span></td>')
    expect(html.match(/<tr data-commissioner=.*?<\/tr>/gs)).toEqual([
      '<tr data-commissioner="QXY"><th scope="row">North Riverside Integrated Care Board<span class="sub">QXY</span></th>\n' +
        '<td class="numeric">2</td><td class="numeric">72,200</td><td class="numeric">2</td>\n' +
        '<td class="numeric">2</td><td class="numeric">2</td><td class="numeric">2</td><td class="numeric">2</td>\n' +
        '<td><span class="date">1 January 2021</span> to <span class="date">1 October 2026</span><span class="flag">1 site stale</span></td>\n</tr>',
      '<tr data-commissioner=""><th scope="row"><span class="unknown">No commissioner named</span></th>\n' +
        '<td class="numeric">1</td><td class="numeric">36,100</td><td class="numeric">1</td>\n' +
        '<td class="numeric">1</td><td class="numeric">1</td><td class="numeric">1</td><td class="numeric">1</td>\n' +
        '<td><span class="date">1 May 2026</span></td>\n</tr>',
    ])
  })

  it('--by commissioner with another format is a failed run', () => {
    expectOneLineFailure(
      report('--format', 'markdown', '--by', 'commissioner'),
      /^pch: --by commissioner is for --format csv \(one row per ICB\); the other formats always show the view by commissioner\n$/,
    )
  })
})

const TABLE = `SITE                         STATUS          POPULATION AS OF       PRACTICES  1  2  3  4  COMPLIANT
eastfield                    live                36,100 2026-05-01          3  ✔  ✔  ✔  ✔  yes
moorside                     live                36,100 2021-01-01!         3  ✔  ✔  ✔  ✔  yes
riverside                    live                36,100 2026-10-01          3  ✔  ✔  ✔  ✔  yes

3 of 3 sites meet all four characteristics; registered population 108,300.
  1. Personalised care and population health outcomes                 3 met, 0 by exception, 0 not
  2. Integrated workforce across primary, secondary and social care   3 met, 0 by exception, 0 not
  3. Unified, capitated budget with shared risks and rewards          3 met, 0 by exception, 0 not
  4. Registered population of 30,000-50,000                           3 met, 0 by exception, 0 not
List sizes as of 2021-01-01 (oldest) to 2026-10-01 (newest); 1 site more than 6 months old (stale).

BY COMMISSIONER                  SITES  POPULATION  ALL FOUR    1    2    3    4 STALE  OLDEST
QXY North Riverside Integrated …     2      72,200         2    2    2    2    2     1  2021-01-01
No commissioner named                1      36,100         1    1    1    1    1     0  2026-05-01
  1-4: sites meeting each (met or by exception); STALE: list sizes more than 6 months old
✔ met  ◐ met by exception  ✖ not met  ! list sizes more than 6 months old
`
const MARKDOWN = `# Primary Care Home compliance report

Generated 2026-11-01. 3 of 3 sites meet all four characteristics; registered population 108,300.

List sizes as of 2021-01-01 (oldest) to 2026-10-01 (newest); 1 site more than 6 months old (stale).

## Characteristics

| # | characteristic | met | met by exception | not met |
|---|---|---:|---:|---:|
| 1 | Personalised care and population health outcomes | 3 | 0 | 0 |
| 2 | Integrated workforce across primary, secondary and social care | 3 | 0 | 0 |
| 3 | Unified, capitated budget with shared risks and rewards | 3 | 0 | 0 |
| 4 | Registered population of 30,000-50,000 | 3 | 0 | 0 |

## By commissioner

Sites meeting each characteristic (met or by exception); stale: list sizes more than 6 months old.

| commissioner | sites | registered population | all four | 1 | 2 | 3 | 4 | list sizes as of | stale |
|---|---:|---:|---:|---:|---:|---:|---:|---|---:|
| QXY North Riverside Integrated Care Board | 2 | 72,200 | 2 | 2 | 2 | 2 | 2 | 2021-01-01 to 2026-10-01 | 1 |
| No commissioner named | 1 | 36,100 | 1 | 1 | 1 | 1 | 1 | 2026-05-01 | 0 |

## Sites

| site | name | status | practices | population (30,000-50,000) | partner sectors | budget | per patient | risk share | outcomes | 1 | 2 | 3 | 4 | list sizes as of |
|---|---|---|---:|---:|---|---:|---:|---|---:|---|---|---|---|---|
| eastfield | Eastfield Primary Care Home | live | 3 | 36,100 | acute, community-health, mental-health, social-care, voluntary | £5,776,000 | £160 | gain-and-loss | 2 | ✔ met | ✔ met | ✔ met | ✔ met | 2026-05-01 |
| moorside | Moorside Primary Care Home | live | 3 | 36,100 | acute, community-health, mental-health, social-care, voluntary | £5,776,000 | £160 | gain-and-loss | 2 | ✔ met | ✔ met | ✔ met | ✔ met | 2021-01-01 ⚠ stale |
| riverside | Riverside Primary Care Home | live | 3 | 36,100 | acute, community-health, mental-health, social-care, voluntary | £5,776,000 | £160 | gain-and-loss | 2 | ✔ met | ✔ met | ✔ met | ✔ met | 2026-10-01 |

Status words: met, not met, met by exception.
`
const CSV = [
  'id,name,status,file,practices,registered_population,in_band,sectors,budget_total,annual_per_patient,risk_share_model,outcomes,characteristic_1,characteristic_2,characteristic_3,characteristic_4,compliant,findings,exceptions,commissioner_ods_code,commissioner,population_as_of,list_sizes_stale',
  'eastfield,Eastfield Primary Care Home,live,eastfield.pch.yaml,3,36100,yes,acute community-health mental-health social-care voluntary,5776000,160,gain-and-loss,2,met,met,met,met,yes,,,,,2026-05-01,no',
  'moorside,Moorside Primary Care Home,live,moorside.pch.yaml,3,36100,yes,acute community-health mental-health social-care voluntary,5776000,160,gain-and-loss,2,met,met,met,met,yes,,,QXY,North Riverside Integrated Care Board,2021-01-01,yes',
  'riverside,Riverside Primary Care Home,live,riverside.pch.yaml,3,36100,yes,acute community-health mental-health social-care voluntary,5776000,160,gain-and-loss,2,met,met,met,met,yes,,,QXY,North Riverside Integrated Care Board,2026-10-01,no',
]
  .map((row) => `${row}\r\n`)
  .join('')
const CSV_BY_COMMISSIONER = [
  'commissioner_ods_code,commissioner,sites,registered_population,compliant,characteristic_1_met,characteristic_1_met_by_exception,characteristic_1_not_met,characteristic_2_met,characteristic_2_met_by_exception,characteristic_2_not_met,characteristic_3_met,characteristic_3_met_by_exception,characteristic_3_not_met,characteristic_4_met,characteristic_4_met_by_exception,characteristic_4_not_met,oldest_as_of,newest_as_of,stale_sites',
  'QXY,North Riverside Integrated Care Board,2,72200,2,2,0,0,2,0,0,2,0,0,2,0,0,2021-01-01,2026-10-01,1',
  ',,1,36100,1,1,0,0,1,0,0,1,0,0,1,0,0,2026-05-01,2026-05-01,0',
]
  .map((row) => `${row}\r\n`)
  .join('')
