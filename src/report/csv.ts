// One row per site, stable columns, RFC 4180 (CRLF line ends, quotes doubled, fields quoted when needed),
// text cells neutralised against formula injection.
import {CHARACTERISTICS} from './model.js'
import {siteName, STATUS_WORDS, type Renderer} from './renderer.js'
import type {ComparedFinding} from './compare.js'
import {forCsvCell} from '../formatters/neutralise.js'

export const CSV_COLUMNS = [
  'id', 'name', 'status', 'file', 'practices', 'registered_population', 'in_band', 'sectors', 'budget_total',
  'annual_per_patient', 'risk_share_model', 'outcomes', 'characteristic_1', 'characteristic_2', 'characteristic_3',
  'characteristic_4', 'compliant', 'findings', 'exceptions',
] as const

const yesNo = (value: boolean | null): string => (value === null ? '' : value ? 'yes' : 'no')

/** With --compare: what each site was in the earlier report, and what changed. */
export const CSV_COMPARE_COLUMNS = [
  'since', 'compliant_then', 'registered_population_then', 'in_band_then', 'characteristic_1_then', 'characteristic_2_then',
  'characteristic_3_then', 'characteristic_4_then', 'new_findings', 'resolved_findings',
] as const

const csv: Renderer = (report, {comparison}) => {
  const rows = report.sites.map((site) => [
    site.id, site.name, site.status,
    site.documentIndex === undefined ? site.filePath : `${site.filePath}#${site.documentIndex + 1}`,
    site.practices, site.registeredPopulation, yesNo(site.inBand),
    site.sectors.join(' '), site.budgetTotal, site.annualPerPatient, site.riskShareModel, site.outcomes,
    ...CHARACTERISTICS.map((n) => STATUS_WORDS[site.characteristics[n].status]),
    site.compliant ? 'yes' : 'no',
    [...site.problems.map((f) => `${f.ruleId}: ${f.message}`), ...CHARACTERISTICS.flatMap((n) => (site.characteristics[n].status === 'not-met' ? site.characteristics[n].findings.map((f) => `${f.ruleId}: ${f.message}`) : []))].join('; '),
    CHARACTERISTICS.flatMap((n) => site.characteristics[n].exceptions.map((e) => `${e.rule}: ${e.reason} (approved by ${e.approvedBy} on ${e.approvedOn})`)).join('; '),
  ])
  if (comparison) {
    // Each site's row gains the columns of the earlier report; a site removed since is a row of its own.
    const changes = new Map(comparison.sites.map((change) => [change.site, change]))
    const findings = (list: readonly ComparedFinding[]): string => list.map((f) => `${f.ruleId}: ${f.message}`).join('; ')
    report.sites.forEach((site, i) => {
      const change = changes.get(siteName(site))
      rows[i]!.push(
        ...(change
          ? [change.changed ? 'changed' : 'unchanged', change.compliant.then ? 'yes' : 'no', change.registeredPopulation.then, yesNo(change.inBand.then),
              ...CHARACTERISTICS.map((n) => STATUS_WORDS[change.characteristics[n].then]), findings(change.newFindings), findings(change.resolvedFindings)]
          : ['added', '', '', '', '', '', '', '', '', '']),
      )
    })
    for (const gone of comparison.removed) rows.push([gone.site, gone.name, ...Array<string>(CSV_COLUMNS.length - 2).fill(''), 'removed', ...Array<string>(CSV_COMPARE_COLUMNS.length - 1).fill('')])
  }
  const header = comparison ? [...CSV_COLUMNS, ...CSV_COMPARE_COLUMNS] : [...CSV_COLUMNS]
  return [header, ...rows].map((row) => row.map(forCsvCell).join(',')).join('\r\n') + '\r\n'
}

export default csv
