// The compliance model of `pch report`, computed once from lint results and each definition's key
// figures; every renderer is a pure function of it. A characteristic is met when no compliance
// rule (or structural error in its section) fails, met by exception when only accepted findings
// remain, and not met otherwise. The findings of the config's local rules are advisory: listed with
// their characteristic (or their site), they never change a status.
import type {RuleSet} from '../rule-api/registry.js'
import type {SiteFacts} from '../rule-api/site-facts.js'
import type {FileResult, Message} from '../rule-api/types.js'
import {ruleMeta} from '../rules/index.js'
import {listSizesStale} from '../rules/population/stale-list-sizes.js'

export const CHARACTERISTICS = [1, 2, 3, 4] as const
export type CharacteristicNumber = (typeof CHARACTERISTICS)[number]

export const CHARACTERISTIC_NAMES: Record<CharacteristicNumber, string> = {
  1: 'Personalised care and population health outcomes',
  2: 'Integrated workforce across primary, secondary and social care',
  3: 'Unified, capitated budget with shared risks and rewards',
  4: 'Registered population of 30,000-50,000',
}

/** The section of a definition each characteristic lives in (schema errors there count against it). */
const SECTIONS: Record<CharacteristicNumber, string> = {1: '/spec/care', 2: '/spec/workforce', 3: '/spec/budget', 4: '/spec/population'}

export type CharacteristicStatus = 'met' | 'not-met' | 'met-by-exception'

export interface ReportFinding {
  ruleId: string
  message: string
  line: number
}

export interface CharacteristicResult {
  status: CharacteristicStatus
  findings: ReportFinding[]
  exceptions: Array<{rule: string; reason: string; approvedBy: string; approvedOn: string}>
  /** The findings of local rules declaring this characteristic (present when there are any): they never change `status`. */
  advisories?: ReportFinding[]
}

export interface SiteReport {
  id: string | null
  name: string | null
  status: string | null
  /** metadata.commissioner (the ICB), when the definition names one. */
  commissioner: {name: string; odsCode: string} | null
  filePath: string
  documentIndex?: number
  line: number
  practices: number | null
  registeredPopulation: number | null
  inBand: boolean | null
  /** population.asOf: the date of the list-size extract. */
  asOf: string | null
  /** List sizes more than `staleAfterMonths` months before the report's date (null when asOf is unknown). */
  stale: boolean | null
  sectors: string[]
  budgetTotal: number | null
  annualPerPatient: number | null
  riskShareModel: string | null
  outcomes: number | null
  compliant: boolean
  /** Schema errors outside the four sections (metadata, unknown keys): the definition is not valid, so not compliant. */
  problems: ReportFinding[]
  characteristics: Record<CharacteristicNumber, CharacteristicResult>
  /** The findings of local rules declaring no characteristic (present when there are any): they never change `compliant`. */
  advisories?: ReportFinding[]
}

export interface UnreadableDefinition {
  filePath: string
  documentIndex?: number
  line: number
  column: number
  ruleId: string
  message: string
}

export type CharacteristicCounts = Record<CharacteristicNumber, {met: number; notMet: number; metByException: number}>

/** The figures of a group of sites (the programme, or the sites of one commissioner). */
export interface Tally {
  sites: number
  /** Each practice counted once, however many of the group's sites list it. */
  registeredPopulation: number
  compliant: number
  characteristics: CharacteristicCounts
  /** The oldest and newest population.asOf of the group (null when no site has one). */
  oldestAsOf: string | null
  newestAsOf: string | null
  /** Sites whose list sizes are stale. */
  stale: number
}

/** The sites of one commissioner (ICB); odsCode and name are null for the sites that name none. */
export interface CommissionerReport extends Tally {
  odsCode: string | null
  name: string | null
}

export interface ComplianceReport {
  generatedOn: string
  band: {minimum: number; maximum: number}
  /** List sizes older than this many months are stale (the population/stale-list-sizes threshold). */
  staleAfterMonths: number
  /** The ids of the config's local rules (present when it declares any): their findings are the advisories. */
  localRules?: string[]
  /** The whole programme's figures, and how many definitions could not be read. */
  programme: Tally & {unreadable: number}
  sites: SiteReport[]
  unreadable: UnreadableDefinition[]
  /** The view by commissioner: one entry per ICB by ODS code, then the sites that name none. */
  commissioners: CommissionerReport[]
}

