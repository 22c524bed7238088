// Phase 2: the repo-scope rules, over the claims of every file of a run. A key claimed by two or
// more definitions is reported at every place that claims it, naming the others.
import {repoRules} from '../rules/index.js'
import {finding as makeFinding, type CheckedFile, type Claim, type Finding} from './check.js'
import {formatMessage} from './messages.js'

export function repoFindings(files: readonly CheckedFile[]): Map<CheckedFile, Finding[]> {
  const found = new Map<CheckedFile, Finding[]>()
  for (const rule of repoRules) {
    const byKey = new Map<string, Array<{file: CheckedFile; claim: Claim}>>()
    for (const file of files) {
      for (const claim of file.claims) {
        if (claim.ruleId !== rule.meta.id) continue
        const list = byKey.get(claim.key) ?? []
        list.push({file, claim})
        byKey.set(claim.key, list)
      }
    }
    for (const [key, places] of byKey) {
      if (places.length < 2) continue
      // Linear in the places: four descriptions are enough to name three others of any place.
      const named = places.slice(0, 4).map((place) => ({place, text: describePlace(place)}))
      for (const here of places) {
        const others = named.filter((n) => n.place !== here).slice(0, 3).map((n) => n.text)
        const more = places.length - 1 - others.length
        const message = formatMessage(rule.message, {key, others: more > 0 ? `${others.join('; ')} and ${more} more` : others.join('; ')})
        const finding = makeFinding(rule.meta.id, message, here.claim.range, here.claim.path)
        if (here.claim.documentIndex !== undefined) finding.documentIndex = here.claim.documentIndex
        const list = found.get(here.file)
        if (list) list.push(finding)
        else found.set(here.file, [finding])
      }
    }
  }
  return found
}

function describePlace({file, claim}: {file: CheckedFile; claim: Claim}): string {
  const place = `${file.filePath}:${claim.range.line}`
  return claim.siteId && claim.siteId !== claim.key ? `site "${claim.siteId}" (${place})` : place
}
