// The local rules' findings in the report model (rules.md "Local rules": never compliance): each is an
// advisory finding of the characteristic its rule declares, or of the site when it declares none,
// and none changes a status, a site's compliance, the programme's counts or `--compare`. Table-driven
// over the fixture's northbank (which meets all four); every line is counted from that file.
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {Chalk} from 'chalk'
import {describe, expect, it} from 'vitest'
import {loadConfig, run} from '../../src/index.js'
import {compareReports, describeComparison} from '../../src/report/compare.js'
import {CSV_COLUMNS, CSV_COMPARE_COLUMNS} from '../../src/report/csv.js'
import {loadRenderer, type ReportFormat} from '../../src/report/index.js'
import {buildReport, CHARACTERISTICS, type ComplianceReport, type ReportFinding} from '../../src/report/model.js'
import {registry} from '../../src/rules/registry.js'
import {edit, lineOf, tempDir} from '../helpers.js'
import {BAND, REPORT_TODAY, STALE_AFTER_MONTHS} from './programme.js'

const NORTHBANK = readFileSync(new URL('fixture/northbank.pch.yaml', import.meta.url), 'utf8')
const CAPITATION = lineOf(NORTHBANK, 'annualPerPatient: 160.00') // 56
const COHORT = lineOf(NORTHBANK, 'cohort: 2016') // 9
const ACUTE = lineOf(NORTHBANK, '- id: riverside-acute') // 38

const FLOOR = `  local/capitation-floor:
    given: /spec/budget/capitation/annualPerPatient
    then: { minimum: 165 }
    message: "Capitation is £{{value}}; the floor is £165"
    characteristic: 3
`
/** A local rule of no characteristic. */
const COHORT_RULE = `  local/recent-cohort:
    given: /metadata/cohort
    then: { minimum: 2020 }
    message: "The cohort is before 2020"
`
const ACUTE_RULE = `  local/acute-partner-has-ods-code:
    given: /spec/workforce/partners/*
    where: { properties: { sector: { const: acute } }, required: [sector] }
    then: { required: [odsCode] }
    message: "Acute partner {{value.name}} has no ODS code"
    severity: error
    characteristic: 2
`

/** The model of `files` under a config of `config`, built as `pch report` builds it (the run's rule set handed in). */
function reportWith(config: string, files: Record<string, string>): ComplianceReport {
  const dir = tempDir('pch-report-advisories-')
  writeFileSync(path.join(dir, '.pchrc.yaml'), config)
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text)
  const loaded = loadConfig(dir)
  const {results, sites} = run({mode: 'lint', today: REPORT_TODAY, paths: [dir], cwd: dir, config: loaded, collect: {sites: true}})
  return buildReport(results, sites, {
    today: REPORT_TODAY,
    band: BAND,
    staleAfterMonths: STALE_AFTER_MONTHS,
    rules: registry.ruleSetOf(loaded),
  })
}

const at = (f: ReportFinding): string => `${f.ruleId}@${f.line} ${f.message}`

/** What a case asserts of each site: statuses, its compliance, and where each advisory is (`absent`: no field at all). */
function view(report: ComplianceReport): object {
  return {
    localRules: 'localRules' in report ? report.localRules : 'absent',
    compliant: report.programme.compliant,
    sites: report.sites.map((s) => ({
      id: s.id,
      compliant: s.compliant,
      status: CHARACTERISTICS.map((n) => s.characteristics[n].status).join(' '),
      findings: CHARACTERISTICS.flatMap((n) => s.characteristics[n].findings.map((f) => `${n} ${f.ruleId}`)),
      site: 'advisories' in s ? s.advisories!.map(at) : 'absent',
      ...Object.fromEntries(
        CHARACTERISTICS.map((n) => {
          const c = s.characteristics[n]
          return [n, 'advisories' in c ? c.advisories!.map(at) : 'absent']
        }),
      ),
    })),
  }
}

const northbank = (...edits: Array<[string | RegExp, string]>): Record<string, string> => ({
  'northbank.pch.yaml': edit(NORTHBANK, ...edits),
})
const ALL_MET = 'met met met met'
const NONE = {site: 'absent', 1: 'absent', 2: 'absent', 3: 'absent', 4: 'absent'}

interface Case {
  name: string
  config: string
  files: Record<string, string>
  expected: object
}

