// The compliance model of `pch report`, computed once from lint results and each definition's key
// figures; every renderer is a pure function of it. A characteristic is met when no compliance
// rule (or structural error in its section) fails, met by exception when only accepted findings
// remain, and not met otherwise.
import type {SiteFacts} from '../engine/check.js'
import type {FileResult, Message} from '../engine/types.js'
import {ruleMeta} from '../rules/index.js'

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
}

export interface SiteReport {
  id: string | null
  name: string | null
  status: string | null
  filePath: string
  documentIndex?: number
  line: number
  practices: number | null
  registeredPopulation: number | null
  inBand: boolean | null
  sectors: string[]
  budgetTotal: number | null
  annualPerPatient: number | null
  riskShareModel: string | null
  outcomes: number | null
  compliant: boolean
  /** Schema errors outside the four sections (metadata, unknown keys): the definition is not valid, so not compliant. */
  problems: ReportFinding[]
  characteristics: Record<CharacteristicNumber, CharacteristicResult>
}

export interface UnreadableDefinition {
  filePath: string
  documentIndex?: number
  line: number
  column: number
  ruleId: string
  message: string
}

export interface ComplianceReport {
  generatedOn: string
  band: {minimum: number; maximum: number}
  programme: {
    sites: number
    unreadable: number
    registeredPopulation: number
    compliant: number
    characteristics: Record<CharacteristicNumber, {met: number; notMet: number; metByException: number}>
  }
  sites: SiteReport[]
  unreadable: UnreadableDefinition[]
}

const STOPPING = new Set(['yaml/syntax', 'yaml/duplicate-key', 'yaml/unsupported-tag', 'schema/api-version'])

/** Which characteristic a finding counts against, if any. */
function characteristicOf(message: Message): CharacteristicNumber | undefined {
  const meta = ruleMeta(message.ruleId)
  if (meta?.compliance && meta.characteristic !== null) return meta.characteristic
  // A value the schema rejects leaves its section unassessed; format/* (how a value is written) does not.
  if (message.ruleId === 'schema' && message.severity === 'error') {
    return CHARACTERISTICS.find((n) => message.path === SECTIONS[n] || message.path.startsWith(`${SECTIONS[n]}/`))
  }
  return undefined
}

export function buildReport(
  results: readonly FileResult[],
  sites: ReadonlyArray<SiteFacts & {filePath: string}>,
  options: {today: string; band: {minimum: number; maximum: number}},
): ComplianceReport {
  const byFile = new Map(results.map((result) => [result.filePath, result]))
  const siteReports = sites.map((site) => siteReport(site, byFile.get(site.filePath)?.messages ?? [], options.band))
  const unreadable = results.flatMap((result) => {
    const seen = new Set<number | undefined>()
    return result.messages.flatMap((m): UnreadableDefinition[] => {
      if (!STOPPING.has(m.ruleId) || seen.has(m.documentIndex)) return []
      seen.add(m.documentIndex)
      return [{filePath: result.filePath, ...(m.documentIndex === undefined ? {} : {documentIndex: m.documentIndex}), line: m.line, column: m.column, ruleId: m.ruleId, message: m.message}]
    })
  })
  const count = (n: CharacteristicNumber, status: CharacteristicStatus): number => siteReports.filter((s) => s.characteristics[n].status === status).length
  return {
    generatedOn: options.today,
    band: options.band,
    programme: {
      sites: siteReports.length,
      unreadable: unreadable.length,
      registeredPopulation: programmePopulation(sites),
      compliant: siteReports.filter((s) => s.compliant).length,
      characteristics: Object.fromEntries(
        CHARACTERISTICS.map((n) => [n, {met: count(n, 'met'), notMet: count(n, 'not-met'), metByException: count(n, 'met-by-exception')}]),
      ) as ComplianceReport['programme']['characteristics'],
    },
    sites: siteReports,
    unreadable,
  }
}

/** The programme's registered population: each practice counted once, however many sites list it. */
function programmePopulation(sites: ReadonlyArray<SiteFacts>): number {
  const sizes = new Map<string, number>()
  for (const site of sites) for (const practice of site.practiceSizes) sizes.set(practice.odsCode, practice.listSize)
  return [...sizes.values()].reduce((sum, size) => sum + size, 0)
}

function siteReport(site: SiteFacts & {filePath: string}, messages: readonly Message[], band: {minimum: number; maximum: number}): SiteReport {
  const mine = messages.filter((m) => m.documentIndex === site.documentIndex)
  const characteristics = Object.fromEntries(
    CHARACTERISTICS.map((n): [CharacteristicNumber, CharacteristicResult] => {
      const against = mine.filter((m) => characteristicOf(m) === n)
      // A section that is missing (or not a mapping) cannot meet its characteristic.
      const missing: ReportFinding[] = site.missingSections.includes(n)
        ? [{ruleId: 'schema', message: `The ${SECTIONS[n].slice(1).replace('/', '.')} section is missing or not valid`, line: site.line}]
        : []
      const failing = against.filter((m) => m.severity === 'error')
      const accepted = against.filter((m) => m.excepted)
      const status: CharacteristicStatus = failing.length + missing.length > 0 ? 'not-met' : accepted.length > 0 ? 'met-by-exception' : 'met'
      const shown = failing.length > 0 ? failing : accepted
      return [
        n,
        {
          status,
          findings: [...missing, ...shown.map((m) => ({ruleId: m.ruleId, message: m.message, line: m.line}))],
          exceptions: site.exceptions.filter((e) => accepted.some((m) => m.ruleId === e.rule)),
        },
      ]
    }),
  ) as Record<CharacteristicNumber, CharacteristicResult>
  const population = site.registeredPopulation
  const problems = mine
    .filter((m) => m.ruleId === 'schema' && m.severity === 'error' && characteristicOf(m) === undefined)
    .map((m) => ({ruleId: m.ruleId, message: m.message, line: m.line}))
  return {
    id: site.id,
    name: site.name,
    status: site.status,
    filePath: site.filePath,
    ...(site.documentIndex === undefined ? {} : {documentIndex: site.documentIndex}),
    line: site.line,
    practices: site.practices,
    registeredPopulation: population,
    inBand: population === null ? null : population >= band.minimum && population <= band.maximum,
    sectors: site.sectors,
    budgetTotal: site.budgetTotal,
    annualPerPatient: site.annualPerPatient,
    riskShareModel: site.riskShareModel,
    outcomes: site.outcomes,
    compliant: problems.length === 0 && CHARACTERISTICS.every((n) => characteristics[n].status !== 'not-met'),
    problems,
    characteristics,
  }
}
