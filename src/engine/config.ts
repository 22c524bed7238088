// The repository config (.pchrc.yaml / .pchrc.yml / .pchrc.json): rule severities and options,
// ignore globs. Data only, validated by schemas/config.schema.json; every fault is exit 2 with
// the config file's line and column.
import {existsSync} from 'node:fs'
import path from 'node:path'
import {catalogue, isLocked, ruleMeta} from '../rules/index.js'
import {UsageError} from './load.js'
import {DEFAULT_LIMITS, parseSource, type Limits} from './parse.js'
import {readDataText} from './read.js'
import {describeErrors} from './schema-check.js'
import {didYouMeanRule} from './suggest.js'
import {optionErrors, validateConfigAgainstSchema} from './schemas.js'
import {joinPointer} from './pointer.js'

export type ConfiguredSeverity = 'error' | 'warning' | 'off'

export interface RuleSetting {
  severity: ConfiguredSeverity
  options: Readonly<Record<string, unknown>>
}

export interface Config {
  /** The config file, if one was found or given. */
  file?: string
  /** Where `ignore` globs are relative to. */
  dir: string
  rules: ReadonlyMap<string, RuleSetting>
  ignore: readonly string[]
  /** An ODS practice register (epraccur.csv), relative to the config's directory. */
  ods?: string
  /** An ODS register of NHS trusts (etr.csv), relative to the config's directory. */
  trusts?: string
  /** File size and nesting limits other than the defaults. */
  limits?: Partial<Limits>
}

/** A fault at a line and column of a config file (exit 2 on the command line; a diagnostic in the editor). */
export class ConfigError extends UsageError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
    shown: string,
  ) {
    super(`Invalid config ${shown}:${line}:${column}: ${reason}`)
  }
}

/** The limits a run applies: the config's, else the defaults. */
export function limitsOf(config: Config): Limits {
  return {...DEFAULT_LIMITS, ...config.limits}
}

export const CONFIG_NAMES = ['.pchrc.yaml', '.pchrc.yml', '.pchrc.json'] as const

/** The nearest config file in `cwd` or a parent directory. */
export function findConfig(cwd: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const name of CONFIG_NAMES) {
      const file = path.join(dir, name)
      if (existsSync(file)) return file
    }
    if (path.dirname(dir) === dir) return undefined
  }
}

/** Load `explicit` (--config) or the nearest config; no config is an empty one. */
export function loadConfig(cwd: string, explicit?: string): Config {
  const file = explicit === undefined ? findConfig(cwd) : path.resolve(cwd, explicit)
  if (file === undefined) return {dir: path.resolve(cwd), rules: new Map(), ignore: []}
  const shown = path.relative(cwd, file) || file
  if (!existsSync(file)) throw new UsageError(`Config file not found: ${shown}`)
  // The config's own limits are not known before it is read: it is held to the default.
  const text = readDataText(file, {shown, limit: DEFAULT_LIMITS.maxFileSize, limitName: 'limits.maxFileSize, at its default for the config itself', expected: 'a pch config (.pchrc.yaml)'})
  const {documents} = parseSource(text)
  const doc = documents[0]
  const fail = (pointer: string, message: string, target: 'key' | 'value' = 'value'): never => {
    const at = doc ? doc.locate(pointer, target) : {line: 1, column: 1}
    throw new ConfigError(file, at.line, at.column, message, shown)
  }
  if (!doc) return {file, dir: path.dirname(file), rules: new Map(), ignore: []}
  if (documents.length > 1) fail('', 'a config holds one YAML document')
  const [structural] = doc.problems
  if (structural) {
    const at = structural.at ?? {line: 1, column: 1}
    throw new ConfigError(file, at.line, at.column, structural.message, shown)
  }
  const data = doc.data ?? {}
  const [schemaProblem] = describeErrors(validateConfigAgainstSchema(data), 'the config')
  if (schemaProblem) fail(schemaProblem.path, schemaProblem.message, schemaProblem.target)
  const raw = data as {rules?: Record<string, string | [string, Record<string, unknown>?]>; ignore?: string[]; ods?: string; trusts?: string; limits?: Partial<Limits>}
  const rules = new Map<string, RuleSetting>()
  for (const [id, setting] of Object.entries(raw.rules ?? {})) {
    const pointer = joinPointer('rules', id)
    const [severity, options = {}] = (Array.isArray(setting) ? setting : [setting]) as [ConfiguredSeverity, Record<string, unknown>?]
    const meta = ruleMeta(id)
    if (!meta) {
      fail(pointer, `unknown rule "${id}"${didYouMeanRule(id, catalogue.map((m) => m.id))}`, 'key')
    } else if (meta.compliance && severity !== 'error') {
      fail(pointer, `${id} is a compliance rule: it cannot be set to ${severity}; accept a finding with an approved exception in the definition's metadata.exceptions`)
    } else if (isLocked(meta) && severity !== 'error') {
      fail(pointer, `${id} cannot be set to ${severity}: it decides whether a definition conforms to the format`)
    }
    if (Object.keys(options).length > 0) {
      if (!meta!.options) fail(joinPointer('rules', id, 1), `${id} takes no options`)
      const [problem] = describeErrors(optionErrors(meta!.options!, options), 'the options')
      if (problem) fail(`${joinPointer('rules', id, 1)}${problem.path}`, `options of ${id}: ${problem.message}`, problem.target)
    }
    rules.set(id, {severity, options})
  }
  return {file, dir: path.dirname(file), rules, ignore: raw.ignore ?? [], ...(raw.ods === undefined ? {} : {ods: raw.ods}), ...(raw.trusts === undefined ? {} : {trusts: raw.trusts}), ...(raw.limits ? {limits: raw.limits} : {})}
}
