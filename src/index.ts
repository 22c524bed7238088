// The programmatic API (README "Programmatic API"): the CLI is a thin shell over these. Each hands
// the engine the built-in registry (src/rules/registry.ts), as the CLI does.
import path from 'node:path'
import * as engine from './engine/pipeline/run.js'
import * as configs from './engine/config/config.js'
import {registry} from './rules/registry.js'
import type {FileResult, Message, Mode} from './rule-api/types.js'

export type {RunOutput} from './engine/pipeline/run.js'
export type {Config, RuleSetting} from './engine/config/config.js'
/** What `run` takes: paths and the flags of validate, lint and report. */
export type RunInput = Omit<engine.RunInput, 'registry'>
/** What `checkText` takes besides the text. */
type CheckTextOptions = Omit<Parameters<typeof engine.checkText>[1], 'registry'>
export {UsageError} from './engine/io/load.js'
export type {FileResult, Message, Severity, Characteristic, Mode} from './rule-api/types.js'
export {catalogue} from './rules/index.js'
export type {RuleMeta} from './rule-api/rule.js'

/** One run of the engine over files: what the CLI's commands run. */
export function run(input: RunInput): engine.RunOutput {
  return engine.run({...input, registry})
}

/** Check one text as a file of its own (all three phases). */
export function checkText(text: string, options: CheckTextOptions): {documents: number; messages: Message[]} {
  return engine.checkText(text, {...options, registry})
}

/** Load `explicit` (--config) or the nearest config; no config is an empty one. */
export function loadConfig(cwd: string, explicit?: string): configs.Config {
  return configs.loadConfig(cwd, explicit, registry)
}

/** A config from its text, as if read from `file` (what it extends is read from the files). */
export function parseConfig(text: string, file: string, cwd: string = path.dirname(file)): configs.Config {
  return configs.parseConfig(text, file, cwd, registry)
}
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
  config?: configs.Config
  /** The text of the path `-` (`pch validate -`). */
  stdin?: string | Uint8Array
  /** The name `-` is reported and matched as (`--stdin-filename`). */
  stdinFilename?: string
  /** An ODS practice register, epraccur.csv (`--ods`); without it, the config's `ods`. */
  odsFile?: string
  /** An ODS register of NHS trusts, etr.csv (`--trusts`); without it, the config's `trusts`. */
  trustsFile?: string
}

const check = (mode: Mode, input: CheckInput): FileResult[] =>
  run({
    mode,
    paths: input.paths,
    today: input.today,
    cwd: input.cwd,
    configFile: input.configFile,
    config: input.config,
    stdin: input.stdin,
    stdinFilename: input.stdinFilename,
    registers: {ods: input.odsFile, trusts: input.trustsFile},
  }).results

/** `pch validate` as a function: structure and compliance rules. Throws UsageError where the CLI exits 2. */
export function validate(input: CheckInput): FileResult[] {
  return check('validate', input)
}

/** `pch lint` as a function: every rule, config, inline directives, repo-wide rules. Throws UsageError where the CLI exits 2. */
export function lint(input: CheckInput): FileResult[] {
  return check('lint', input)
}
