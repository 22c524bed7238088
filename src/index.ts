// The programmatic API: the CLI is a thin shell over these.
export {run, checkFile, type RunInput} from './engine/run.js'
export {UsageError} from './engine/load.js'
export type {FileResult, Message, Severity, Characteristic, RunOptions} from './engine/types.js'
export {catalogue} from './rules/index.js'
export {loadFormatter, FORMATS, type FormatName} from './formatters/index.js'

import {run, type RunInput} from './engine/run.js'
import type {FileResult} from './engine/types.js'

/** `pch validate` as a function: structure and compliance rules. */
export function validate(input: Omit<RunInput, 'mode'>): FileResult[] {
  return run({...input, mode: 'validate'})
}
