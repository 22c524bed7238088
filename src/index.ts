// The programmatic API (README "Programmatic API"): the CLI is a thin shell over these.
import {run, type RunInput} from './engine/pipeline/run.js'
import type {FileResult} from './rule-api/types.js'

export {run, checkText, type RunInput, type RunOutput} from './engine/pipeline/run.js'
export {loadConfig, parseConfig, type Config, type RuleSetting} from './engine/config/config.js'
export {UsageError} from './engine/io/load.js'
export type {FileResult, Message, Severity, Characteristic, Mode} from './rule-api/types.js'
export {catalogue} from './rules/index.js'
export type {RuleMeta} from './rule-api/rule.js'
export {FORMATS, type FormatName} from './formatters/index.js'
export {formatters, loadFormatter, type Formatter, type FormatOptions} from './formatters/api.js'

/** What `validate` and `lint` take: the flags of the commands, as options. */
export interface CheckInput {
  /** Files, directories (every *.pch.yaml / *.pch.yml below) and globs; `-` for `stdin`. */
  paths: readonly string[]
  /** "Today" for date-dependent rules, YYYY-MM-DD (`--today`); default the system's local date. */
  today?: string
  /** Where relative paths, globs and the config search start; default process.cwd(). */
  cwd?: string
  /** A config file (`--config`); without it, the nearest .pchrc.yaml, .pchrc.yml or .pchrc.json. */
  configFile?: string
  /** A config already loaded with `loadConfig` (takes precedence over configFile). */
  config?: import('./engine/config/config.js').Config
  /** The text of the path `-` (`pch validate -`). */
  stdin?: string | Uint8Array
  /** The name `-` is reported and matched as (`--stdin-filename`). */
  stdinFilename?: string
  /** An ODS practice register, epraccur.csv (`--ods`); without it, the config's `ods`. */
  odsFile?: string
  /** An ODS register of NHS trusts, etr.csv (`--trusts`); without it, the config's `trusts`. */
  trustsFile?: string
}

const check = (mode: RunInput['mode'], input: CheckInput): FileResult[] =>
  run({
    mode,
    paths: input.paths,
    today: input.today,
    cwd: input.cwd,
    configFile: input.configFile,
    config: input.config,
    stdin: input.stdin,
    stdinFilename: input.stdinFilename,
    odsFile: input.odsFile,
    trustsFile: input.trustsFile,
  }).results

/** `pch validate` as a function: structure and compliance rules. Throws UsageError where the CLI exits 2. */
export function validate(input: CheckInput): FileResult[] {
  return check('validate', input)
}

/** `pch lint` as a function: every rule, config, inline directives, repo-wide rules. Throws UsageError where the CLI exits 2. */
export function lint(input: CheckInput): FileResult[] {
  return check('lint', input)
}
