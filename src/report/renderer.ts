// What a report renderer is: a pure function of the compliance model; colour comes in.
import type {ChalkInstance} from 'chalk'
import {formatMoney, formatNumber} from '../rule-api/messages.js'
import type {ReportComparison} from './compare.js'
import {
  CHARACTERISTICS,
  siteName,
  type CharacteristicNumber,
  type CharacteristicStatus,
  type CommissionerReport,
  type ComplianceReport,
  type ReportFinding,
  type SiteReport,
  type Tally,
} from './model.js'

/**
 * `by`: what a row is, where a format has one kind of row (csv); the default is a site.
 * `comparison`: with --compare, what changed since the earlier report; every format shows it.
 */
export type Renderer = (report: ComplianceReport, context: {color: ChalkInstance; by?: ReportView; comparison?: ReportComparison}) => string
export type ReportView = 'site' | 'commissioner'

export const STATUS_WORDS: Record<CharacteristicStatus, string> = {met: 'met', 'not-met': 'not met', 'met-by-exception': 'met by exception'}

export const figure = (value: number | null): string => (value === null ? 'unknown' : formatNumber(value))
export const money = (value: number | null): string => (value === null ? 'unknown' : formatMoney(value))
export {siteName}

/** Sites that need attention first (not compliant), then by id: hundreds stay readable. */
export function bySeverity(sites: readonly SiteReport[]): SiteReport[] {
  // Code-point order, not the locale's: the same rows in the same order on every machine.
  return [...sites].sort(
    (a, b) => Number(a.compliant) - Number(b.compliant) || (siteName(a) < siteName(b) ? -1 : siteName(a) > siteName(b) ? 1 : 0),
  )
}

/** "1 site", "3 sites". */
export const plural = (count: number, one: string, many = `${one}s`): string => `${formatNumber(count)} ${count === 1 ? one : many}`

/** A site's list-size date (population.asOf). */
export const asOfText = (site: SiteReport): string => site.asOf ?? 'unknown'

/** The dates of a group's list sizes: "2021-01-01 to 2026-10-01", one date, or "unknown". */
export const asOfRange = (group: Pick<Tally, 'oldestAsOf' | 'newestAsOf'>): string =>
  group.oldestAsOf === null
    ? 'unknown'
    : group.oldestAsOf === group.newestAsOf
      ? group.oldestAsOf
      : `${group.oldestAsOf} to ${group.newestAsOf}`

/** How old the programme's list sizes are, in one sentence (the table and markdown formats). */
export function listSizesSentence(report: ComplianceReport): string {
  const p = report.programme
  if (p.oldestAsOf === null) return 'No site gives the date of its list sizes (population.asOf).'
  const range =
    p.oldestAsOf === p.newestAsOf
      ? `List sizes as of ${p.oldestAsOf}`
      : `List sizes as of ${p.oldestAsOf} (oldest) to ${p.newestAsOf} (newest)`
  const age = `more than ${plural(report.staleAfterMonths, 'month')} old`
  const unknown = report.sites.filter((s) => s.asOf === null).length
  return `${range}; ${p.stale === 0 ? `none ${age}` : `${plural(p.stale, 'site')} ${age} (stale)`}${unknown > 0 ? `; ${plural(unknown, 'site')} without a date` : ''}.`
}

/** A commissioner as people know it: "QXY North Riverside ICB", or that the sites name none. */
export const commissionerName = (c: CommissionerReport): string => (c.odsCode === null ? 'No commissioner named' : `${c.odsCode} ${c.name}`)

/** Sites meeting a characteristic: met, or met by exception. */
export const meeting = (c: {met: number; metByException: number}): number => c.met + c.metByException

/** A finding with what it is of: a characteristic, or (null) the definition as a whole. */
export interface PlacedFinding {
  n: CharacteristicNumber | null
  f: ReportFinding
}

/** A site's advisory findings (its local rules'): those of no characteristic first, then characteristics 1-4. */
export const advisoriesOf = (site: SiteReport): PlacedFinding[] => [
  ...(site.advisories ?? []).map((f) => ({n: null, f})),
  ...CHARACTERISTICS.flatMap((n) => (site.characteristics[n].advisories ?? []).map((f) => ({n, f}))),
]

/**
 * What the local rules found, in one sentence (table, markdown and html), or undefined when the
 * config declares none: a report without local rules reads as it always has.
 */
export function advisorySentence(report: ComplianceReport): string | undefined {
  if (report.localRules === undefined) return undefined
  const found = report.sites.map((s) => advisoriesOf(s).length)
  const total = found.reduce((sum, count) => sum + count, 0)
  return `${plural(report.localRules.length, 'local rule')}: ${
    total === 0
      ? 'no findings.'
      : `${plural(total, 'advisory finding')} at ${plural(found.filter((count) => count > 0).length, 'site')}; they never change compliance.`
  }`
}
