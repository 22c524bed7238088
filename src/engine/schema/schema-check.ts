// Schema validation as findings: ajv errors become `schema` / `format/*` problems with messages
// for people, and values that `format/*` would fix are normalised before anything else reads them.
import type {ErrorObject} from 'ajv/dist/2020.js'
import {formatNumber, quote} from '../../rule-api/messages.js'
import {joinPointer, parsePointer, setAt} from '../../rule-api/pointer.js'
import {validateAgainstSchema, type JsonSchema} from '../../rule-api/schemas.js'
import type {Problem} from '../../rule-api/types.js'
import {didYouMean, nearest} from '../../rule-api/suggest.js'
import {INVALID} from '../../rule-api/site.js'

export {INVALID}

/** A value that `format/*` rewrites: where, the fixed value, and the text `--fix` writes. */
export interface Fix {
  ruleId: 'format/number' | 'format/ods-code'
  path: string
  from: string
  value: string | number
  text: string
}

export interface SchemaResult {
  problems: Problem[]
  /** The document as the fixes would leave it: every later check reads this. */
  data: unknown
  fixes: Fix[]
}

export function checkSchema(data: unknown): SchemaResult {
  const first = validateAgainstSchema(data)
  if (first.length === 0) return {problems: [], data, fixes: []}
  const fixes = findFixes(first)
  const checked = structuredClone(data)
  for (const fix of fixes) setAt(checked, fix.path, fix.value)
  const errors = fixes.length === 0 ? first : validateAgainstSchema(checked)
  for (const error of errors) {
    if (VALUE_KEYWORDS.has(error.keyword) && error.instancePath !== '' && !keepsValue(error)) setAt(checked, error.instancePath, INVALID)
    if (error.keyword === 'required' && !reportedByRule(error)) {
      setAt(checked, `${error.instancePath}${joinPointer((error.params as {missingProperty: string}).missingProperty)}`, INVALID)
    }
  }
  return {problems: [...fixes.map(fixProblem), ...describeErrors(errors)], data: checked, fixes}
}

/**
 * A value rejected only by a schema marked `x-pch-keeps-value` (text with a control character) is still
 * the text it was: its finding stands, and the rules and the report read it as it is (every output
 * neutralises it). Any other error at the same value still sets it aside.
 */
function keepsValue(error: ErrorObject): boolean {
  return (error.parentSchema as JsonSchema | undefined)?.['x-pch-keeps-value'] === true
}

/** Keywords that reject a value itself (rather than a key of an object). */
const VALUE_KEYWORDS = new Set([
  'type',
  'enum',
  'const',
  'pattern',
  'format',
  'anyOf',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
])

// ---- format/* ---------------------------------------------------------------------------

const NUMBER_TEXT = /^\s*(-?)\s*£?\s*(-?)\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*$/

/** "14,250" -> 14250, "£160.00" -> 160 (text "160.00"); undefined when it is not a number. */
export function parseNumberText(text: string): {value: number; text: string} | undefined {
  const match = NUMBER_TEXT.exec(text)
  if (!match || (match[1] && match[2])) return undefined
  const plain = `${match[1] || match[2]}${match[3]!.replace(/,/g, '')}${match[4] ?? ''}`
  const value = Number(plain)
  return Number.isFinite(value) ? {value, text: plain} : undefined
}

export function normaliseOdsCode(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase()
}

function findFixes(errors: ErrorObject[]): Fix[] {
  const fixes = new Map<string, Fix>()
  for (const error of errors) {
    const fix = fixFor(error)
    if (fix && !fixes.has(fix.path)) fixes.set(fix.path, fix)
  }
  return [...fixes.values()]
}

function fixFor(error: ErrorObject): Fix | undefined {
  const {data, instancePath: path} = error
  if (typeof data !== 'string') return undefined
  if (error.keyword === 'type' && [error.schema].flat().some((t) => t === 'number' || t === 'integer')) {
    const parsed = parseNumberText(data)
    return parsed && {ruleId: 'format/number', path, from: data, value: parsed.value, text: parsed.text}
  }
  if (error.keyword === 'pattern' && (error.parentSchema as JsonSchema | undefined)?.['x-pch-fix'] === 'ods-code') {
    const fixed = normaliseOdsCode(data)
    if (fixed !== data && new RegExp(String(error.schema), 'u').test(fixed)) {
      return {ruleId: 'format/ods-code', path, from: data, value: fixed, text: fixed}
    }
  }
  return undefined
}

function fixProblem(fix: Fix): Problem {
  const message =
    fix.ruleId === 'format/number'
      ? `${labelOf(fix.path)} ${quote(fix.from)} is written as text; write it as the plain number ${fix.text}`
      : `ODS code ${quote(fix.from)} must be written in capitals without spaces: ${fix.text}`
  return {ruleId: fix.ruleId, path: fix.path, message}
}

// ---- schema -----------------------------------------------------------------------------

/** Messages for ajv errors; `root` names the document itself ("the definition", "the config"). */
export function describeErrors(errors: ErrorObject[], root = 'the definition'): Problem[] {
  const kept = errors.filter((error) => error.keyword !== 'if' && !reportedByRule(error) && !misspelt(error, errors))
  // An anyOf speaks for its branches: one message naming what is accepted.
  const anyOfPaths = kept.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath)
  const inAnyOf = (e: ErrorObject): boolean =>
    e.keyword !== 'anyOf' && anyOfPaths.some((p) => e.instancePath === p || e.instancePath.startsWith(`${p}/`))
  const problems = new Map<string, Problem>()
  for (const error of kept) {
    if (inAnyOf(error)) continue
    const problem = describe(error, root)
    const key = `${problem.path}\0${problem.message}`
    if (!problems.has(key)) problems.set(key, problem)
  }
  return [...problems.values()]
}

