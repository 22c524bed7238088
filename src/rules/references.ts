// Shared by the rules that check a reference (a team employer, a risk-share party) against the
// names the definition declares, suggesting the nearest one for a likely typo.
import {didYouMean} from '../rule-api/suggest.js'
import {entries, str} from '../rule-api/site.js'

export interface UnknownReference {
  index: number
  value: string
  /** `; did you mean "X"?` or '' */
  hint: string
}

/** Entries of `list` whose `key` is a string in none of the `known` sets. */
export function unknownReferences(list: unknown, key: string, known: ReadonlyArray<ReadonlySet<string>>): UnknownReference[] {
  const found: UnknownReference[] = []
  for (const [index, entry] of entries(list)) {
    const value = str(entry[key])
    if (value === undefined || known.some((names) => names.has(value))) continue
    found.push({
      index,
      value,
      hint: didYouMean(
        value,
        known.flatMap((names) => [...names]),
      ),
    })
  }
  return found
}
