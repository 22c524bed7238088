// `pch report --compare PREVIOUS.json`: what changed since an earlier `report --format json`, for the
// programme, each characteristic and each site: status then and now, new and resolved findings,
// sites added and removed, population and band movement. A pure function of the two reports; every
// renderer shows it.
import {UsageError} from '../engine/io/load.js'
import {formatNumber} from '../rule-api/messages.js'
import {
  CHARACTERISTICS,
  siteName,
  type CharacteristicNumber,
  type CharacteristicStatus,
  type ComplianceReport,
  type SiteReport,
} from './model.js'

/** The `report --format json` contract this version writes and reads; another version is refused. */
export const REPORT_FORMAT = 'pch-report'
export const REPORT_VERSION = 1

export type Movement = 'became-met' | 'became-not-met' | 'unchanged'
export interface Then<T> {
  then: T
  now: T
}

export interface ComparedFinding {
  /** 1-4, or null for the definition itself. */
  characteristic: CharacteristicNumber | null
  ruleId: string
  message: string
}

export interface SiteChange {
  site: string
  name: string | null
  compliant: Then<boolean> & {movement: Movement}
  characteristics: Record<CharacteristicNumber, Then<CharacteristicStatus> & {movement: Movement}>
  registeredPopulation: Then<number | null>
  inBand: Then<boolean | null>
  /** 'left' or 'entered' the band, or 'unchanged' (also when a population is unknown). */
  band: 'left' | 'entered' | 'unchanged'
  newFindings: ComparedFinding[]
  resolvedFindings: ComparedFinding[]
  /** Anything above differs. */
  changed: boolean
}

export interface ReportComparison {
  /** generatedOn of the earlier report. */
  comparedWith: string
  programme: {
    sites: Then<number>
    compliant: Then<number>
    registeredPopulation: Then<number>
    inBand: Then<number>
    characteristics: Record<CharacteristicNumber, {met: Then<number>; metByException: Then<number>; notMet: Then<number>}>
  }
  added: Array<{site: string; name: string | null}>
  removed: Array<{site: string; name: string | null}>
  /** Every site in both reports, in the current report's order. */
  sites: SiteChange[]
}