const CASES: Case[] = [
  {
    name: 'no local rules: no field is added, though a built-in advisory rule of a characteristic fires (budget/uncapped-loss)',
    config: 'rules: {}\n',
    files: northbank(['      maxLossPercent: 3\n', '']),
    expected: {
      localRules: 'absent',
      compliant: 1,
      sites: [{id: 'northbank', compliant: true, status: ALL_MET, findings: [], ...NONE}],
    },
  },
  {
    name: 'local rules that find nothing: the rules are named, no advisory field is added',
    config: `rules:\n${ACUTE_RULE}${COHORT_RULE}`,
    files: northbank(['cohort: 2016', 'cohort: 2021']),
    expected: {
      localRules: ['local/acute-partner-has-ods-code', 'local/recent-cohort'],
      compliant: 1,
      sites: [{id: 'northbank', compliant: true, status: ALL_MET, findings: [], ...NONE}],
    },
  },
  {
    name: 'a warning of characteristic 3: an advisory of characteristic 3; the site still meets all four',
    config: `rules:\n${FLOOR}`,
    files: northbank(),
    expected: {
      localRules: ['local/capitation-floor'],
      compliant: 1,
      sites: [
        {
          id: 'northbank',
          compliant: true,
          status: ALL_MET,
          findings: [],
          ...NONE,
          3: [`local/capitation-floor@${CAPITATION} Capitation is £160; the floor is £165`],
        },
      ],
    },
  },
  {
    name: 'an error of characteristic 2 (a local rule set to error): still advisory, still met',
    config: `rules:\n${ACUTE_RULE}`,
    files: northbank([/        odsCode: RX3\n/, '']),
    expected: {
      localRules: ['local/acute-partner-has-ods-code'],
      compliant: 1,
      sites: [
        {
          id: 'northbank',
          compliant: true,
          status: ALL_MET,
          findings: [],
          ...NONE,
          2: [`local/acute-partner-has-ods-code@${ACUTE} Acute partner Riverside Hospitals NHS Foundation Trust has no ODS code`],
        },
      ],
    },
  },
  {
    name: 'a rule of no characteristic: an advisory of the site',
    config: `rules:\n${COHORT_RULE}`,
    files: northbank(),
    expected: {
      localRules: ['local/recent-cohort'],
      compliant: 1,
      sites: [
        {
          id: 'northbank',
          compliant: true,
          status: ALL_MET,
          findings: [],
          ...NONE,
          site: [`local/recent-cohort@${COHORT} The cohort is before 2020`],
        },
      ],
    },
  },
  {
    name: 'beside a compliance finding of the same characteristic: not met by that alone; the advisory is listed apart',
    config: `rules:\n${ACUTE_RULE}`,
    // No social-care partner (characteristic 2 not met), and the acute partner without its code.
    files: northbank([/        odsCode: RX3\n/, ''], ['sector: social-care', 'sector: voluntary']),
    expected: {
      localRules: ['local/acute-partner-has-ods-code'],
      compliant: 0,
      sites: [
        {
          id: 'northbank',
          compliant: false,
          status: 'met not-met met met',
          findings: ['2 workforce/social-care-partner'],
          ...NONE,
          2: [`local/acute-partner-has-ods-code@${ACUTE} Acute partner Riverside Hospitals NHS Foundation Trust has no ODS code`],
        },
      ],
    },
  },
  {
    name: 'each site has its own; in order of line; a finding silenced by pch-disable-next-line is not listed',
    config: `rules:\n${FLOOR}${COHORT_RULE}`,
    files: {
      ...northbank(),
      'southbank.pch.yaml': edit(
        NORTHBANK,
        ['id: northbank', 'id: southbank'],
        [
          '      annualPerPatient: 160.00',
          '      # pch-disable-next-line local/capitation-floor -- agreed\n      annualPerPatient: 160.00',
        ],
      ).replace(/N8100(\d)/g, 'S8100$1'),
    },
    expected: {
      localRules: ['local/capitation-floor', 'local/recent-cohort'],
      compliant: 2,
      sites: [
        {
          id: 'northbank',
          compliant: true,
          status: ALL_MET,
          findings: [],
          ...NONE,
          site: [`local/recent-cohort@${COHORT} The cohort is before 2020`],
          3: [`local/capitation-floor@${CAPITATION} Capitation is £160; the floor is £165`],
        },
        {
          id: 'southbank',
          compliant: true,
          status: ALL_MET,
          findings: [],
          ...NONE,
          site: [`local/recent-cohort@${COHORT} The cohort is before 2020`],
        },
      ],
    },
  },
]

describe('report model: the findings of local rules are advisory', () => {
  for (const c of CASES) {
    it(c.name, () => {
      expect(view(reportWith(c.config, c.files))).toEqual(c.expected)
    })
  }

  it('the built-in advisory finding of the first case is there in the lint results (so that case can fail)', () => {
    const dir = tempDir('pch-report-advisories-')
    writeFileSync(path.join(dir, 'northbank.pch.yaml'), edit(NORTHBANK, ['      maxLossPercent: 3\n', '']))
    const {results} = run({mode: 'lint', today: REPORT_TODAY, paths: [dir], cwd: dir})
    expect(results[0]!.messages.map((m) => `${m.ruleId} ${m.severity} ${m.characteristic}`)).toEqual(['budget/uncapped-loss warning 3'])
  })

  it("without the run's rules (the API's default), no finding is taken for a local rule's: the model is as before", () => {
    const dir = tempDir('pch-report-advisories-')
    writeFileSync(path.join(dir, '.pchrc.yaml'), `rules:\n${FLOOR}`)
    writeFileSync(path.join(dir, 'northbank.pch.yaml'), NORTHBANK)
    const loaded = loadConfig(dir)
    const {results, sites} = run({mode: 'lint', today: REPORT_TODAY, paths: [dir], cwd: dir, config: loaded, collect: {sites: true}})
    expect(results[0]!.messages.map((m) => m.ruleId)).toEqual(['local/capitation-floor'])
    const report = buildReport(results, sites, {today: REPORT_TODAY, band: BAND, staleAfterMonths: STALE_AFTER_MONTHS})
    expect(view(report)).toEqual({
      localRules: 'absent',
      compliant: 1,
      sites: [{id: 'northbank', compliant: true, status: ALL_MET, findings: [], ...NONE}],
    })
  })
})

