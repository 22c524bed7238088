// The schemas of local rules that use only the plainest keywords (the most of them: `required`,
// `properties`, `const`, `enum`, `type`, bounds, lengths, `pattern`), checked without ajv: making
// ajv's instance and compiling its code costs a run with local rules ~80 ms, and a check here is a
// few closures. It answers exactly what ajv answers for the same schema (strict, allErrors false):
// whether the value is valid, and the instancePath of the first error (test/rules/simple-schema.test.ts
// checks that against ajv over drawn schemas and values). Any other schema, or one ajv might refuse,
// is left to ajv (local.ts), which gives the config error.
import ucs2lengthModule from 'ajv/dist/runtime/ucs2length.js'
import {linearPattern} from './linear-pattern.js'

/** The instancePath of the value's first error (ajv's), or undefined when it is valid. */
export type SchemaCheck = (value: unknown) => string | undefined

// ajv's own count of characters (a surrogate pair is one). As a CommonJS module, its function is
// `default`, whichever way the importer reads it.
const ucs2length = defaultOf(ucs2lengthModule) as (text: string) => number

function defaultOf(module: unknown): unknown {
  return typeof module === 'function' ? module : (module as {default: unknown}).default
}

const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null', 'object', 'array'])
/** Keywords with no effect on validity (ajv's metadata vocabulary, as strict mode allows them). */
const ANNOTATIONS = new Set(['title', 'description', '$comment'])
const BOUNDS = {
  minimum: (value: number, bound: number) => value < bound,
  maximum: (value: number, bound: number) => value > bound,
  exclusiveMinimum: (value: number, bound: number) => value <= bound,
  exclusiveMaximum: (value: number, bound: number) => value >= bound,
} as const

/** A check of `schema` without ajv, or undefined when the schema is not one of the plain ones. */
export function simpleSchema(schema: unknown): SchemaCheck | undefined {
  try {
    return compile(schema)
  } catch {
    // A pattern RE2 cannot match: ajv names it, with the config's place.
    return undefined
  }
}

const VALID: SchemaCheck = () => undefined
const INVALID_ALWAYS: SchemaCheck = () => ''

function compile(schema: unknown): SchemaCheck | undefined {
  if (schema === true) return VALID
  if (schema === false) return INVALID_ALWAYS
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return undefined
  // The checks of the value itself (an error at its own path), then its properties': ajv checks
  // `const` and `enum` first, then each type's keywords, `required` before `properties`.
  const own: Array<(value: unknown) => boolean> = []
  let properties: Array<[string, SchemaCheck]> = []
  for (const [keyword, argument] of Object.entries(schema as Record<string, unknown>)) {
    if (ANNOTATIONS.has(keyword)) continue
    const check = keywordCheck(keyword, argument)
    if (check === undefined) {
      if (keyword !== 'properties') return undefined
      const compiled = propertyChecks(argument)
      if (compiled === undefined) return undefined
      properties = compiled
    } else own.push(check)
  }
  const names = properties.map(([name]) => name)
  const checks = properties.map(([, check]) => check)
  const pointers = names.map((name) => `/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`)
  const ownValid = allOf(own)
  if (names.length === 0) return (value) => (ownValid(value) ? undefined : '')
  return (value) => {
    if (!ownValid(value)) return ''
    if (!isObject(value)) return undefined
    for (let at = 0; at < names.length; at++) {
      const member = (value as Record<string, unknown>)[names[at]!]
      if (member === undefined) continue
      const failing = checks[at]!(member)
      if (failing !== undefined) return `${pointers[at]}${failing}`
    }
    return undefined
  }
}

/** One test of all of `tests` (most schemas have one or two: a call each, no loop). */
function allOf(tests: ReadonlyArray<(value: unknown) => boolean>): (value: unknown) => boolean {
  const [first, second] = tests
  if (first === undefined) return () => true
  if (second === undefined) return first
  if (tests.length === 2) return (value) => first(value) && second(value)
  return (value) => {
    for (let at = 0; at < tests.length; at++) if (!tests[at]!(value)) return false
    return true
  }
}

