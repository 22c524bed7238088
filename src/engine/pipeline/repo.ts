// Phase 2: the repo-scope rules, over the claims of every file of a run. A key claimed by two or
// more definitions is reported at every place that claims it, naming the others.
import {finding as makeFinding, forEachClaimKey, type CheckedFile, type Claim, type Finding} from './check.js'
import {formatMessage} from '../../rule-api/messages.js'
import type {Registry} from '../../rule-api/registry.js'

/** A file's claims, whole and placed: asked only of files that share a key with another. */
export type ClaimSource = (file: CheckedFile) => Claim[]

interface Place {
  file: CheckedFile
  claim: Claim
}

export function repoFindings(files: readonly CheckedFile[], claimsOf: ClaimSource, registry: Registry): Map<CheckedFile, Finding[]> {
  const {repoRules} = registry
  // Phase 1 kept only each claim's rule and key. The first pass keeps, for each rule's keys, the
  // first file that claims it, or null once a second has (both files are then marked as sharing);
  // the second pass takes the whole claims of the sharing files and keeps those of shared keys.
  const firstClaimant = new Map(repoRules.map((rule) => [rule.meta.id, new Map<string, CheckedFile | null>()]))
  const sharing = new Set<CheckedFile>()
  for (const file of files) {
    forEachClaimKey(file.claims, repoRules, (ruleId, key) => {
      const byKey = firstClaimant.get(ruleId)!
      const first = byKey.get(key)
      if (first === undefined) return void byKey.set(key, file)
      if (first !== null) sharing.add(first)
      sharing.add(file)
      byKey.set(key, null)
    })
  }
  const shared = new Map(repoRules.map((rule) => [rule.meta.id, new Map<string, Place[]>()]))
  for (const file of files) {
    if (!sharing.has(file)) continue
    for (const claim of claimsOf(file)) {
      if (firstClaimant.get(claim.ruleId)?.get(claim.key) !== null) continue
      const byKey = shared.get(claim.ruleId)!
      const list = byKey.get(claim.key)
      if (list) list.push({file, claim})
      else byKey.set(claim.key, [{file, claim}])
    }
  }
  const found = new Map<CheckedFile, Finding[]>()
  for (const rule of repoRules) {
    for (const [key, places] of shared.get(rule.meta.id)!) {
      // A file changed since phase 1 may no longer claim the key: only a key still shared is reported.
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
        const list = found.get(here.file)
        if (list) list.push(finding)
        else found.set(here.file, [finding])
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

function describePlace({file, claim}: Place): string {
  const place = `${file.filePath}:${claim.range.line}`
  return claim.siteId && claim.siteId !== claim.key ? `site "${claim.siteId}" (${place})` : place
}
