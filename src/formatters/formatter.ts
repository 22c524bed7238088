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

/**
 * A format written as the results come (issue 20): its text is `head()`, then `file(result)` of
 * each result in run order, then `tail(warnings)`, so a run need not keep every result to write it.
 * `warnings` is FormatContext's, known only once every result is in.
 */
export interface FormatStream {
  head(): string
  file(result: FileResult): string
  tail(warnings?: FormatContext['warnings']): string
}

export type StreamFormatter = (context: FormatContext) => FormatStream

/** The whole-array formatter of a streamed format: one text, exactly what the stream writes. */
export function wholeOf(stream: StreamFormatter): Formatter {
  return (results, context) => {
    const format = stream(context)
    return `${format.head()}${results.map((result) => format.file(result)).join('')}${format.tail(context.warnings)}`
  }
}

/**
 * The stream of a JSON document `JSON.stringify(value, null, 2)` whose one array `marker` (a
 * string in `value` standing for it) holds the items of each result in turn: the text around the
 * array, then each item indented as JSON.stringify indents it there, with the commas between.
 */
export function jsonArrayStream(value: unknown, marker: string, itemsOf: (result: FileResult) => readonly unknown[]): FormatStream {
  const text = `${JSON.stringify(value, null, 2)}\n`
  const at = text.indexOf(JSON.stringify(marker))
  const indent = text.slice(text.lastIndexOf('\n', at) + 1, at).match(/^ */)![0]
  const before = text.slice(0, at)
  const after = text.slice(at + JSON.stringify(marker).length)
  let items = 0
  return {
    head: () => before,
    file(result) {
      let text = ''
      for (const item of itemsOf(result)) {
        // JSON strings hold no raw line break, so every line break of an item is one of its layout.
        const body = JSON.stringify(item, null, 2).replaceAll('\n', `\n${indent}  `)
        text += `${items++ === 0 ? '[\n' : ',\n'}${indent}  ${body}`
      }
      return text
    },
    tail: () => `${items === 0 ? '[]' : `\n${indent}]`}${after}`,
  }
}

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
  const sum: Totals = {files: 0, documents: 0, errors: 0, warnings: 0, infos: 0, suppressed: 0}
  for (const result of results) addTotals(sum, result)
  return sum
}

/** Counts one more result into `sum`. */
export function addTotals(sum: Totals, result: FileResult): void {
  sum.files++
  sum.documents += result.documents
  sum.errors += result.errorCount
  sum.warnings += result.warningCount
  sum.infos += result.messages.filter((m) => m.severity === 'info').length
  sum.suppressed += result.suppressedMessages?.length ?? 0
}

export {plural} from '../rule-api/messages.js'

/** A file's findings grouped by document (index 0 for single-document files), in document order. */
export function byDocument(result: FileResult): Array<{index: number; messages: Message[]}> {
  const count = Math.max(result.documents, 1)
  const groups = Array.from({length: count}, (_, index) => ({index, messages: [] as Message[]}))
  for (const message of result.messages) groups[Math.min(message.documentIndex ?? 0, count - 1)]!.messages.push(message)
  return groups
}
