// Bringing definitions' list sizes up to date from an extract: only `listSize`, `population.asOf`,
// `population.source` and (opt-in) `budget.total` values change (byte ranges of their scalars),
// everything else stays byte for byte. Also what the new sizes do to each site's band and budget.
import {formatMoney, formatNumber, plural} from '../rule-api/messages.js'
import {parseSource, type ScalarSource} from '../engine/parse/parse.js'
import type {TextEdit} from '../engine/pipeline/check.js'
import {applyEdits} from '../engine/pipeline/fix.js'
import {capitation, type Capitation} from '../rules/budget/capitation-mismatch.js'
import {entries, num, section, str} from '../rule-api/site.js'
import type {ListSizeExtract} from './extract.js'

export interface Band {
  minimum: number
  maximum: number
}

export type BandPlace = 'below' | 'within' | 'above'

export interface SyncOptions {
  extract: ListSizeExtract
  /** What population.source becomes (extractSource of the extract). */
  source: string
  band: Band
  /** budget/capitation-mismatch's tolerance, from the schemas. */
  tolerancePercent: number
  updateBudget: boolean
  allowOlder: boolean
}

export interface BudgetChange {
  before: Capitation
  after: Capitation
  /** --update-budget: the new total written. */
  updated?: number
  /** --update-budget: why the total was left as it was. */
  left?: 'contributions' | 'weighted'
}

export interface SiteChange {
  id: string
  oldPopulation: number
  newPopulation: number
  oldBand: BandPlace
  newBand: BandPlace
  missing: string[]
  changed: number
  /** asOf (and source) moved to the extract's: every practice was found. */
  dated: boolean
  budget?: BudgetChange
}

export type FileSync =
  | {kind: 'synced'; edits: TextEdit[]; sites: SiteChange[]}
  /** The extract is older than a site's population.asOf (without --allow-older): the file is left. */
  | {kind: 'older'; asOf: string}
  /** The text cannot be parsed: where and why. */
  | {kind: 'unparsable'; reason: string}

export const bandPlace = (n: number, band: Band): BandPlace => (n < band.minimum ? 'below' : n > band.maximum ? 'above' : 'within')

/** A total as a definition writes it: whole pounds, or pounds and pence. */
const amount = (value: number): string => {
  const pence = Math.round(value * 100)
  return pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2)
}

/** A new value for a scalar, quoted as the old one was. */
function scalarEdit(at: ScalarSource, value: string): TextEdit {
  const text = at.quote === '"' ? JSON.stringify(value) : at.quote === "'" ? `'${value.replace(/'/g, "''")}'` : value
  return {start: at.start, end: at.end, text}
}

/** The edits that bring one file's text up to date with the extract, and what they do to each site. */
export function syncText(text: string, options: SyncOptions): FileSync {
  const {extract} = options
  const edits: TextEdit[] = []
  const sites: SiteChange[] = []
  /** population.source edits written plain, checked once the text is edited (a plain scalar may not read back). */
  const sourceEdits: Array<{edit: TextEdit; at: ScalarSource; index: number}> = []
  const documents = parseSource(text).documents
  for (const [index, doc] of documents.entries()) {
    const problem = doc.problems[0]
    if (problem) return {kind: 'unparsable', reason: `${problem.at ? `${problem.at.line}:${problem.at.column}: ` : ''}${problem.message}`}
    const population = section(doc.data, 'spec', 'population')
    if (!population) continue
    const asOf = str(population.asOf)
    if (asOf !== undefined && asOf > extract.asOf && !options.allowOlder) return {kind: 'older', asOf}
    const after = structuredClone(doc.data) as unknown
    const newPractices = section(after, 'spec', 'population')!.practices as unknown[]
    let oldPopulation = 0
    let newPopulation = 0
    let changed = 0
    const missing: string[] = []
    for (const [i, practice] of entries(population.practices)) {
      const code = str(practice.odsCode)
      const size = num(practice.listSize) ?? 0
      oldPopulation += size
      const fresh = code === undefined ? undefined : extract.sizes.get(code.toUpperCase().replace(/\s+/g, ''))
      if (fresh === undefined) {
        missing.push(code ?? `practice ${i + 1} (no odsCode)`)
        newPopulation += size
        continue
      }
      newPopulation += fresh
      ;(newPractices[i] as Record<string, unknown>).listSize = fresh
      if (fresh === size && typeof practice.listSize === 'number') continue
      const scalar = doc.scalar(`/spec/population/practices/${i}/listSize`)
      if (scalar) {
        edits.push({start: scalar.start, end: scalar.end, text: String(fresh)})
        changed++
      }
    }
    // The extract dates the population only when it gave every practice's size.
    const dated = missing.length === 0
    if (dated) {
      const asOfAt = doc.scalar('/spec/population/asOf')
      if (asOfAt && asOf !== extract.asOf) edits.push(scalarEdit(asOfAt, extract.asOf))
      const sourceAt = doc.scalar('/spec/population/source')
      if (sourceAt && str(population.source) !== options.source) {
        const edit = scalarEdit(sourceAt, options.source)
        edits.push(edit)
        if (sourceAt.quote === '') sourceEdits.push({edit, at: sourceAt, index})
      }
    }
    const budget = budgetChange(doc.data, after, options)
    if (budget?.updated !== undefined) {
      const totalAt = doc.scalar('/spec/budget/total')
      if (totalAt) edits.push(scalarEdit(totalAt, amount(budget.updated)))
      else delete budget.updated
    }
    sites.push({
      id: str(section(doc.data, 'metadata')?.id) ?? '(no id)',
      oldPopulation,
      newPopulation,
      oldBand: bandPlace(oldPopulation, options.band),
      newBand: bandPlace(newPopulation, options.band),
      missing,
      changed,
      dated,
      ...(budget ? {budget} : {}),
    })
  }
  if (sourceEdits.length > 0) {
    // A plain scalar that does not read back as the text (a flow mapping's comma, a " #") is double-quoted.
    const edited = parseSource(applyEdits(text, edits)).documents
    for (const {edit, at, index} of sourceEdits) {
      if (str(section(edited[index]?.data, 'spec', 'population')?.source) !== options.source)
        Object.assign(edit, scalarEdit({...at, quote: '"'}, options.source))
    }
  }
  return {kind: 'synced', edits, sites}
}

