// lint's bulk-suppression flags: find, read and write pch-suppressions.json around a run, through
// the bounded reader and the output layer; the counting itself is src/engine/suppressions.ts.
import {existsSync} from 'node:fs'
import path from 'node:path'
import type {Config} from '../engine/config/config.js'
import {UsageError} from '../engine/io/load.js'
import {formatNumber} from '../rule-api/messages.js'
import {EARLIER_RUN_FILE, readDataText} from '../engine/io/read.js'
import {displayPath} from '../engine/io/source-text.js'
import {
  applySuppressions,
  countFindings,
  parseSuppressions,
  pruneSuppressions,
  serializeSuppressions,
  suppressFindings,
  suppressionKey,
  suppressionRefusal,
  SUPPRESSIONS_NAME,
  type Suppressions,
  type UnusedSuppression,
} from './suppression-counts.js'
import type {FileResult} from '../rule-api/types.js'
import {forTerminal} from '../formatters/neutralise.js'

export interface SuppressionFlags {
  'suppress-all'?: boolean
  'suppress-rule'?: string[]
  'prune-suppressions'?: boolean
  'suppressions-location'?: string
}

/** The suppressions of a lint run, read before it; `finish` applies them (and writes the file when asked). */
export interface SuppressionPlan {
  /** The file, when this run writes it (for the check that no output is an input). */
  writes?: string
  /** Nothing to apply and nothing to write: `finish` hands the results back as they are, so the run need not keep them for it. */
  inert: boolean
  finish(results: readonly FileResult[]): Promise<{results: FileResult[]; exit: number}>
}

/** Reads the suppressions file (none is an empty one, unless --suppressions-location names it and nothing writes it). */
export function planSuppressions(flags: SuppressionFlags, paths: readonly string[], config: Config, cwd: string): SuppressionPlan {
  const rules = flags['suppress-rule']
  for (const ruleId of rules ?? []) {
    const refusal = suppressionRefusal(ruleId)
    if (refusal) throw new UsageError(`--suppress-rule: ${refusal}`)
  }
  const writing = Boolean(flags['suppress-all'] || rules?.length || flags['prune-suppressions'])
  if (writing && paths.includes('-'))
    throw new UsageError('Suppressions count the findings of files: standard input (-) cannot be suppressed')
  const given = flags['suppressions-location']
  const file = given === undefined ? path.join(config.file === undefined ? cwd : config.dir, SUPPRESSIONS_NAME) : path.resolve(cwd, given)
  const shown = displayPath(file, cwd)
  const before = existsSync(file)
    ? readDataText(file, {...EARLIER_RUN_FILE, shown, expected: `a suppressions file (${SUPPRESSIONS_NAME})`})
    : undefined
  if (before === undefined && given !== undefined && !writing) throw new UsageError(`Suppressions file not found: ${shown}`)
  const existing: Suppressions = before === undefined ? new Map() : parseSuppressions(before, shown)
  const baseDir = path.dirname(file)
  const keyOf = (filePath: string): string => suppressionKey(filePath, cwd, baseDir)
  return {
    ...(writing ? {writes: file} : {}),
    inert: !writing && existing.size === 0,
    async finish(results) {
      let suppressions = existing
      if (writing) {
        const filesInRun = results.map((r) => keyOf(r.filePath))
        const only = rules?.length ? new Set(rules) : undefined
        suppressions = flags['prune-suppressions']
          ? pruneSuppressions(existing, countFindings(results, keyOf), filesInRun, (key) => existsSync(path.resolve(baseDir, key)))
          : suppressFindings(existing, countFindings(results, keyOf, only), filesInRun, only)
        await write(file, serializeSuppressions(suppressions), before)
      }
      // No suppressions: the results as they are, so that output without a suppressions file is unchanged.
      if (suppressions.size === 0) return {results: [...results], exit: 0}
      const applied = applySuppressions(results, suppressions, keyOf)
      if (applied.unused.length > 0) process.stderr.write(`${forTerminal(unusedLine(applied.unused, shown))}\n`)
      return {results: applied.results, exit: applied.unused.length > 0 ? 1 : 0}
    },
  }
}

/** One line for every count higher than its findings: as ESLint, the run fails until they are pruned. */
function unusedLine(unused: readonly UnusedSuppression[], shown: string): string {
  const total = unused.reduce((n, u) => n + u.unused, 0)
  const named = unused.slice(0, 3).map((u) => `${u.ruleId} in ${u.file}${u.unused > 1 ? ` (${formatNumber(u.unused)})` : ''}`)
  const more = unused.length > 3 ? ` and ${unused.length - 3} more` : ''
  const noun = total === 1 ? 'suppression no longer occurs' : 'suppressions no longer occur'
  return `pch: warning: ${formatNumber(total)} ${noun} in ${shown}: ${named.join('; ')}${more}; remove ${total === 1 ? 'it' : 'them'} with pch lint --prune-suppressions`
}

/** Through the output layer: atomically, and never over a change another process made since pch read the file. */
async function write(file: string, text: string, before: string | undefined): Promise<void> {
  if (text === before) return
  const {makeDirectoryFor, writeFileAtomic} = await import('../engine/io/write.js')
  try {
    makeDirectoryFor(file)
    writeFileAtomic(file, text, before === undefined ? {create: true} : {read: before})
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}
