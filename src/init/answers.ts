// What `pch init` asks, its defaults, and how each answer is checked: against the same schema
// definitions `pch validate` uses, so a prompt refuses what validate would.
import {formatNumber} from '../engine/messages.js'
import {describeErrors} from '../engine/schema-check.js'
import {subschemaErrors, thresholds} from '../engine/schemas.js'

export const TEMPLATES = ['minimal', 'standard', 'full'] as const
export type TemplateName = (typeof TEMPLATES)[number]

export interface Practice {
  odsCode: string
  name: string
  listSize: number
}

export interface Partner {
  id: string
  sector: string
  name: string
  odsCode?: string
  description?: string
}

export interface Answers {
  id: string
  name: string
  status: string
  icb?: {name: string; odsCode: string}
  /** Where the list sizes come from (init --pcn: the extract's date and name); default today, typed in. */
  listSizes?: {asOf: string; source: string}
  practices: Practice[]
  partners: Partner[]
  annualPerPatient: number
  model: 'gain-and-loss' | 'gain-only' | 'none'
  /** The member practices' share of gains (and losses); the rest is split evenly between partners. */
  practicesPercent: number
  personalisation: Array<{approach: string; cohort: string}>
  outcome: {id: string; measure: string; direction: 'decrease' | 'increase'; baseline: number; target: number}
}

export const SECTORS = ['primary-care', 'community-health', 'mental-health', 'acute', 'social-care', 'voluntary', 'other'] as const
export const STATUSES = ['applicant', 'rapid-test-site', 'developing', 'live', 'withdrawn'] as const
export const APPROACHES = ['care-planning', 'social-prescribing', 'shared-decision-making', 'personal-health-budgets', 'self-management-support'] as const

export const DEFAULTS = {
  status: 'developing',
  annualPerPatient: 160,
  model: 'gain-and-loss',
  practicesPercent: 50,
  personalisation: [{approach: 'care-planning', cohort: 'People with three or more long-term conditions'}],
  outcome: {id: 'emergency-admissions', measure: 'Emergency admissions per 1,000 registered patients', direction: 'decrease', baseline: 100, target: 95},
} as const satisfies Partial<Answers>

/** The schema's verdict on one value, as the message validate would give; undefined when valid. */
export function check(ref: string, value: unknown, label: string): string | undefined {
  const [problem] = describeErrors(subschemaErrors(ref, value), label)
  return problem?.message
}

export const checks = {
  slug: (value: string): string | undefined => check('common.schema.json#/$defs/slug', value, 'the id'),
  text: (value: string): string | undefined => check('common.schema.json#/$defs/text', value, 'the answer'),
  practiceCode: (value: string): string | undefined => check('common.schema.json#/$defs/practiceOdsCode', value, 'the code'),
  icbCode: (value: string): string | undefined => check('common.schema.json#/$defs/icbOdsCode', value, 'the code'),
  organisationCode: (value: string): string | undefined => check('common.schema.json#/$defs/organisationOdsCode', value, 'the code'),
  trustCode: (value: string): string | undefined => check('workforce.schema.json#/$defs/trustOdsCode', value, 'the code'),
  listSize: (value: number | undefined): string | undefined => check('common.schema.json#/$defs/count', value, 'the list size'),
  money: (value: number | undefined): string | undefined => check('common.schema.json#/$defs/positiveMoney', value, 'the amount'),
  percent: (value: number | undefined): string | undefined => check('common.schema.json#/$defs/percent', value, 'the percentage'),
}

/** "Riverside Primary Care Home" -> "riverside-primary-care-home". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
}

/** "Running population 26,230: 3,770 short of the 30,000-50,000 band" and the like. */
export function populationStatus(practices: readonly Practice[]): string {
  const total = practices.reduce((sum, p) => sum + p.listSize, 0)
  const {minimum, maximum} = thresholds('population/size-band') as {minimum: number; maximum: number}
  const band = `${formatNumber(minimum)}-${formatNumber(maximum)}`
  if (total < minimum) return `Running population ${formatNumber(total)}: ${formatNumber(minimum - total)} short of the ${band} band`
  if (total > maximum) return `Running population ${formatNumber(total)}: ${formatNumber(total - maximum)} over the ${band} band`
  return `Running population ${formatNumber(total)}: within the ${band} band`
}

/** `--practice CODE:NAME:LISTSIZE` (the name may itself hold colons). */
export function parsePractice(text: string): Practice {
  const first = text.indexOf(':')
  const last = text.lastIndexOf(':')
  if (first < 0 || first === last) throw new Error(`--practice "${text}" must be CODE:NAME:LISTSIZE, e.g. A81001:Riverside Surgery:14250`)
  const odsCode = text.slice(0, first)
  const name = text.slice(first + 1, last)
  const size = text.slice(last + 1).replace(/,/g, '')
  const listSize = /^\d+$/.test(size) ? Number(size) : Number.NaN
  const fault = checks.practiceCode(odsCode) ?? checks.text(name) ?? (Number.isNaN(listSize) ? `list size "${text.slice(last + 1)}" is not a whole number` : undefined)
  if (fault) throw new Error(`--practice "${text}": ${fault}`)
  return {odsCode, name, listSize}
}

/** `--partner ID:SECTOR:NAME` (the name may itself hold colons). */
export function parsePartner(text: string): Partner {
  const [id = '', sector = '', ...rest] = text.split(':')
  const name = rest.join(':')
  if (rest.length === 0) throw new Error(`--partner "${text}" must be ID:SECTOR:NAME, e.g. riverside-acute:acute:Riverside Hospitals NHS Foundation Trust`)
  const fault =
    checks.slug(id) ??
    ((SECTORS as readonly string[]).includes(sector) ? undefined : `sector "${sector}" is not one of ${SECTORS.join(', ')}`) ??
    checks.text(name)
  if (fault) throw new Error(`--partner "${text}": ${fault}`)
  return sector === 'other' ? {id, sector, name, description: name} : {id, sector, name}
}
