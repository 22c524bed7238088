// What `pch init` asks, its defaults, and how each answer is checked: against the same schema
// definitions `pch validate` uses, so a prompt refuses what validate would.
import {formatMessage, formatNumber, quote} from '../rule-api/messages.js'
import duplicatePractice from '../rules/population/duplicate-practice.js'
import duplicatePartner from '../rules/workforce/duplicate-partner.js'
import {describeErrors} from '../engine/schema/schema-check.js'
import {subschemaErrors, thresholds} from '../rule-api/schemas.js'

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
  /** gain-and-loss: no party loses more than this share of the budget. */
  maxLossPercent: number
  personalisation: Array<{approach: string; cohort: string}>
  outcome: {id: string; measure: string; direction: 'decrease' | 'increase'; baseline: number; target: number}
}

export const SECTORS = ['primary-care', 'community-health', 'mental-health', 'acute', 'social-care', 'voluntary', 'other'] as const
export const STATUSES = ['applicant', 'rapid-test-site', 'developing', 'live', 'withdrawn'] as const
export const APPROACHES = [
  'care-planning',
  'social-prescribing',
  'shared-decision-making',
  'personal-health-budgets',
  'self-management-support',
] as const

export const DEFAULTS = {
  status: 'developing',
  annualPerPatient: 160,
  model: 'gain-and-loss',
  practicesPercent: 50,
  maxLossPercent: 3,
  personalisation: [{approach: 'care-planning', cohort: 'People with three or more long-term conditions'}],
  outcome: {
    id: 'emergency-admissions',
    measure: 'Emergency admissions per 1,000 registered patients',
    direction: 'decrease',
    baseline: 100,
    target: 95,
  },
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

/**
 * What a flag's value or a typed answer reads as: the value, with a note when it was written
 * differently (`a81001` is A81001), or the reason it is refused. Flags and prompts read through
 * the same functions, so each accepts what the other does.
 */
export type Read<T> = {value: T; note?: string} | {error: string}

/** An ODS code that `check` accepts once in capitals (as `lint --fix` writes it), with a note when it was typed otherwise. */
function readOdsCode(text: string, check: (value: string) => string | undefined, what: string): Read<string> {
  const code = text.trim().toUpperCase()
  const fault = check(code)
  if (fault) return {error: check(text) ?? fault}
  return code === text.trim()
    ? {value: code}
    : {value: code, note: `${what} ${quote(text)} is written ${code} (ODS codes are in capitals).`}
}

/** An ODS practice code, in capitals; refused when it is not one, or when `taken` already lists it. */
export function readPracticeCode(text: string, taken: readonly Practice[] = []): Read<string> {
  const read = readOdsCode(text, checks.practiceCode, 'Practice code')
  if ('error' in read) return read
  const first = taken.findIndex((p) => p.odsCode === read.value)
  return first >= 0 ? {error: formatMessage(duplicatePractice.messages.twice, {code: read.value, first: first + 1})} : read
}

/** An ICB's ODS code (Q and two characters), in capitals. */
export const readIcbCode = (text: string): Read<string> => readOdsCode(text, checks.icbCode, 'ICB code')

/** A partner's ODS code, in capitals, or none (''): a trust's is checked as workforce/ods-code-format checks it. */
export function readPartnerCode(text: string, sector: string): Read<string> {
  if (text.trim() === '') return {value: ''}
  return readOdsCode(text, isTrustSector(sector) ? checks.trustCode : checks.organisationCode, 'ODS code')
}

/** A sector whose partners are NHS trusts, named by trust codes (the sectors workforce/ods-code-format checks). */
export const isTrustSector = (sector: string): boolean => (thresholds('workforce/ods-code-format').sectors as string[]).includes(sector)

/** A list size: a whole number of patients, with or without thousands separators (`14250`, `14,250`). */
export function readListSize(text: string): Read<number> {
  const digits = text.trim()
  if (!/^(\d+|\d{1,3}(,\d{3})+)$/.test(digits))
    return {error: `${quote(text)} is not a list size: expected a whole number of registered patients, e.g. 14250 or 14,250`}
  const value = Number(digits.replace(/,/g, ''))
  if (!Number.isSafeInteger(value))
    return {error: `${quote(text)} is more than pch can hold exactly (${formatNumber(Number.MAX_SAFE_INTEGER)})`}
  const fault = checks.listSize(value)
  return fault ? {error: fault} : {value}
}

/** A partner's id: a slug that no partner before it (`taken`) has. */
export function readPartnerId(text: string, taken: readonly Partner[] = []): Read<string> {
  const fault = checks.slug(text)
  if (fault) return {error: fault}
  const first = taken.findIndex((p) => p.id === text)
  return first >= 0 ? {error: formatMessage(duplicatePartner.messages.twice, {id: text, first: first + 1})} : {value: text}
}

/** An amount in pounds: `160`, `£160.50`, `1,250`. */
export function readMoney(text: string): Read<number> {
  const amount = text.trim().replace(/^£/, '')
  if (!/^(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/.test(amount)) return {error: `${quote(text)} is not a number`}
  const value = Number(amount.replace(/,/g, ''))
  const fault = checks.money(value)
  return fault ? {error: fault} : {value}
}

/** A percentage from 0 to 100 (`50`, `2.5 %`); `whole` for the risk shares, which are whole percentages. */
export function readPercent(text: string, options: {whole: boolean}): Read<number> {
  const digits = text.trim().replace(/ ?%$/, '')
  const value = (options.whole ? /^\d+$/ : /^\d+(\.\d+)?$/).test(digits) ? Number(digits) : Number.NaN
  if (Number.isNaN(value) || checks.percent(value))
    return {error: `${quote(text)} is not a ${options.whole ? 'whole ' : ''}percentage from 0 to 100`}
  return {value}
}

/**
 * `--schema`: the path or URL the modeline names. It is written into the file's first line, so it
 * must be one line of text: a line break would put its own lines into the definition.
 */
export function readSchemaLocation(text: string): Read<string> {
  const control = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.exec(text)
  if (control) {
    const point = `U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
    const what = /[\n\r\u0085\u2028\u2029]/.test(control[0]) ? 'a line break' : 'a control character'
    return {error: `--schema must be a path or URL on one line; it holds ${what} (${point}) at character ${control.index + 1}`}
  }
  if (text.trim() === '') return {error: '--schema must be a path or URL; it is empty'}
  return {value: text}
}

/** The value of a Read, or an Error whose message starts with `context`. */
export function valueOf<T>(read: Read<T>, context: string): T {
  if ('error' in read) throw new Error(`${context}${read.error}`)
  return read.value
}

/** `--practice CODE:NAME:LISTSIZE` (the name may itself hold colons); `taken` are the practices before it. */
export function parsePractice(text: string, taken: readonly Practice[] = []): Practice & {note?: string} {
  const first = text.indexOf(':')
  const last = text.lastIndexOf(':')
  if (first < 0 || first === last) throw new Error(`--practice "${text}" must be CODE:NAME:LISTSIZE, e.g. A81001:Riverside Surgery:14250`)
  const context = `--practice "${text}": `
  const code = readPracticeCode(text.slice(0, first), taken)
  const odsCode = valueOf(code, context)
  const name = text.slice(first + 1, last)
  const fault = checks.text(name)
  if (fault) throw new Error(`${context}${fault}`)
  const listSize = valueOf(readListSize(text.slice(last + 1)), context)
  return {odsCode, name, listSize, ...('note' in code && code.note ? {note: code.note} : {})}
}

/** `--partner ID:SECTOR:NAME` (the name may itself hold colons). */
export function parsePartner(text: string, taken: readonly Partner[] = []): Partner {
  const [id = '', sector = '', ...rest] = text.split(':')
  const name = rest.join(':')
  if (rest.length === 0)
    throw new Error(`--partner "${text}" must be ID:SECTOR:NAME, e.g. riverside-acute:acute:Riverside Hospitals NHS Foundation Trust`)
  const read = readPartnerId(id, taken)
  const fault =
    ('error' in read ? read.error : undefined) ??
    ((SECTORS as readonly string[]).includes(sector) ? undefined : `sector "${sector}" is not one of ${SECTORS.join(', ')}`) ??
    checks.text(name)
  if (fault) throw new Error(`--partner "${text}": ${fault}`)
  return sector === 'other' ? {id, sector, name, description: name} : {id, sector, name}
}
