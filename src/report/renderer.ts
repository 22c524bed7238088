// What a report renderer is: a pure function of the compliance model; colour comes in.
import type {ChalkInstance} from 'chalk'
import {formatMoney, formatNumber} from '../engine/messages.js'
import type {ReportComparison} from './compare.js'
import type {CharacteristicStatus, ComplianceReport, SiteReport} from './model.js'

/** `comparison`: with --compare, what changed since the earlier report; every format shows it. */
export type Renderer = (report: ComplianceReport, context: {color: ChalkInstance; comparison?: ReportComparison}) => string

export const STATUS_WORDS: Record<CharacteristicStatus, string> = {'met': 'met', 'not-met': 'not met', 'met-by-exception': 'met by exception'}

export const figure = (value: number | null): string => (value === null ? 'unknown' : formatNumber(value))
export const money = (value: number | null): string => (value === null ? 'unknown' : formatMoney(value))
export const siteName = (site: SiteReport): string => site.id ?? `${site.filePath}${site.documentIndex === undefined ? '' : ` #${site.documentIndex + 1}`}`

/** Sites that need attention first (not compliant), then by id: hundreds stay readable. */
export function bySeverity(sites: readonly SiteReport[]): SiteReport[] {
  // Code-point order, not the locale's: the same rows in the same order on every machine.
  return [...sites].sort((a, b) => Number(a.compliant) - Number(b.compliant) || (siteName(a) < siteName(b) ? -1 : siteName(a) > siteName(b) ? 1 : 0))
}
