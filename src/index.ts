// The programmatic API: the CLI is a thin shell over these.
import {run, type RunInput} from './engine/run.js'
import type {FileResult} from './engine/types.js'

export {run, checkText, type RunInput, type RunOutput} from './engine/run.js'
export {loadConfig, type Config} from './engine/config.js'
export {UsageError} from './engine/load.js'
export type {FileResult, Message, Severity, Characteristic, Mode} from './engine/types.js'
export {catalogue} from './rules/index.js'
export {loadFormatter, FORMATS, type FormatName} from './formatters/index.js'
export * as formatters from './formatters/index.js'

/** `pch validate` as a function: structure and compliance rules. */
export function validate(input: Omit<RunInput, 'mode'>): FileResult[] {
  return run({...input, mode: 'validate'}).results
}

/** `pch lint` as a function: every rule, config, inline directives, repo-wide rules. */
export function lint(input: Omit<RunInput, 'mode'>): FileResult[] {
  return run({...input, mode: 'lint'}).results
}
