// What `pch report` shows of a definition, read from its checked data (INVALID where the schema
// rejected a value) during phase 1, so a cached or worker-checked file carries it as plain data.
import {parseDate} from './dates.js'
import {entries, knownList, num, registeredPopulation, section, str} from './site.js'

/** What the compliance report shows of a definition, read from its checked data. */
export interface SiteFacts {
  documentIndex?: number
  line: number
  id: string | null
  name: string | null
  status: string | null
  practices: number | null
  registeredPopulation: number | null
  sectors: string[]
  budgetTotal: number | null
  annualPerPatient: number | null
  riskShareModel: string | null
  outcomes: number | null
  exceptions: Array<{rule: string; reason: string; approvedBy: string; approvedOn: string}>
  /** Each member practice's list size (for a programme total that counts a practice once). */
  practiceSizes: Array<{odsCode: string; listSize: number}>
  /** Characteristics whose section (spec.care, spec.workforce, spec.budget, spec.population) is missing or not a mapping. */
  missingSections: number[]
  /** population.asOf when it is a date (YYYY-MM-DD). */
  asOf: string | null
  /** metadata.commissioner when it has a name and an ODS code. */
  commissioner: {name: string; odsCode: string} | null
}

/** The key figures of one checked definition (`documentIndex` in a file of several, `line` where it starts). */
export function siteFacts(data: unknown, documentIndex: number | undefined, line: number): SiteFacts {
  const metadata = section(data, 'metadata')
  const budget = section(data, 'spec', 'budget')
  const population = section(data, 'spec', 'population')
  const plan = section(data, 'spec', 'care', 'populationHealth')
  const commissioner = section(data, 'metadata', 'commissioner')
  const practices = population ? knownList(population.practices) : undefined
  const partners = entries(section(data, 'spec', 'workforce')?.partners)
  const outcomes = plan ? knownList(plan.outcomes) : undefined
  const model = section(data, 'spec', 'budget', 'riskShare')?.model
  return {
    ...(documentIndex === undefined ? {} : {documentIndex}),
    line,
    id: str(metadata?.id) ?? null,
    name: str(metadata?.name) ?? null,
    status: str(metadata?.status) ?? null,
    practices: practices ? practices.length : null,
    registeredPopulation: registeredPopulation(data) ?? null,
    sectors: [...new Set(partners.flatMap(([, p]) => (typeof p.sector === 'string' ? [p.sector] : [])))].sort(),
    budgetTotal: num(budget?.total) ?? null,
    annualPerPatient: num(section(data, 'spec', 'budget', 'capitation')?.annualPerPatient) ?? null,
    riskShareModel: str(model) ?? null,
    outcomes: outcomes ? outcomes.length : null,
    practiceSizes: (practices ?? []).flatMap((p) =>
      typeof p.odsCode === 'string' && num(p.listSize) !== undefined ? [{odsCode: p.odsCode, listSize: num(p.listSize)!}] : [],
    ),
    asOf: parseDate(population?.asOf) ? (population!.asOf as string) : null,
    commissioner:
      str(commissioner?.name) !== undefined && str(commissioner?.odsCode) !== undefined
        ? {name: commissioner!.name as string, odsCode: commissioner!.odsCode as string}
        : null,
    missingSections: (
      [
        [1, 'care'],
        [2, 'workforce'],
        [3, 'budget'],
        [4, 'population'],
      ] as const
    ).flatMap(([n, key]) => (section(data, 'spec', key) ? [] : [n])),
    exceptions: entries(metadata?.exceptions).flatMap(([, e]) =>
      ['rule', 'reason', 'approvedBy', 'approvedOn'].every((key) => typeof e[key] === 'string')
        ? [{rule: e.rule as string, reason: e.reason as string, approvedBy: e.approvedBy as string, approvedOn: e.approvedOn as string}]
        : [],
    ),
  }
}