/** budget/capitation-mismatch's figures before and after the new sizes, and what --update-budget does. */
function budgetChange(before: unknown, after: unknown, options: SyncOptions): BudgetChange | undefined {
  const was = capitation(before, options.tolerancePercent)
  const now = capitation(after, options.tolerancePercent)
  if (!was || !now) return undefined
  const change: BudgetChange = {before: was, after: now}
  if (!options.updateBudget || amount(now.total) === amount(now.expected)) return change
  if (now.basis === 'weighted') {
    if (now.mismatch) change.left = 'weighted'
  } else if (
    Array.isArray(section(after, 'spec', 'budget')?.contributions) &&
    (section(after, 'spec', 'budget')!.contributions as unknown[]).length > 0
  )
    change.left = 'contributions'
  else {
    change.updated = Number(amount(now.expected))
    change.after = {...now, total: change.updated, mismatch: false}
  }
  return change
}

const placeText = (place: BandPlace, band: Band): string =>
  place === 'within'
    ? `within ${formatNumber(band.minimum)}-${formatNumber(band.maximum)}`
    : place === 'below'
      ? `below ${formatNumber(band.minimum)}`
      : `above ${formatNumber(band.maximum)}`

/** The lines that say what the sync does to one site (its first line names the file). */
export function describeSite(site: SiteChange, band: Band, file: string, extractAsOf: string): string[] {
  const lines = [
    `  ${file} ${site.id}: registered population ${formatNumber(site.oldPopulation)} -> ${formatNumber(site.newPopulation)} (${plural(site.changed, 'list size')} changed)`,
  ]
  const verdict =
    site.oldBand === site.newBand
      ? ''
      : site.newBand === 'within'
        ? ' (re-enters the band)'
        : site.oldBand === 'within'
          ? ' (leaves the band)'
          : ''
  lines.push(`    band: ${placeText(site.oldBand, band)} -> ${placeText(site.newBand, band)}${verdict}`)
  if (site.budget) lines.push(`    budget: ${describeBudget(site.budget)}`)
  for (const code of site.missing) lines.push(`    ${code} is not in the extract (closed or merged?): its list size is left as it was`)
  if (site.missing.length > 0)
    lines.push(`    population.asOf is left as it was: the extract of ${extractAsOf} does not hold every practice`)
  return lines
}

function describeBudget({before, after, updated, left}: BudgetChange): string {
  const figures = (c: Capitation): string =>
    `${formatMoney(c.perPatient)} x ${formatNumber(c.population)} ${c.basis} patients = ${formatMoney(c.expected)}`
  if (updated !== undefined) return `total ${formatMoney(before.total)} -> ${formatMoney(updated)} (${figures(after)})`
  const apart = `more than ${formatNumber(after.tolerancePercent)} % apart`
  const state = !after.mismatch
    ? `within ${formatNumber(after.tolerancePercent)} %`
    : before.mismatch
      ? `${apart}; budget/capitation-mismatch fired before the new sizes too`
      : `${apart}: budget/capitation-mismatch now fires`
  const leftText =
    left === 'contributions'
      ? '; total left as it was: the site has contributions, which must add up to it'
      : left === 'weighted'
        ? '; total left as it was: the basis is weighted (weightedPopulation is not in the extract)'
        : ''
  return `total ${formatMoney(after.total)} against ${figures(after)}: ${state}${leftText}`
}
