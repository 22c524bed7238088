// Phase 2: the repo-scope rules, over the claims of every file of a run. A key claimed by two or
// more definitions is reported at every place that claims it, naming the others.
import {repoRules, ruleMeta} from '../rules/index.js'
import type {CheckedFile, Claim, Finding} from './check.js'
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
      for (const here of places) {
        const others = summarise(places.filter((p) => p !== here).map(describePlace))
        const finding: Finding = {
          ruleId: rule.meta.id,
          severity: ruleMeta(rule.meta.id)!.severity,
          message: formatMessage(rule.message, {key, others}),
          line: here.claim.range.line,
          column: here.claim.range.column,
          endLine: here.claim.range.endLine,
          endColumn: here.claim.range.endColumn,
          path: here.claim.path,
          characteristic: rule.meta.characteristic,
          fixable: false,
        }
        if (here.claim.documentIndex !== undefined) finding.documentIndex = here.claim.documentIndex
        found.set(here.file, [...(found.get(here.file) ?? []), finding])
      }
    }
  }
  return found
}

function describePlace({file, claim}: {file: CheckedFile; claim: Claim}): string {
  const place = `${file.filePath}:${claim.range.line}`
  return claim.siteId && claim.siteId !== claim.key ? `site "${claim.siteId}" (${place})` : place
}

/** At most three places by name, then how many more: one message stays one readable line. */
function summarise(places: string[]): string {
  const shown = places.slice(0, 3).join('; ')
  return places.length > 3 ? `${shown} and ${places.length - 3} more` : shown
}
