// One row per site, stable columns, RFC 4180 (CRLF line ends, quotes doubled, fields quoted when needed),
// text cells neutralised against formula injection.
import {CHARACTERISTICS} from './model.js'
import {STATUS_WORDS, type Renderer} from './renderer.js'
import {forCsvCell} from '../formatters/neutralise.js'

export const CSV_COLUMNS = [
  'id', 'name', 'status', 'file', 'practices', 'registered_population', 'in_band', 'sectors', 'budget_total',
  'annual_per_patient', 'risk_share_model', 'outcomes', 'characteristic_1', 'characteristic_2', 'characteristic_3',
  'characteristic_4', 'compliant', 'findings', 'exceptions',
] as const

const csv: Renderer = (report) => {
  const rows = report.sites.map((site) => [
    site.id, site.name, site.status,
    site.documentIndex === undefined ? site.filePath : `${site.filePath}#${site.documentIndex + 1}`,
    site.practices, site.registeredPopulation, site.inBand === null ? '' : site.inBand ? 'yes' : 'no',
    site.sectors.join(' '), site.budgetTotal, site.annualPerPatient, site.riskShareModel, site.outcomes,
    ...CHARACTERISTICS.map((n) => STATUS_WORDS[site.characteristics[n].status]),
    site.compliant ? 'yes' : 'no',
    [...site.problems.map((f) => `${f.ruleId}: ${f.message}`), ...CHARACTERISTICS.flatMap((n) => (site.characteristics[n].status === 'not-met' ? site.characteristics[n].findings.map((f) => `${f.ruleId}: ${f.message}`) : []))].join('; '),
    CHARACTERISTICS.flatMap((n) => site.characteristics[n].exceptions.map((e) => `${e.rule}: ${e.reason} (approved by ${e.approvedBy} on ${e.approvedOn})`)).join('; '),
  ])
  return [[...CSV_COLUMNS], ...rows].map((row) => row.map(forCsvCell).join(',')).join('\r\n') + '\r\n'
}

export default csv
