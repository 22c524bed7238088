// "Did you mean": the one suggestion helper, for keys, values, rule ids and commands alike.
// Damerau-Levenshtein (optimal string alignment) distance, so a swapped pair of letters is one typo.

/** `; did you mean "X"?` for the nearest candidate, or '' when none is close enough. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const guess = nearest(word, candidates)
  return guess ? `; did you mean "${guess}"?` : ''
}

/**
 * `; did you mean "X"?` for a rule id: a whole id, or one written without its category
 * ("size-band" for population/size-band), misspelt or not.
 */
export function didYouMeanRule(id: string, ruleIds: readonly string[]): string {
  const guess =
    nearest(id, ruleIds) ?? (id.includes('/') ? undefined : nearestBy(id, ruleIds, (ruleId) => ruleId.slice(ruleId.indexOf('/') + 1)))
  return guess ? `; did you mean "${guess}"?` : ''
}

/** The closest candidate by edit distance (case-insensitive), if close enough to be a typo. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  return nearestBy(word, candidates, (candidate) => candidate)
}

function nearestBy(word: string, candidates: readonly string[], key: (candidate: string) => string): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), key(candidate).toLowerCase())
    if (d < bestDistance) [best, bestDistance] = [candidate, d]
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 4)) ? best : undefined
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function distance(a: string, b: string): number {
  let before: number[] = []
  let previous = Array.from({length: b.length + 1}, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j]!, before[j - 2]! + 1)
    }
    before = previous
    previous = current
  }
  return previous[b.length]!
}