const STOPPING = new Set(['yaml/syntax', 'yaml/duplicate-key', 'yaml/unsupported-tag', 'schema/api-version'])

/** What the model asks of the run's rules: a rule's metadata (the config's local rules included). */
type Rules = Pick<RuleSet, 'meta'>
const BUILT_IN: Rules = {meta: ruleMeta}

/** Which characteristic a finding counts against, if any. */
function characteristicOf(message: Message, rules: Rules): CharacteristicNumber | undefined {
  const meta = rules.meta(message.ruleId)
  if (meta?.compliance && meta.characteristic !== null) return meta.characteristic
  // A value the schema rejects leaves its section unassessed; format/* (how a value is written) does not.
  if (message.ruleId === 'schema' && message.severity === 'error') {
    return CHARACTERISTICS.find((n) => message.path === SECTIONS[n] || message.path.startsWith(`${SECTIONS[n]}/`))
  }
  return undefined
}

/** A local rule's finding, as a report lists it. */
const isAdvisory = (message: Message, rules: Rules): boolean => rules.meta(message.ruleId)?.local !== undefined

export interface ReportOptions {
  today: string
  band: {minimum: number; maximum: number}
  staleAfterMonths: number
  /** The run's rules (`registry.ruleSetOf(config)`): without them, no finding is known to be a local rule's. */
  rules?: Pick<RuleSet, 'meta' | 'metas'>
}

export function buildReport(
  results: readonly FileResult[],
  sites: ReadonlyArray<SiteFacts & {filePath: string}>,
  options: ReportOptions,
): ComplianceReport {
  const rules = options.rules ?? BUILT_IN
  const byFile = new Map(results.map((result) => [result.filePath, result]))
  const siteReports = sites.map((site) => siteReport(site, byFile.get(site.filePath)?.messages ?? [], {...options, rules}))
  const unreadable = results.flatMap((result) => {
    const seen = new Set<number | undefined>()
    return result.messages.flatMap((m): UnreadableDefinition[] => {
      if (!STOPPING.has(m.ruleId) || seen.has(m.documentIndex)) return []
      seen.add(m.documentIndex)
      return [
        {
          filePath: result.filePath,
          ...(m.documentIndex === undefined ? {} : {documentIndex: m.documentIndex}),
          line: m.line,
          column: m.column,
          ruleId: m.ruleId,
          message: m.message,
        },
      ]
    })
  })
  const {sites: count, ...programme} = tally(siteReports, sites)
  const localRules = (options.rules?.metas ?? []).filter((meta) => meta.local !== undefined).map((meta) => meta.id)
  return {
    generatedOn: options.today,
    band: options.band,
    staleAfterMonths: options.staleAfterMonths,
    ...(localRules.length === 0 ? {} : {localRules}),
    programme: {sites: count, unreadable: unreadable.length, ...programme},
    sites: siteReports,
    unreadable,
    commissioners: byCommissioner(siteReports, sites),
  }
}

/** The figures of a group of sites; `facts` are the sites' facts, index for index. */
function tally(group: readonly SiteReport[], facts: ReadonlyArray<SiteFacts>): Tally {
  const count = (n: CharacteristicNumber, status: CharacteristicStatus): number =>
    group.filter((s) => s.characteristics[n].status === status).length
  const dates = group.flatMap((s) => (s.asOf === null ? [] : [s.asOf])).sort()
  return {
    sites: group.length,
    registeredPopulation: groupPopulation(facts),
    compliant: group.filter((s) => s.compliant).length,
    characteristics: Object.fromEntries(
      CHARACTERISTICS.map((n) => [n, {met: count(n, 'met'), notMet: count(n, 'not-met'), metByException: count(n, 'met-by-exception')}]),
    ) as CharacteristicCounts,
    oldestAsOf: dates[0] ?? null,
    newestAsOf: dates.at(-1) ?? null,
    stale: group.filter((s) => s.stale === true).length,
  }
}