/** The subschemas of `properties` that can fail (ajv skips `true` and `{}`), or undefined. */
function propertyChecks(argument: unknown): Array<[string, SchemaCheck]> | undefined {
  if (argument === null || typeof argument !== 'object' || Array.isArray(argument)) return undefined
  const checks: Array<[string, SchemaCheck]> = []
  for (const [name, subschema] of Object.entries(argument as Record<string, unknown>)) {
    const check = compile(subschema)
    if (check === undefined) return undefined
    if (subschema !== true && !(typeof subschema === 'object' && Object.keys(subschema as object).length === 0)) checks.push([name, check])
  }
  return checks
}

/** A test of one keyword on the value (true: it passes), or undefined for a keyword or argument not handled here. */
function keywordCheck(keyword: string, argument: unknown): ((value: unknown) => boolean) | undefined {
  switch (keyword) {
    case 'type': {
      const types = typeof argument === 'string' ? [argument] : argument
      if (!Array.isArray(types) || types.length === 0 || new Set(types).size !== types.length) return undefined
      if (!types.every((type) => typeof type === 'string' && TYPES.has(type))) return undefined
      const tests = (types as string[]).map(typeTest)
      if (tests.length === 1) return tests[0]
      return (value) => {
        for (let at = 0; at < tests.length; at++) if (tests[at]!(value)) return true
        return false
      }
    }
    case 'const':
      return primitive(argument) ? (value) => value === argument : (value) => equal(value, argument)
    case 'enum': {
      if (!Array.isArray(argument) || argument.length === 0) return undefined
      const members: unknown[] = argument
      return (value) => {
        for (let at = 0; at < members.length; at++) {
          const member = members[at]
          if (primitive(member) ? value === member : equal(value, member)) return true
        }
        return false
      }
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      if (typeof argument !== 'number' || !Number.isFinite(argument)) return undefined
      const fails = BOUNDS[keyword]
      // Only a finite number is bounded (strictNumbers): NaN and the infinities pass, as in ajv.
      return (value) => !isNumber(value) || !fails(value, argument)
    }
    case 'minLength':
    case 'maxLength': {
      if (!Number.isSafeInteger(argument) || (argument as number) < 0) return undefined
      const limit = argument as number
      // A string has at most its length in characters and at least half of it (surrogate pairs):
      // most are decided without counting.
      return keyword === 'minLength'
        ? (value) => typeof value !== 'string' || (value.length >= limit && (value.length >= 2 * limit || ucs2length(value) >= limit))
        : (value) => typeof value !== 'string' || value.length <= limit || (value.length <= 2 * limit && ucs2length(value) <= limit)
    }
    case 'pattern': {
      if (typeof argument !== 'string') return undefined
      const pattern = linearPattern(argument)
      return (value) => typeof value !== 'string' || pattern.test(value)
    }
    case 'required': {
      // ajv never finds "" missing (its generated code tests the name's truth): left to it, so that
      // a rule answers the same whichever way its schema is checked.
      if (!Array.isArray(argument) || !argument.every((name) => typeof name === 'string' && name !== '')) return undefined
      const names: string[] = argument
      // As ajv reads a property: `undefined` is absent, wherever the value comes from.
      return (value) => {
        if (!isObject(value)) return true
        for (let at = 0; at < names.length; at++) if ((value as Record<string, unknown>)[names[at]!] === undefined) return false
        return true
      }
    }
    default:
      return undefined
  }
}

function typeTest(type: string): (value: unknown) => boolean {
  switch (type) {
    case 'string':
      return (value) => typeof value === 'string'
    case 'boolean':
      return (value) => typeof value === 'boolean'
    case 'null':
      return (value) => value === null
    case 'object':
      return isObject
    case 'array':
      return Array.isArray
    case 'integer':
      return (value) => isNumber(value) && value % 1 === 0
    default:
      return isNumber
  }
}

/** A number as ajv's strictNumbers takes one: finite. */
function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

function isObject(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/**
 * Deep equality of plain data, as ajv's (fast-deep-equal) for it, NaN equal to NaN inside `const`
 * and `enum` values; but a key named `valueOf` or `toString` is a key like any other (ajv calls it).
 */
function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a !== a && b !== b
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, at) => equal(item, b[at]))
  if (Array.isArray(b)) return false
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((name) => Object.hasOwn(b, name) && equal((a as Record<string, unknown>)[name], (b as Record<string, unknown>)[name]))
}

function primitive(value: unknown): boolean {
  return value === null || typeof value !== 'object'
}