/** A required key that is "missing" only because it is misspelt: the unknown-key finding says so. */
function misspelt(error: ErrorObject, errors: ErrorObject[]): boolean {
  if (error.keyword !== 'required') return false
  const missing = (error.params as {missingProperty: string}).missingProperty
  return errors.some(
    (other) =>
      other.keyword === 'additionalProperties' &&
      other.instancePath === error.instancePath &&
      nearest(String((other.params as {additionalProperty: string}).additionalProperty), [missing]) === missing,
  )
}

/** Missing or empty arrays that characteristics require are reported by their own rules. */
function reportedByRule(error: ErrorObject): boolean {
  const parent = error.parentSchema as JsonSchema | undefined
  if (error.keyword === 'minItems') return parent?.['x-pch-reported-by'] !== undefined
  if (error.keyword === 'required') {
    const properties = parent?.properties as Record<string, JsonSchema> | undefined
    const missing = (error.params as {missingProperty: string}).missingProperty
    return properties?.[missing]?.['x-pch-reported-by'] !== undefined
  }
  return false
}

function describe(error: ErrorObject, root: string): Problem {
  const path = error.instancePath
  const label = labelOf(path, root)
  const parent = (error.parentSchema ?? {}) as JsonSchema
  const params = error.params as Record<string, unknown>
  const problem = (message: string, at = path, target: Problem['target'] = 'value'): Problem => ({
    ruleId: 'schema',
    path: at,
    target,
    message,
  })
  switch (error.keyword) {
    case 'required':
      return problem(`${capitalise(label)} is missing the required key "${String(params.missingProperty)}"`, path, 'key')
    case 'additionalProperties': {
      const key = String(params.additionalProperty)
      const known = Object.keys((parent.properties as object | undefined) ?? {})
      const hint = didYouMean(key, known) || `; expected one of: ${known.join(', ')}`
      return problem(`Unknown key "${key}" in ${label}${hint}`, `${path}${joinPointer(key)}`, 'key')
    }
    case 'type':
      return problem(`${capitalise(label)} must be ${typeName([error.schema].flat() as string[])}, not ${valueName(error.data)}`)
    case 'enum': {
      const allowed = (error.schema as unknown[]).map(String)
      const hint = typeof error.data === 'string' ? didYouMean(error.data, allowed) : ''
      return problem(`${quote(error.data)} is not a valid ${titleOf(parent, label)}; expected one of: ${allowed.join(', ')}${hint}`)
    }
    case 'const':
      return problem(`${capitalise(label)} must be ${quote(error.schema)}, not ${quote(error.data)}`)
    case 'pattern':
    case 'format':
    case 'anyOf': {
      const control = error.keyword !== 'anyOf' && typeof error.data === 'string' ? controlCharacter(error.data) : undefined
      // Whatever else the value should be, an invisible character is what a person must be told of.
      if (control) return problem(`${capitalise(label)} holds a control character (${control}), which cannot be seen or printed; remove it`)
      const expected = typeof parent.description === 'string' ? `: expected ${parent.description}` : ''
      return problem(`${quote(error.data)} is not a valid ${titleOf(parent, label)}${expected}`)
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const bound = {minimum: 'at least', maximum: 'at most', exclusiveMinimum: 'more than', exclusiveMaximum: 'less than'}[error.keyword]
      // Years read as years (2015), every other number with separators (28,400).
      const show = /year/.test(String(parent.title)) ? String : formatNumber
      return problem(`${capitalise(label)} must be ${bound} ${show(Number(params.limit))}, not ${show(Number(error.data))}`)
    }
    case 'minLength':
      return problem(`${capitalise(label)} must not be empty`)
    case 'maxLength':
      return problem(`${capitalise(label)} is longer than ${formatNumber(Number(params.limit))} characters`)
    case 'minItems': {
      const n = Number(params.limit)
      return problem(`${capitalise(label)} must have at least ${formatNumber(n)} ${n === 1 ? 'entry' : 'entries'}`)
    }
    default:
      return problem(`${capitalise(label)} ${error.message ?? 'is not valid'}`)
  }
}

// ---- wording ----------------------------------------------------------------------------

/**
 * The characters schemas/common.schema.json#/$defs/printable rejects: C0 but tab and line feed,
 * DEL, C1 (test/rules/schema.test.ts holds the two together).
 */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/

/** "U+001B" for the first control character of `text`, or undefined. */
function controlCharacter(text: string): string | undefined {
  const found = CONTROL_CHARACTER.exec(text)
  return found ? `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined
}

/** "/spec/population/practices/1/listSize" -> "listSize"; ".../practices/1" -> "entry 2 of practices". */
export function labelOf(path: string, root = 'the definition'): string {
  const parts = parsePointer(path)
  const last = parts.at(-1)
  if (last === undefined) return root
  if (/^\d+$/.test(last)) return `entry ${Number(last) + 1} of ${parts.at(-2) ?? 'the list'}`
  return last
}

function titleOf(schema: JsonSchema, label: string): string {
  return typeof schema.title === 'string' ? schema.title : label
}

function capitalise(text: string): string {
  return /^(the|entry) /.test(text) ? `${text[0]!.toUpperCase()}${text.slice(1)}` : text
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  integer: 'a whole number',
  string: 'text',
  array: 'a list',
  object: 'a mapping of keys to values',
  boolean: 'true or false',
  null: 'empty',
}

function typeName(types: string[]): string {
  return types.map((t) => TYPE_NAMES[t] ?? t).join(' or ')
}

function valueName(value: unknown): string {
  if (value === null || value === undefined) return 'empty'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'string') return `text ${quote(value)}`
  return String(value)
}

// Kept here too for the modules that import them from here.
export {didYouMean, nearest}
