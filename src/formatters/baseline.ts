// SARIF baselines: each finding's stable fingerprints, and an earlier log's results matched to this
// run's, so each result gets its baselineState (new, unchanged, updated, absent) as code-scanning
// tools read it. Lines are not part of a fingerprint: a finding whose line moved stays unchanged.
import {createHash} from 'node:crypto'
import {UsageError} from '../engine/io/load.js'
import {withoutPlaceLines} from '../engine/pipeline/repo.js'
import type {Message} from '../rule-api/types.js'
import {ruleMeta} from '../rules/index.js'

/** Where a finding is: its rule, file, JSON Pointer and document. */
export const LOCATION_KEY = 'pchLocation/v1'
/** What it says there: the location and the message's data. */
export const FINDING_KEY = 'pchFinding/v1'

export type BaselineState = 'new' | 'unchanged' | 'updated' | 'absent'
export type Fingerprints = Readonly<Record<typeof LOCATION_KEY | typeof FINDING_KEY, string>>
/** A result of the earlier log, as it was written (its fingerprints checked). */
export type BaselineResult = Readonly<Record<string, unknown>> & {partialFingerprints: Fingerprints}

const hash = (parts: ReadonlyArray<string | number>): string =>
  createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32)

/** A finding's partialFingerprints. `uri` is the file as the log names it. */
export function fingerprints(uri: string, message: Message): Fingerprints {
  const location = [message.ruleId, uri, message.path, message.documentIndex ?? 0]
  // The message is its data rendered; a repo-scope one names other places by line, which a move changes.
  const data = ruleMeta(message.ruleId)?.scope === 'repo' ? withoutPlaceLines(message.message) : message.message
  return {[LOCATION_KEY]: hash(location), [FINDING_KEY]: hash([...location, data])}
}

/** The results of an earlier `--format sarif` log of pch; a UsageError (exit 2) when it is not one. */
export function parseBaseline(text: string, shown: string): BaselineResult[] {
  const fail = (why: string): never => {
    throw new UsageError(`--baseline ${shown} ${why}`)
  }
  const isObject = (value: unknown): value is Record<string, unknown> =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
  let log: unknown
  try {
    log = JSON.parse(text)
  } catch {
    fail('is not a SARIF log: it is not JSON')
  }
  if (!isObject(log)) return fail('is not a SARIF log: expected an object with version "2.1.0" and runs')
  if (log.version !== '2.1.0')
    fail(`is not SARIF 2.1.0: its version is ${log.version === undefined ? 'missing' : JSON.stringify(log.version)}`)
  if (!Array.isArray(log.runs) || log.runs.length === 0) fail('is not SARIF 2.1.0: it has no runs')
  const results: BaselineResult[] = []
  for (const run of log.runs as unknown[]) {
    const name = isObject(run) && isObject(run.tool) && isObject(run.tool.driver) ? run.tool.driver.name : undefined
    if (name !== 'pch')
      fail(
        `is a SARIF log of ${typeof name === 'string' ? JSON.stringify(name) : 'an unnamed tool'}, not of pch: its results cannot be matched`,
      )
    const runResults = (run as Record<string, unknown>).results ?? []
    if (!Array.isArray(runResults)) fail("is not SARIF 2.1.0: a run's results is not a list")
    for (const [index, result] of (runResults as unknown[]).entries()) {
      const prints = isObject(result) && isObject(result.partialFingerprints) ? result.partialFingerprints : undefined
      if (typeof prints?.[LOCATION_KEY] !== 'string' || typeof prints[FINDING_KEY] !== 'string') {
        fail(
          `has no pch fingerprints in result ${index + 1} (partialFingerprints ${LOCATION_KEY}); write the baseline with this version of pch, --format sarif`,
        )
      }
      // A result already gone from the earlier run is not carried again.
      if ((result as Record<string, unknown>).baselineState !== 'absent') results.push(result as BaselineResult)
    }
  }
  return results
}

/**
 * Each current result's state, and the earlier results that are gone. Same finding fingerprint:
 * unchanged; else same location: updated (the message's data changed); else new. Each earlier
 * result matches at most one current one.
 */
export function matchBaseline(
  current: readonly Fingerprints[],
  baseline: readonly BaselineResult[],
): {states: BaselineState[]; absent: BaselineResult[]} {
  const matched = new Set<number>()
  const indexBy = (key: keyof Fingerprints): Map<string, number[]> => {
    const index = new Map<string, number[]>()
    baseline.forEach((result, i) => {
      const value = result.partialFingerprints[key]
      const list = index.get(value)
      if (list) list.push(i)
      else index.set(value, [i])
    })
    return index
  }
  const byFinding = indexBy(FINDING_KEY)
  const byLocation = indexBy(LOCATION_KEY)
  const take = (index: Map<string, number[]>, value: string): boolean => {
    for (const i of index.get(value) ?? []) {
      if (matched.has(i)) continue
      matched.add(i)
      return true
    }
    return false
  }
  const states: Array<BaselineState | undefined> = current.map((prints) => (take(byFinding, prints[FINDING_KEY]) ? 'unchanged' : undefined))
  const final = states.map((state, i) => state ?? (take(byLocation, current[i]![LOCATION_KEY]) ? 'updated' : 'new'))
  return {states: final, absent: baseline.filter((_, i) => !matched.has(i))}
}
