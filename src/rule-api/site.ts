// Safe, typed reads of a definition of unknown shape, and the figures several rules share.
// Values the schema rejected are INVALID: a rule that needs one stays silent (the schema reported it).

/**
 * Stands in, for the rules, for a value the schema rejected or a required value that is missing:
 * rules read only valid values, so one bad value is one `schema` finding and not a cascade through
 * every rule that would read it. (Values whose absence a rule reports stay absent.)
 */
export const INVALID: unique symbol = Symbol('invalid value')
export type Obj = Record<string, unknown>

export function isObject(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** The object at a chain of keys, or undefined if any step is not an object. */
export function section(data: unknown, ...keys: string[]): Obj | undefined {
  let node: unknown = data
  for (const key of keys) node = isObject(node) ? node[key] : undefined
  return isObject(node) ? node : undefined
}

/** The objects of a list, with their indexes (entries of another type are skipped). */
export function entries(value: unknown): Array<[index: number, entry: Obj]> {
  const list: Array<[number, Obj]> = []
  if (!Array.isArray(value)) return list
  for (let index = 0; index < value.length; index++) {
    const entry: unknown = value[index]
    if (isObject(entry)) list.push([index, entry])
  }
  return list
}

/**
 * A list every entry of which is valid: [] when absent, undefined when it (or any entry, or any of
 * the `required` fields of an entry) is invalid, i.e. when what the list says is not known.
 */
export function knownList(value: unknown, ...required: string[]): Obj[] | undefined {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) return undefined
  const list: Obj[] = []
  for (const entry of value) {
    if (!isObject(entry)) return undefined
    for (const key of required) if (entry[key] === INVALID || entry[key] === undefined) return undefined
    list.push(entry)
  }
  return list
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** How a message names a list entry: its id when it has a valid one, else its position (1-based). */
export function nameOf(entry: Obj, index: number): string {
  return str(entry.id) ?? String(index + 1)
}

/** True when a list is absent or has no entries (a wrongly typed value is the schema's to report). */
/**
 * Partners of the given sectors that have an `odsCode` (as `format/ods-code` would write it),
 * with their index in `spec.workforce.partners`.
 */
export function partnersWithCode(data: unknown, sectors: readonly string[]): Array<{index: number; partner: Obj; code: string}> {
  const found: Array<{index: number; partner: Obj; code: string}> = []
  const partners = workforce(data)?.partners
  if (!Array.isArray(partners)) return found
  for (let index = 0; index < partners.length; index++) {
    const partner: unknown = partners[index]
    if (!isObject(partner)) continue
    const code = str(partner.odsCode)
    if (code !== undefined && sectors.includes(partner.sector as string)) found.push({index, partner, code})
  }
  return found
}

export function missingOrEmpty(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0)
}

/** `spec.<key>` when it is an object (asked of every document by most rules: no list of keys is made). */
function specSection(data: unknown, key: string): Obj | undefined {
  const spec = isObject(data) ? data.spec : undefined
  const node = isObject(spec) ? spec[key] : undefined
  return isObject(node) ? node : undefined
}
export const population = (data: unknown): Obj | undefined => specSection(data, 'population')
export const workforce = (data: unknown): Obj | undefined => specSection(data, 'workforce')
export const budget = (data: unknown): Obj | undefined => specSection(data, 'budget')
export const care = (data: unknown): Obj | undefined => specSection(data, 'care')

/** Sum of the practices' list sizes; undefined when it cannot be known (a size is invalid). */
export function registeredPopulation(data: unknown): number | undefined {
  const section = population(data)
  const practices = section && knownList(section.practices, 'listSize')
  if (!practices) return undefined
  let total = 0
  for (const practice of practices) {
    const size = num(practice.listSize)
    if (size === undefined) return undefined
    total += size
  }
  return total
}

/**
 * Member practice codes (as `format/ods-code` would write them: the data is already fixed);
 * undefined when not known, or when there are none (size-band reports that; references to
 * practices cannot be judged).
 */
export const practiceCodes = perDocument((data): ReadonlySet<string> | undefined => {
  const section = population(data)
  const practices = section && knownList(section.practices, 'odsCode')
  return practices?.length ? stringsOf(practices, 'odsCode') : undefined
})

/** Partner ids; undefined when the partner list is not known. */
export const partnerIds = perDocument((data): ReadonlySet<string> | undefined => {
  const partners = knownList(workforce(data)?.partners, 'id')
  return partners && stringsOf(partners, 'id')
})

/** The partners' sectors; undefined when there is no workforce section or the partners are not known. */
export const partnerSectors = perDocument((data): ReadonlySet<string> | undefined => {
  const section = workforce(data)
  const partners = section && knownList(section.partners, 'sector')
  return partners && stringsOf(partners, 'sector')
})

/** The string values of `key` across a list's entries. */
function stringsOf(list: readonly Obj[], key: string): Set<string> {
  const values = new Set<string>()
  for (const entry of list) if (typeof entry[key] === 'string') values.add(entry[key])
  return values
}

/**
 * A figure several rules read, worked out once per document: rules run document by document, so
 * the last document's answer is kept (a WeakMap would hold every document through young-generation
 * collections). The data is never changed.
 */
function perDocument<T>(compute: (data: unknown) => T): (data: unknown) => T {
  let last: {data: unknown; value: T} | undefined
  return (data) => {
    if (last === undefined || last.data !== data) last = {data, value: compute(data)}
    return last.value
  }
}
/** Indexes of list entries whose key repeats an earlier entry's, with the first index. */
export function duplicates(list: Array<[number, string | undefined]>): Array<{index: number; value: string; first: number}> {
  const seen = new Map<string, number>()
  const found: Array<{index: number; value: string; first: number}> = []
  for (const [index, value] of list) {
    if (value === undefined) continue
    const first = seen.get(value)
    if (first === undefined) seen.set(value, index)
    else found.push({index, value, first})
  }
  return found
}
