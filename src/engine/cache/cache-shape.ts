// What a cache file may hold: every field of a cached phase 1 result is checked for its type, and
// nothing else may be there, before any of it is used. A forged or damaged cache is thrown away
// whole; it can never crash a run or bring a field into the output that a check would not.
import type {CheckedFile} from '../pipeline/check.js'
import type {Registry} from '../../rule-api/registry.js'

type Check = (value: unknown) => boolean

const string: Check = (v) => typeof v === 'string'
const boolean: Check = (v) => typeof v === 'boolean'
const count: Check = (v) => Number.isSafeInteger(v) && (v as number) >= 0
const number: Check = (v) => typeof v === 'number' && Number.isFinite(v)
const oneOf =
  (...values: unknown[]): Check =>
  (v) =>
    values.includes(v)
const nullable =
  (check: Check): Check =>
  (v) =>
    v === null || check(v)
const list =
  (check: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(check)

/** An object with exactly these keys (those marked optional may be missing), each of its type. */
function record(required: Record<string, Check>, optional: Record<string, Check> = {}): Check {
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
    const keys = Object.keys(v)
    const value = v as Record<string, unknown>
    return (
      keys.every((key) => Object.hasOwn(required, key) || Object.hasOwn(optional, key)) &&
      Object.entries(required).every(([key, check]) => Object.hasOwn(value, key) && check(value[key])) &&
      Object.entries(optional).every(([key, check]) => !Object.hasOwn(value, key) || check(value[key]))
    )
  }
}

const range = {line: count, column: count, endLine: count, endColumn: count}

/** A finding as the cache keeps it: a message of a rule the registry knows, without its fix edit. */
const finding = (registry: Registry): Check =>
  record(
    {
      ruleId: (v) => typeof v === 'string' && registry.meta(v) !== undefined,
      severity: oneOf('error', 'warning', 'info'),
      message: string,
      ...range,
      path: string,
      characteristic: oneOf(1, 2, 3, 4, null),
      fixable: boolean,
    },
    {documentIndex: count, excepted: boolean},
  )

/** '' or the JSON of [rule index, key, rule index, key, ...] (check.ts PackedClaims). */
const claims =
  ({repoRules}: Registry): Check =>
  (v) => {
    if (v === '') return true
    if (typeof v !== 'string') return false
    try {
      const values: unknown = JSON.parse(v)
      return (
        Array.isArray(values) &&
        values.length % 2 === 0 &&
        values.every((value, i) =>
          i % 2 === 0 ? Number.isSafeInteger(value) && value >= 0 && value < repoRules.length : typeof value === 'string',
        )
      )
    } catch {
      return false
    }
  }

const site = record(
  {
    line: count,
    id: nullable(string),
    name: nullable(string),
    status: nullable(string),
    practices: nullable(count),
    registeredPopulation: nullable(number),
    sectors: list(string),
    budgetTotal: nullable(number),
    annualPerPatient: nullable(number),
    riskShareModel: nullable(string),
    outcomes: nullable(count),
    exceptions: list(record({rule: string, reason: string, approvedBy: string, approvedOn: string})),
    practiceSizes: list(record({odsCode: string, listSize: number})),
    missingSections: list(number),
    asOf: nullable(string),
    commissioner: nullable(record({name: string, odsCode: string})),
  },
  {documentIndex: count},
)

const checkedFile = (registry: Registry): Check =>
  record(
    {
      filePath: string,
      documents: count,
      findings: list(finding(registry)),
      claims: claims(registry),
      exceptions: list(record({rule: string, path: string, range: record(range), reason: string}, {documentIndex: count})),
      directives: list(record({line: count, rules: list(string), range: record(range)}, {documentIndex: count})),
    },
    {sites: list(site)},
  )

// One checker per registry: a run checks every entry of its cache file against the same one.
const entries = new WeakMap<Registry, Check>()

/** A saved entry of the current shape, of rules `registry` knows: [path, {hash, file}]. */
export function isCacheEntry(value: unknown, registry: Registry): value is [string, {hash: string; file: CheckedFile}] {
  let entry = entries.get(registry)
  if (!entry) entries.set(registry, (entry = record({hash: string, file: checkedFile(registry)})))
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && entry(value[1])
}
