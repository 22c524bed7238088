// What a formatter is: a pure function of the results; colour comes in, never from globals.
import type {ChalkInstance} from 'chalk'
import type {FileResult} from '../engine/types.js'

export interface FormatContext {
  color: ChalkInstance
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