/** One tally per commissioner ODS code (in code-point order, named as its first site names it), then the sites with none. */
function byCommissioner(reports: readonly SiteReport[], facts: ReadonlyArray<SiteFacts>): CommissionerReport[] {
  const groups = new Map<string | null, number[]>()
  reports.forEach((s, index) =>
    groups.set(s.commissioner?.odsCode ?? null, [...(groups.get(s.commissioner?.odsCode ?? null) ?? []), index]),
  )
  const codes = [...groups.keys()].sort((a, b) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1))
  return codes.map((odsCode) => {
    const indexes = groups.get(odsCode)!
    return {
      odsCode,
      name: odsCode === null ? null : reports[indexes[0]!]!.commissioner!.name,
      ...tally(
        indexes.map((i) => reports[i]!),
        indexes.map((i) => facts[i]!),
      ),
    }
  })
}

/** A group's registered population: each practice counted once, however many sites list it. */
function groupPopulation(sites: ReadonlyArray<SiteFacts>): number {
  const sizes = new Map<string, number>()
  for (const site of sites) for (const practice of site.practiceSizes) sizes.set(practice.odsCode, practice.listSize)
  return [...sizes.values()].reduce((sum, size) => sum + size, 0)
}

const reportFinding = (m: Message): ReportFinding => ({ruleId: m.ruleId, message: m.message, line: m.line})

/** `{advisories}` when there are any: the field is absent otherwise, so a report without local rules reads as before. */
const advisoriesField = (found: readonly Message[]): {advisories?: ReportFinding[]} =>
  found.length === 0 ? {} : {advisories: found.map(reportFinding)}

function siteReport(
  site: SiteFacts & {filePath: string},
  messages: readonly Message[],
  {band, today, staleAfterMonths, rules}: Omit<ReportOptions, 'rules'> & {rules: Rules},
): SiteReport {
  const mine = messages.filter((m) => m.documentIndex === site.documentIndex)
  const advisory = mine.filter((m) => isAdvisory(m, rules))
  const characteristics = Object.fromEntries(
    CHARACTERISTICS.map((n): [CharacteristicNumber, CharacteristicResult] => {
      const against = mine.filter((m) => characteristicOf(m, rules) === n)
      // A section that is missing (or not a mapping) cannot meet its characteristic.
      const missing: ReportFinding[] = site.missingSections.includes(n)
        ? [{ruleId: 'schema', message: `The ${SECTIONS[n].slice(1).replace('/', '.')} section is missing or not valid`, line: site.line}]
        : []
      const failing = against.filter((m) => m.severity === 'error')
      const accepted = against.filter((m) => m.excepted)
      const status: CharacteristicStatus =
        failing.length + missing.length > 0 ? 'not-met' : accepted.length > 0 ? 'met-by-exception' : 'met'
      const shown = failing.length > 0 ? failing : accepted
      return [
        n,
        {
          status,
          findings: [...missing, ...shown.map(reportFinding)],
          exceptions: site.exceptions.filter((e) => accepted.some((m) => m.ruleId === e.rule)),
          ...advisoriesField(advisory.filter((m) => m.characteristic === n)),
        },
      ]
    }),
  ) as Record<CharacteristicNumber, CharacteristicResult>
  const population = site.registeredPopulation
  const problems = mine
    .filter((m) => m.ruleId === 'schema' && m.severity === 'error' && characteristicOf(m, rules) === undefined)
    .map(reportFinding)
  return {
    id: site.id,
    name: site.name,
    status: site.status,
    commissioner: site.commissioner,
    filePath: site.filePath,
    ...(site.documentIndex === undefined ? {} : {documentIndex: site.documentIndex}),
    line: site.line,
    practices: site.practices,
    registeredPopulation: population,
    inBand: population === null ? null : population >= band.minimum && population <= band.maximum,
    asOf: site.asOf,
    stale: listSizesStale(site.asOf, today, staleAfterMonths),
    sectors: site.sectors,
    budgetTotal: site.budgetTotal,
    annualPerPatient: site.annualPerPatient,
    riskShareModel: site.riskShareModel,
    outcomes: site.outcomes,
    compliant: problems.length === 0 && CHARACTERISTICS.every((n) => characteristics[n].status !== 'not-met'),
    problems,
    characteristics,
    ...advisoriesField(advisory.filter((m) => m.characteristic === null)),
  }
}

/** How a report names a site: its id, else its file (and its place in a file of several definitions). */
export const siteName = (site: SiteReport): string =>
  site.id ?? `${site.filePath}${site.documentIndex === undefined ? '' : ` #${site.documentIndex + 1}`}`
