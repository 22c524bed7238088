// Shared by the rules that check a reference (a team employer, a risk-share party) against the
// names the definition declares, suggesting the nearest one for a likely typo.
import {didYouMean} from '../engine/schema-check.js'
import {entries, str} from './site.js'

export interface UnknownReference {
  index: number
  value: string
  /** `; did you mean "X"?` or '' */
  hint: string
}

/** Entries of `list` whose `key` is a string that is not in `known`. */
export function unknownReferences(list: unknown, key: string, known: ReadonlySet<string>): UnknownReference[] {
  const found: UnknownReference[] = []
  for (const [index, entry] of entries(list)) {
    const value = str(entry[key])
    if (value !== undefined && !known.has(value)) found.push({index, value, hint: didYouMean(value, [...known])})
  }
  return found
}
