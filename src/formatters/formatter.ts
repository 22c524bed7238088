// What a formatter is: a pure function of the results; colour comes in, never from globals.
import type {ChalkInstance} from 'chalk'
import type {FileResult, Message} from '../engine/types.js'
import type {RuleMeta} from '../rules/rule.js'

export interface FormatContext {
  color: ChalkInstance
  /** The run's rules: the catalogue and the config's local rules (SARIF lists every rule). */
  rules: readonly RuleMeta[]
  /** pch's version. */
  version: string
}

export type Formatter = (results: readonly FileResult[], context: FormatContext) => string

export interface Totals {
  files: number
  documents: number
  errors: number
  warnings: number
  infos: number
}

export function totals(results: readonly FileResult[]): Totals {
  const sum: Totals = {files: results.length, documents: 0, errors: 0, warnings: 0, infos: 0}
  for (const result of results) {
    sum.documents += result.documents
    sum.errors += result.errorCount
    sum.warnings += result.warningCount
    sum.infos += result.messages.filter((m) => m.severity === 'info').length
  }
  return sum
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`
}

/** A file's findings grouped by document (index 0 for single-document files), in document order. */
export function byDocument(result: FileResult): Array<{index: number; messages: Message[]}> {
  const count = Math.max(result.documents, 1)
  const groups = Array.from({length: count}, (_, index) => ({index, messages: [] as Message[]}))
  for (const message of result.messages) groups[Math.min(message.documentIndex ?? 0, count - 1)]!.messages.push(message)
  return groups
}
