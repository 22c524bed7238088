// Phase 2: the repo-scope rules, over the claim index of every file of a run. A key claimed by two or
// more definitions is reported at every place that claims it, naming the others.
import {finding as makeFinding, type Claim, type Finding} from './check.js'
import type {ClaimIndex} from './claim-index.js'
import {formatMessage} from '../../rule-api/messages.js'
import type {Registry} from '../../rule-api/registry.js'

/**
 * A file's claims, whole and placed, and the path they are shown with: asked only of files that may
 * share a key with another (by the claim index), which are few. No claims when the file is gone.
 */
export type ClaimSource = (owner: number) => {filePath: string; claims: Claim[]}

interface Place {
  owner: number
  filePath: string
  claim: Claim
}

/** Each file's repo-scope findings (by its index in the run), from the index of every claim. */
export function repoFindings(index: ClaimIndex, claimsOf: ClaimSource, registry: Registry): Map<number, Finding[]> {
  const {repoRules} = registry
  // The index tells which files claim a hash another claim has; their whole claims are taken
  // again, and those of a key claimed more than once (by its text, not its hash) are kept.
  const shared = index.shared()
  const ruleIndex = new Map(repoRules.map((rule, i) => [rule.meta.id, i]))
  const placesByRule = new Map(repoRules.map((rule) => [rule.meta.id, new Map<string, Place[]>()]))
  for (const owner of shared.owners) {
    const {filePath, claims} = claimsOf(owner)
    for (const claim of claims) {
      const rule = ruleIndex.get(claim.ruleId)
      if (rule === undefined || !shared.has(rule, claim.key)) continue
      const byKey = placesByRule.get(claim.ruleId)!
      const list = byKey.get(claim.key)
      if (list) list.push({owner, filePath, claim})
      else byKey.set(claim.key, [{owner, filePath, claim}])
    }
  }
  const found = new Map<number, Finding[]>()
  for (const rule of repoRules) {
    for (const [key, places] of placesByRule.get(rule.meta.id)!) {
      // Equal hashes of different keys, or a file changed since phase 1: only a key claimed twice is reported.
      if (places.length < 2) continue
      // Linear in the places: four descriptions are enough to name three others of any place.
      const named = places.slice(0, 4).map((place) => ({place, text: describePlace(place)}))
      for (const here of places) {
        const others = named
          .filter((n) => n.place !== here)
          .slice(0, 3)
          .map((n) => n.text)
        const more = places.length - 1 - others.length
        const message = formatMessage(rule.message, {key, others: more > 0 ? `${others.join('; ')} and ${more} more` : others.join('; ')})
        const finding = makeFinding(rule.meta.id, message, here.claim.range, here.claim.path, rule.meta)
        if (here.claim.documentIndex !== undefined) finding.documentIndex = here.claim.documentIndex
        const list = found.get(here.owner)
        if (list) list.push(finding)
        else found.set(here.owner, [finding])
      }
    }
  }
  return found
}

/**
 * A repo-scope message without the lines of the places it names (`FILE:LINE`, as describePlace
 * writes them): what it says of the other sites, which a moved line does not change.
 */
export function withoutPlaceLines(message: string): string {
  return message.replace(/:\d+(?=\)|; | and \d+ more$|$)/g, '')
}

function describePlace({filePath, claim}: Place): string {
  const place = `${filePath}:${claim.range.line}`
  return claim.siteId && claim.siteId !== claim.key ? `site "${claim.siteId}" (${place})` : place
}
