// What a formatter is: a pure function of the results; colour comes in, never from globals.
import type {ChalkInstance} from 'chalk'
import type {FileResult, Message} from '../rule-api/types.js'
import type {RuleMeta} from '../rule-api/rule.js'
import type {BaselineResult} from './baseline.js'

export interface FormatContext {
  color: ChalkInstance
  /** The run's rules: the catalogue and the config's local rules (SARIF lists every rule). */
  rules: readonly RuleMeta[]
  /** pch's version. */
  version: string
  /** --baseline (SARIF only): the earlier log's results, for each result's baselineState. */
  baseline?: readonly BaselineResult[]
  /** With --quiet or --max-warnings: every warning of the run (hidden: --quiet left them out of the results). */
  warnings?: {count: number; hidden: boolean; max?: number}
}

export type Formatter = (results: readonly FileResult[], context: FormatContext) => string

export interface Totals {
  files: number
  documents: number
  errors: number
  warnings: number
  infos: number
  /** Findings a suppressions file suppressed (lint): not reported, not counted. */
  suppressed: number
}

export function totals(results: readonly FileResult[]): Totals {
  const sum: Totals = {files: results.length, documents: 0, errors: 0, warnings: 0, infos: 0, suppressed: 0}
  for (const result of results) {
    sum.documents += result.documents
    sum.errors += result.errorCount
    sum.warnings += result.warningCount
    sum.infos += result.messages.filter((m) => m.severity === 'info').length
    sum.suppressed += result.suppressedMessages?.length ?? 0
  }
  return sum
}

export {plural} from '../rule-api/messages.js'

/** A file's findings grouped by document (index 0 for single-document files), in document order. */
export function byDocument(result: FileResult): Array<{index: number; messages: Message[]}> {
  const count = Math.max(result.documents, 1)
  const groups = Array.from({length: count}, (_, index) => ({index, messages: [] as Message[]}))
  for (const message of result.messages) groups[Math.min(message.documentIndex ?? 0, count - 1)]!.messages.push(message)
  return groups
}
