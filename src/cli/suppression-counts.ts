// Bulk suppressions, as ESLint 9 has them: counts per file and rule of existing findings of the
// advisory rules, so a repository can adopt a stricter config and gate only new findings. Pure: the
// CLI reads and writes pch-suppressions.json; compliance and structural rules are never suppressed.
import path from 'node:path'
import {catalogue, ruleMeta} from '../rules/index.js'
import {UsageError} from '../engine/io/load.js'
import {isLocked} from '../rule-api/registry.js'
import {didYouMean} from '../rule-api/suggest.js'
import type {FileResult, Message} from '../rule-api/types.js'

/** The file's name when --suppressions-location does not give one: beside the config, else in the working directory. */
export const SUPPRESSIONS_NAME = 'pch-suppressions.json'

/** File (relative to the suppressions file's directory, with forward slashes) -> rule id -> count. */
export type Suppressions = Map<string, Map<string, number>>

/** Why `ruleId` cannot be suppressed (a sentence), or undefined when it can. */
export function suppressionRefusal(ruleId: string): string | undefined {
  const meta = ruleMeta(ruleId)
  if (!meta)
    return `unknown rule "${ruleId}"${didYouMean(
      ruleId,
      catalogue.map((m) => m.id),
    )}`
  if (meta.compliance)
    return `${ruleId} is a compliance rule: it cannot be suppressed; accept a finding with an approved exception in the definition's metadata.exceptions`
  if (isLocked(meta)) return `${ruleId} cannot be suppressed: it decides whether a definition conforms to the format`
  return undefined
}

/** A finding a suppression may count: an error or warning of a rule that can be suppressed. */
function suppressible(message: Message): boolean {
  return message.severity !== 'info' && suppressionRefusal(message.ruleId) === undefined
}

/** Where a result's file is, as the suppressions file names it. */
export function suppressionKey(filePath: string, cwd: string, baseDir: string): string {
  return path.relative(baseDir, path.resolve(cwd, filePath)).split(path.sep).join('/')
}