/** An earlier report's JSON text to the report; a UsageError (exit 2) when it is not one of this format version. */
export function parsePreviousReport(text: string, shown: string): ComplianceReport {
  const fail = (why: string): never => {
    throw new UsageError(`--compare ${shown} ${why}`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    fail('is not a pch report: it is not JSON (write one with pch report --format json)')
  }
  const object = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined
  if (object?.format !== REPORT_FORMAT) {
    const looksLikeOne = object !== undefined && 'programme' in object && 'sites' in object
    fail(
      looksLikeOne
        ? `is a pch report without a format version (an older pch wrote it); compare with a report of format ${REPORT_FORMAT} version ${REPORT_VERSION}`
        : 'is not a pch report (write one with pch report --format json)',
    )
  }
  if (object!.version !== REPORT_VERSION)
    fail(`is a pch report of format version ${JSON.stringify(object!.version)}; this pch compares with version ${REPORT_VERSION} only`)
  const sites = object!.sites
  const programme = object!.programme as Record<string, unknown> | undefined
  const valid =
    typeof object!.generatedOn === 'string' &&
    ['sites', 'compliant', 'registeredPopulation'].every((key) => typeof programme?.[key] === 'number') &&
    Array.isArray(sites) &&
    sites.every((s) => {
      const site = s as Partial<SiteReport> | null
      return (
        site !== null &&
        typeof site === 'object' &&
        typeof site.filePath === 'string' &&
        typeof site.compliant === 'boolean' &&
        Array.isArray(site.problems) &&
        CHARACTERISTICS.every(
          (n) => typeof site.characteristics?.[n]?.status === 'string' && Array.isArray(site.characteristics[n].findings),
        )
      )
    })
  if (!valid)
    fail(`is not a whole pch report of version ${REPORT_VERSION}: its generatedOn, programme or sites are missing or not as written`)
  return object as unknown as ComplianceReport
}

const isMet = (status: CharacteristicStatus): boolean => status !== 'not-met'
const movement = (then: boolean, now: boolean): Movement => (then === now ? 'unchanged' : now ? 'became-met' : 'became-not-met')
const pair = <T>(then: T, now: T): Then<T> => ({then, now})

/** Every finding behind a site's "not met" (and its definition's own problems), without lines. */
function findingsOf(site: SiteReport): ComparedFinding[] {
  return [
    ...site.problems.map((f) => ({characteristic: null, ruleId: f.ruleId, message: f.message})),
    ...CHARACTERISTICS.flatMap((n) =>
      site.characteristics[n].status === 'not-met'
        ? site.characteristics[n].findings.map((f) => ({characteristic: n, ruleId: f.ruleId, message: f.message}))
        : [],
    ),
  ]
}

/**
 * New and resolved findings: a finding saying the same is neither; one of the same rule and
 * characteristic whose words changed (a population of 28,100 where it was 28,400) is the same
 * finding, still there. What is left now is new; what is left then is resolved.
 */
function diffFindings(
  then: readonly ComparedFinding[],
  now: readonly ComparedFinding[],
): {newFindings: ComparedFinding[]; resolvedFindings: ComparedFinding[]} {
  const left = [...then]
  const unmatched = now.filter((f) => {
    const i = left.findIndex((g) => g.characteristic === f.characteristic && g.ruleId === f.ruleId && g.message === f.message)
    return i === -1 ? true : (left.splice(i, 1), false)
  })
  const newFindings = unmatched.filter((f) => {
    const i = left.findIndex((g) => g.characteristic === f.characteristic && g.ruleId === f.ruleId)
    return i === -1 ? true : (left.splice(i, 1), false)
  })
  return {newFindings, resolvedFindings: left}
}

function compareSite(then: SiteReport, now: SiteReport): SiteChange {
  const characteristics = Object.fromEntries(
    CHARACTERISTICS.map((n) => {
      const [a, b] = [then.characteristics[n].status, now.characteristics[n].status]
      return [n, {...pair(a, b), movement: movement(isMet(a), isMet(b))}]
    }),
  ) as SiteChange['characteristics']
  const band =
    then.inBand === true && now.inBand === false ? 'left' : then.inBand === false && now.inBand === true ? 'entered' : 'unchanged'
  const findings = diffFindings(findingsOf(then), findingsOf(now))
  const changed =
    then.compliant !== now.compliant ||
    CHARACTERISTICS.some((n) => characteristics[n].then !== characteristics[n].now) ||
    then.registeredPopulation !== now.registeredPopulation ||
    findings.newFindings.length + findings.resolvedFindings.length > 0
  return {
    site: siteName(now),
    name: now.name,
    compliant: {...pair(then.compliant, now.compliant), movement: movement(then.compliant, now.compliant)},
    characteristics,
    registeredPopulation: pair(then.registeredPopulation, now.registeredPopulation),
    inBand: pair(then.inBand, now.inBand),
    band,
    ...findings,
    changed,
  }
}

export function compareReports(previous: ComplianceReport, current: ComplianceReport): ReportComparison {
  const before = new Map(previous.sites.map((s) => [siteName(s), s]))
  const nowNames = new Set(current.sites.map(siteName))
  const inBand = (report: ComplianceReport): number => report.sites.filter((s) => s.inBand === true).length
  const count = (report: ComplianceReport, n: CharacteristicNumber, status: CharacteristicStatus): number =>
    report.sites.filter((s) => s.characteristics[n].status === status).length
  return {
    comparedWith: previous.generatedOn,
    programme: {
      sites: pair(previous.programme.sites, current.programme.sites),
      compliant: pair(previous.programme.compliant, current.programme.compliant),
      registeredPopulation: pair(previous.programme.registeredPopulation, current.programme.registeredPopulation),
      inBand: pair(inBand(previous), inBand(current)),
      characteristics: Object.fromEntries(
        CHARACTERISTICS.map((n) => [
          n,
          {
            met: pair(count(previous, n, 'met'), count(current, n, 'met')),
            metByException: pair(count(previous, n, 'met-by-exception'), count(current, n, 'met-by-exception')),
            notMet: pair(count(previous, n, 'not-met'), count(current, n, 'not-met')),
          },
        ]),
      ) as ReportComparison['programme']['characteristics'],
    },
    added: current.sites.filter((s) => !before.has(siteName(s))).map((s) => ({site: siteName(s), name: s.name})),
    removed: previous.sites.filter((s) => !nowNames.has(siteName(s))).map((s) => ({site: siteName(s), name: s.name})),
    sites: current.sites.flatMap((s) => {
      const then = before.get(siteName(s))
      return then ? [compareSite(then, s)] : []
    }),
  }
}

/** "became met", "became not met", "unchanged": the words every format uses. */
export const MOVEMENT_WORDS: Record<Movement, string> = {
  'became-met': 'became met',
  'became-not-met': 'became not met',
  unchanged: 'unchanged',
}

/** One thing that changed, in words, with its details (findings), each escaped by the format's `escape`. */
export interface ChangeLine {
  text: string
  details: string[]
}

/**
 * What changed, in the words of every text format: the programme, each characteristic, sites added
 * and removed, then each site that changed. Text from definitions passes through `escape`.
 */
export function describeComparison(c: ReportComparison, escape: (text: string) => string): ChangeLine[] {
  const n = formatNumber
  const thenNow = ({then, now}: Then<number>): string => (then === now ? `${n(now)}, unchanged` : `${n(then)} then, ${n(now)} now`)
  const signed = (value: number): string => `${value > 0 ? '+' : value < 0 ? '-' : '±'}${n(Math.abs(value))}`
  const ofThenNow = (part: Then<number>, whole: Then<number>): string =>
    part.then === part.now && whole.then === whole.now
      ? `${n(part.now)} of ${n(whole.now)}, unchanged`
      : `${n(part.then)} of ${n(whole.then)} then, ${n(part.now)} of ${n(whole.now)} now`
  const p = c.programme
  const population = p.registeredPopulation
  const lines: ChangeLine[] = [
    {text: `Sites meeting all four characteristics: ${ofThenNow(p.compliant, p.sites)}`, details: []},
    {
      text: `Registered population: ${thenNow(population)}${population.then === population.now ? '' : ` (${signed(population.now - population.then)})`}; sites in the band: ${thenNow(p.inBand)}`,
      details: [],
    },
    ...CHARACTERISTICS.map((k) => {
      const m = p.characteristics[k]
      return {
        text: `Characteristic ${k}: met by ${thenNow({then: m.met.then + m.metByException.then, now: m.met.now + m.metByException.now})}; not met by ${thenNow(m.notMet)}`,
        details: [],
      }
    }),
  ]
  const named = (s: {site: string; name: string | null}): string => escape(s.name ? `${s.site} (${s.name})` : s.site)
  if (c.added.length > 0) lines.push({text: `Sites added: ${c.added.map(named).join(', ')}`, details: []})
  if (c.removed.length > 0) lines.push({text: `Sites removed: ${c.removed.map(named).join(', ')}`, details: []})
  // Sites whose compliance or characteristics moved first, then those whose figures alone did.
  const moved = (site: SiteChange): boolean =>
    site.compliant.movement !== 'unchanged' || CHARACTERISTICS.some((k) => site.characteristics[k].then !== site.characteristics[k].now)
  const changed = c.sites.filter((site) => site.changed)
  for (const s of [...changed.filter(moved), ...changed.filter((site) => !moved(site))]) {
    const parts: string[] = []
    if (s.compliant.movement !== 'unchanged') parts.push(s.compliant.now ? 'now meets all four' : 'no longer meets all four')
    for (const k of CHARACTERISTICS) {
      const ch = s.characteristics[k]
      if (ch.then !== ch.now)
        parts.push(
          `characteristic ${k} ${ch.movement === 'unchanged' ? `${ch.then.replaceAll('-', ' ')} then, ${ch.now.replaceAll('-', ' ')} now` : MOVEMENT_WORDS[ch.movement]}`,
        )
    }
    const {then, now} = s.registeredPopulation
    if (then !== now) {
      const figures =
        then === null || now === null
          ? `population ${then === null ? 'unknown' : n(then)} then, ${now === null ? 'unknown' : n(now)} now`
          : `population ${n(then)} then, ${n(now)} now (${signed(now - then)})`
      parts.push(`${figures}${s.band === 'left' ? ', left the band' : s.band === 'entered' ? ', entered the band' : ''}`)
    }
    const finding = (f: ComparedFinding): string =>
      escape(`${f.characteristic === null ? 'the definition' : `characteristic ${f.characteristic}`}: ${f.message} (${f.ruleId})`)
    lines.push({
      text: `${named(s)}: ${parts.length > 0 ? parts.join('; ') : 'findings changed'}`,
      details: [...s.newFindings.map((f) => `new: ${finding(f)}`), ...s.resolvedFindings.map((f) => `resolved: ${finding(f)}`)],
    })
  }
  return lines
}
