// Safe, typed reads of a definition of unknown shape, and the figures several rules share.
import {normaliseOdsCode} from '../engine/schema-check.js'

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

/** The objects of a list (entries of another type are skipped, keeping their indexes). */
export function entries(value: unknown): Array<[index: number, entry: Obj]> {
  if (!Array.isArray(value)) return []
  return value.flatMap((entry, index): Array<[number, Obj]> => (isObject(entry) ? [[index, entry]] : []))
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** True when a list is absent or has no entries (a wrongly typed value is the schema's to report). */
export function missingOrEmpty(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0)
}

export const population = (data: unknown): Obj | undefined => section(data, 'spec', 'population')
export const workforce = (data: unknown): Obj | undefined => section(data, 'spec', 'workforce')
export const budget = (data: unknown): Obj | undefined => section(data, 'spec', 'budget')
export const care = (data: unknown): Obj | undefined => section(data, 'spec', 'care')

/** Sum of the practices' list sizes; undefined when the sum cannot be known (a size is not a number). */
export function registeredPopulation(data: unknown): number | undefined {
  const practices = population(data)?.practices
  if (!Array.isArray(practices)) return practices === undefined ? 0 : undefined
  let total = 0
  for (const practice of practices) {
    const size = isObject(practice) ? num(practice.listSize) : undefined
    if (size === undefined) return undefined
    total += size
  }
  return total
}

/** Member practice codes, upper-cased as `format/ods-code` would write them. */
export function practiceCodes(data: unknown): Set<string> {
  const codes = new Set<string>()
  for (const [, practice] of entries(population(data)?.practices)) {
    const code = str(practice.odsCode)
    if (code) codes.add(normaliseOdsCode(code))
  }
  return codes
}

export function partnerIds(data: unknown): Set<string> {
  return new Set(entries(workforce(data)?.partners).flatMap(([, p]) => (typeof p.id === 'string' ? [p.id] : [])))
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