/** The suppressions file's text to data; a UsageError naming the fault when it is not one. */
export function parseSuppressions(text: string, shown: string): Suppressions {
  const fail = (why: string): never => {
    throw new UsageError(`Invalid suppressions file ${shown}: ${why}`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    // Not the parser's own words: they differ between Node versions.
    fail(`not JSON; expected an object of files, each an object of rule ids, each {"count": N}`)
  }
  const isObject = (value: unknown): value is Record<string, unknown> =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
  if (!isObject(data)) return fail('expected an object of files, each an object of rule ids, each {"count": N}')
  const suppressions: Suppressions = new Map()
  for (const [file, rules] of Object.entries(data)) {
    if (!isObject(rules)) fail(`${JSON.stringify(file)} must be an object of rule ids`)
    const counts = new Map<string, number>()
    for (const [ruleId, entry] of Object.entries(rules as Record<string, unknown>)) {
      const refusal = suppressionRefusal(ruleId)
      if (refusal) fail(`${JSON.stringify(file)}: ${refusal}`)
      const count = isObject(entry) ? entry.count : undefined
      if (!Number.isSafeInteger(count) || (count as number) < 1)
        fail(`${JSON.stringify(file)} › ${ruleId}: expected {"count": N}, N a whole number of 1 or more`)
      counts.set(ruleId, count as number)
    }
    if (counts.size > 0) suppressions.set(path.posix.normalize(file), counts)
  }
  return suppressions
}

/** The file's text, as ESLint writes its own: keys sorted and indented, so that a diff in review shows what changed. */
export function serializeSuppressions(suppressions: Suppressions): string {
  const out: Record<string, Record<string, {count: number}>> = {}
  for (const file of [...suppressions.keys()].sort()) {
    const counts = suppressions.get(file)!
    if (counts.size === 0) continue
    out[file] = Object.fromEntries([...counts.keys()].sort().map((ruleId) => [ruleId, {count: counts.get(ruleId)!}]))
  }
  return `${JSON.stringify(out, null, 2)}\n`
}

/** The suppressible findings of a run, counted per file and rule (only `rules`, when given). */
export function countFindings(
  results: readonly FileResult[],
  keyOf: (filePath: string) => string,
  rules?: ReadonlySet<string>,
): Suppressions {
  const counts: Suppressions = new Map()
  for (const result of results) {
    for (const message of result.messages) {
      if (!suppressible(message) || (rules && !rules.has(message.ruleId))) continue
      const key = keyOf(result.filePath)
      const byRule = counts.get(key) ?? new Map<string, number>()
      byRule.set(message.ruleId, (byRule.get(message.ruleId) ?? 0) + 1)
      counts.set(key, byRule)
    }
  }
  return counts
}

/**
 * --suppress-all / --suppress-rule: the files of this run hold the counts of their findings now (of
 * `rules`, when given); every other entry stays as it was.
 */
export function suppressFindings(
  existing: Suppressions,
  now: Suppressions,
  filesInRun: readonly string[],
  rules?: ReadonlySet<string>,
): Suppressions {
  const next = copy(existing)
  for (const file of filesInRun) {
    const counts = new Map([...(next.get(file) ?? [])].filter(([ruleId]) => rules !== undefined && !rules.has(ruleId)))
    for (const [ruleId, count] of now.get(file) ?? []) counts.set(ruleId, count)
    setOrDelete(next, file, counts)
  }
  return next
}

/** --prune-suppressions: no count above the findings of this run; the files that are gone, dropped. */
export function pruneSuppressions(
  existing: Suppressions,
  now: Suppressions,
  filesInRun: readonly string[],
  exists: (file: string) => boolean,
): Suppressions {
  const next = copy(existing)
  const inRun = new Set(filesInRun)
  for (const [file, counts] of existing) {
    if (!inRun.has(file)) {
      if (!exists(file)) next.delete(file)
      continue
    }
    const pruned = new Map<string, number>()
    for (const [ruleId, count] of counts) {
      const found = now.get(file)?.get(ruleId) ?? 0
      if (found > 0) pruned.set(ruleId, Math.min(count, found))
    }
    setOrDelete(next, file, pruned)
  }
  return next
}

/** A count that is now higher than the findings it counts. */
export interface UnusedSuppression {
  file: string
  ruleId: string
  /** How many of the count no longer occur. */
  unused: number
}

/**
 * The results with the suppressed findings taken out: a file's findings of a rule are suppressed when
 * there are no more of them than the count (then they are listed in `suppressedMessages`, and not
 * counted); when there are more, every one is reported, as ESLint does.
 */
export function applySuppressions(
  results: readonly FileResult[],
  suppressions: Suppressions,
  keyOf: (filePath: string) => string,
): {results: FileResult[]; unused: UnusedSuppression[]} {
  const unused: UnusedSuppression[] = []
  const applied = results.map((result): FileResult => {
    const key = keyOf(result.filePath)
    const counts = suppressions.get(key)
    const found = new Map<string, number>()
    for (const message of result.messages) if (suppressible(message)) found.set(message.ruleId, (found.get(message.ruleId) ?? 0) + 1)
    for (const [ruleId, count] of counts ?? []) {
      const n = found.get(ruleId) ?? 0
      if (n < count) unused.push({file: key, ruleId, unused: count - n})
    }
    const suppressed = (m: Message): boolean => suppressible(m) && (found.get(m.ruleId) ?? 0) <= (counts?.get(m.ruleId) ?? 0)
    const messages = result.messages.filter((m) => !suppressed(m))
    return {
      ...result,
      errorCount: messages.filter((m) => m.severity === 'error').length,
      warningCount: messages.filter((m) => m.severity === 'warning').length,
      messages,
      suppressedMessages: result.messages.filter(suppressed),
    }
  })
  return {results: applied, unused}
}

function copy(suppressions: Suppressions): Suppressions {
  return new Map([...suppressions].map(([file, counts]) => [file, new Map(counts)]))
}

function setOrDelete(suppressions: Suppressions, file: string, counts: Map<string, number>): void {
  if (counts.size > 0) suppressions.set(file, counts)
  else suppressions.delete(file)
}