describe('report --compare: advisory findings are no change', () => {
  it('a report with local rules compared with one without (and back): no site changed, no finding new or resolved', () => {
    const files = northbank([/        odsCode: RX3\n/, ''])
    const without = reportWith('rules: {}\n', files)
    const withLocal = reportWith(`rules:\n${ACUTE_RULE}${FLOOR}${COHORT_RULE}`, files)
    expect(CHARACTERISTICS.map((n) => withLocal.sites[0]!.characteristics[n].advisories?.length ?? 0)).toEqual([0, 1, 1, 0])
    for (const [then, now] of [
      [without, withLocal],
      [withLocal, without],
    ] as const) {
      const comparison = compareReports(then, now)
      expect(comparison.sites.map((s) => [s.site, s.changed, s.newFindings, s.resolvedFindings])).toEqual([['northbank', false, [], []]])
      expect(comparison).toEqual(compareReports(without, without))
      expect(describeComparison(comparison, (text) => text)).toEqual(describeComparison(compareReports(without, without), (text) => text))
    }
  })
})

describe("report renderers: a local rule's message, filled from a definition, is escaped in every format", () => {
  const hostile = (): ComplianceReport =>
    reportWith(
      `rules:\n${ACUTE_RULE}`,
      northbank([/        odsCode: RX3\n/, ''], ['name: Riverside Hospitals NHS Foundation Trust', 'name: "<b>A</b> | *x* &amp;"']),
    )
  const render = async (format: ReportFormat): Promise<string[]> =>
    (await loadRenderer(format))(hostile(), {color: new Chalk({level: 0})}).split(/\r?\n/)

  it.each([
    // Cut to 100 columns, as every line of the table is.
    ['table', '    2 advisory: Acute partner <b>A</b> | *x* &amp; has no ODS code (local/acute-partner-has-ods-cod…'],
    [
      'markdown',
      '- **northbank**, characteristic 2: Acute partner &lt;b&gt;A&lt;/b&gt; \\| \\*x\\* &amp;amp; has no ODS code (`local/acute-partner-has-ods-code`, northbank.pch.yaml:38)',
    ],
  ] as const)('%s', async (format, line) => {
    expect((await render(format)).filter((l) => l.includes('has no ODS code'))).toEqual([line])
  })

  it('html', async () => {
    const lines = (await render('html')).filter((l) => l.includes('has no ODS code'))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('<td>Acute partner &lt;b&gt;A&lt;/b&gt; | *x* &amp;amp; has no ODS code</td>')
    expect(lines[0]).not.toContain('<b>')
  })

  it('csv: the last cell', async () => {
    const rows = await render('csv')
    expect(rows[0]!.split(',').at(-1)).toBe('advisories')
    expect(rows[1]!.split(',').at(-1)).toBe(
      'local/acute-partner-has-ods-code (characteristic 2): Acute partner <b>A</b> | *x* &amp; has no ODS code',
    )
  })
})

describe('report csv with --compare and local rules', () => {
  it('advisories is the last column, after the comparison columns; a removed site has it empty', async () => {
    // Names without a comma, so that a row splits at its commas.
    const plain = (id: string): string =>
      edit(NORTHBANK, ['id: northbank', `id: ${id}`], [/name: 'Northbank .*'/, `name: ${id}`]).replace(
        /N8100(\d)/g,
        `${id[0]!.toUpperCase()}8100$1`,
      )
    const config = `rules:\n${COHORT_RULE}`
    const then = reportWith(config, {'northbank.pch.yaml': plain('northbank'), 'southbank.pch.yaml': plain('southbank')})
    const now = reportWith(config, {'northbank.pch.yaml': plain('northbank')})
    const text = (await loadRenderer('csv'))(now, {color: new Chalk({level: 0}), comparison: compareReports(then, now)})
    const rows = text.split('\r\n').map((row) => row.split(','))
    expect(rows.map((row) => [row.length, row[0], row.at(-11), row.at(-1)])).toEqual([
      [CSV_COLUMNS.length + CSV_COMPARE_COLUMNS.length + 1, 'id', 'since', 'advisories'],
      [CSV_COLUMNS.length + CSV_COMPARE_COLUMNS.length + 1, 'northbank', 'unchanged', 'local/recent-cohort: The cohort is before 2020'],
      [CSV_COLUMNS.length + CSV_COMPARE_COLUMNS.length + 1, 'southbank', 'removed', ''],
      [1, '', undefined, ''],
    ])
  })
})
