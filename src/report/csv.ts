// One row per site, stable columns, RFC 4180 (CRLF line ends, quotes doubled, fields quoted when needed),
// text cells neutralised against formula injection.
import {CHARACTERISTICS} from './model.js'
import {advisoriesOf, siteName, STATUS_WORDS, type Renderer} from './renderer.js'
import type {ComparedFinding} from './compare.js'
import {forCsvCell} from '../formatters/neutralise.js'

export const CSV_COLUMNS = [
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
] as const

/** The columns of `--by commissioner`: one row per ICB, then one for the sites that name none. */
export const COMMISSIONER_CSV_COLUMNS = [
  'commissioner_ods_code',
  'commissioner',
  'sites',
  'registered_population',
  'compliant',
  ...CHARACTERISTICS.flatMap((n) => [`characteristic_${n}_met`, `characteristic_${n}_met_by_exception`, `characteristic_${n}_not_met`]),
  'oldest_as_of',
  'newest_as_of',
  'stale_sites',
] as const

const yesNo = (value: boolean | null): string => (value === null ? '' : value ? 'yes' : 'no')

/** With --compare: what each site was in the earlier report, and what changed. */
export const CSV_COMPARE_COLUMNS = [
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
] as const

/**
 * Last of all, when the config declares local rules (whether or not they found anything, so that a
 * repository's columns do not change from one month to the next): each site's advisory findings.
 */
export const CSV_ADVISORY_COLUMN = 'advisories'

const records = (rows: unknown[][]): string =>
  rows.map((row) => row.map((value) => forCsvCell(value as Parameters<typeof forCsvCell>[0])).join(',')).join('\r\n') + '\r\n'

const byCommissioner: Renderer = (report) =>
  records([
    [...COMMISSIONER_CSV_COLUMNS],
    ...report.commissioners.map((c) => [
      c.odsCode,
      c.name,
      c.sites,
      c.registeredPopulation,
      c.compliant,
      ...CHARACTERISTICS.flatMap((n) => [c.characteristics[n].met, c.characteristics[n].metByException, c.characteristics[n].notMet]),
      c.oldestAsOf,
      c.newestAsOf,
      c.stale,
    ]),
  ])

const csv: Renderer = (report, context) => {
  if (context.by === 'commissioner') return byCommissioner(report, context)
  const {comparison} = context
  const rows = report.sites.map((site) => [
    site.id,
    site.name,
    site.status,
    site.documentIndex === undefined ? site.filePath : `${site.filePath}#${site.documentIndex + 1}`,
    site.practices,
    site.registeredPopulation,
    yesNo(site.inBand),
    site.sectors.join(' '),
    site.budgetTotal,
    site.annualPerPatient,
    site.riskShareModel,
    site.outcomes,
    ...CHARACTERISTICS.map((n) => STATUS_WORDS[site.characteristics[n].status]),
    site.compliant ? 'yes' : 'no',
    [
      ...site.problems.map((f) => `${f.ruleId}: ${f.message}`),
      ...CHARACTERISTICS.flatMap((n) =>
        site.characteristics[n].status === 'not-met' ? site.characteristics[n].findings.map((f) => `${f.ruleId}: ${f.message}`) : [],
      ),
    ].join('; '),
    CHARACTERISTICS.flatMap((n) =>
      site.characteristics[n].exceptions.map((e) => `${e.rule}: ${e.reason} (approved by ${e.approvedBy} on ${e.approvedOn})`),
    ).join('; '),
    site.commissioner?.odsCode,
    site.commissioner?.name,
    site.asOf,
    yesNo(site.stale),
  ])
  if (comparison) {
    // Each site's row gains the columns of the earlier report; a site removed since is a row of its own.
    const changes = new Map(comparison.sites.map((change) => [change.site, change]))
    const findings = (list: readonly ComparedFinding[]): string => list.map((f) => `${f.ruleId}: ${f.message}`).join('; ')
    report.sites.forEach((site, i) => {
      const change = changes.get(siteName(site))
      rows[i]!.push(
        ...(change
          ? [
              change.changed ? 'changed' : 'unchanged',
              change.compliant.then ? 'yes' : 'no',
              change.registeredPopulation.then,
              yesNo(change.inBand.then),
              ...CHARACTERISTICS.map((n) => STATUS_WORDS[change.characteristics[n].then]),
              findings(change.newFindings),
              findings(change.resolvedFindings),
            ]
          : ['added', '', '', '', '', '', '', '', '', '']),
      )
    })
    for (const gone of comparison.removed)
      rows.push([
        gone.site,
        gone.name,
        ...Array<string>(CSV_COLUMNS.length - 2).fill(''),
        'removed',
        ...Array<string>(CSV_COMPARE_COLUMNS.length - 1).fill(''),
      ])
  }
  const header: string[] = comparison ? [...CSV_COLUMNS, ...CSV_COMPARE_COLUMNS] : [...CSV_COLUMNS]
  if (report.localRules !== undefined) {
    header.push(CSV_ADVISORY_COLUMN)
    report.sites.forEach((site, i) =>
      rows[i]!.push(
        advisoriesOf(site)
          .map(({n, f}) => `${f.ruleId}${n === null ? '' : ` (characteristic ${n})`}: ${f.message}`)
          .join('; '),
      ),
    )
    // The rows of removed sites (--compare) follow the sites' rows.
    for (const row of rows.slice(report.sites.length)) row.push('')
  }
  return records([header, ...rows])
}

export default csv
