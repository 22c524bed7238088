// The repository config (.pchrc.yaml / .pchrc.yml / .pchrc.json): rule severities and options,
// local rules, the configs it extends, ignore globs. Data only, validated by
// schemas/config.schema.json; every fault is exit 2 with the config file's line and column.
import {existsSync, realpathSync, statSync} from 'node:fs'
import path from 'node:path'
import {LOCAL_ID, LocalRuleError, MAX_LOCAL_RULES, type LocalRuleDeclaration} from '../../rule-api/local-rule.js'
import {isLocked, type Registry} from '../../rule-api/registry.js'
import type {Rule} from '../../rule-api/rule.js'
import {UsageError} from '../io/load.js'
import {DEFAULT_LIMITS, parseSource, type Limits} from '../parse/parse.js'
import {readDataText} from '../io/read.js'
import {describeErrors} from '../schema/schema-check.js'
import {didYouMean, didYouMeanRule} from '../../rule-api/suggest.js'
import {optionErrors, validateConfigAgainstSchema} from '../../rule-api/schemas.js'
import {joinPointer} from '../../rule-api/pointer.js'

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
  /** Local rules, from this config and the configs it extends, in the order they were declared. */
  local?: readonly LocalRuleDeclaration[]
  /** The configs it extends, directly or not (absolute paths). */
  extended?: readonly string[]
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

/** Load `explicit` (--config) or the nearest config; no config is an empty one. `registry`: the rules its ids are checked against. */
export function loadConfig(cwd: string, explicit: string | undefined, registry: Registry): Config {
  const file = explicit === undefined ? findConfig(cwd) : path.resolve(cwd, explicit)
  if (file === undefined) return {dir: path.resolve(cwd), rules: new Map(), ignore: []}
  const shown = shownPath(file, cwd)
  if (!existsSync(file)) throw new UsageError(`Config file not found: ${shown}`)
  return configOf(file, readLayer(file, cwd, [{file: realpath(file), shown}], registry), registry)
}

/** A config from its text, as if read from `file` (what it extends is read from the files): for tests and the API. */
export function parseConfig(text: string, file: string, cwd: string, registry: Registry): Config {
  return configOf(file, readLayer(file, cwd, [{file: realpath(file), shown: shownPath(file, cwd)}], registry, text), registry)
}

function configOf(file: string, layer: Layer, registry: Registry): Config {
  const local = [...layer.local.values()].map(({declaration}) => declaration)
  registry.rememberRuleSet(
    local,
    [...layer.local.values()].map(({rule}) => rule),
  )
  return {
    file,
    dir: path.dirname(file),
    rules: layer.rules,
    ignore: layer.ignore,
    ...(layer.ods === undefined ? {} : {ods: layer.ods}),
    ...(layer.trusts === undefined ? {} : {trusts: layer.trusts}),
    ...(layer.limits ? {limits: layer.limits} : {}),
    ...(local.length > 0 ? {local} : {}),
    ...(layer.extended.length > 0 ? {extended: layer.extended} : {}),
  }
}

const shownPath = (file: string, cwd: string): string => path.relative(cwd, file) || file

function realpath(file: string): string {
  try {
    return realpathSync(file)
  } catch {
    return path.resolve(file)
  }
}

/** A config file merged over the configs it extends. */
interface Layer {
  rules: Map<string, RuleSetting>
  local: Map<string, {declaration: LocalRuleDeclaration; rule: Rule}>
  ignore: string[]
  ods?: string
  trusts?: string
  limits?: Partial<Limits>
  extended: string[]
}

interface RawConfig {
  extends?: string[]
  rules?: Record<string, string | [string, Record<string, unknown>?] | Record<string, unknown>>
  ignore?: string[]
  ods?: string
  trusts?: string
  limits?: Partial<Limits>
}

/** One config file (`chain` ends with it: the configs that led to it, the one a run uses first), with what it extends merged under it. */
function readLayer(
  file: string,
  cwd: string,
  chain: ReadonlyArray<{file: string; shown: string}>,
  registry: Registry,
  given?: string,
  compile = registry.localRuleCompiler(),
): Layer {
  const {shown} = chain.at(-1)!
  const within = chain.length > 1 ? ` (in the extends chain ${chain.map((c) => c.shown).join(' -> ')})` : ''
  // The config's own limits are not known before it is read: it is held to the default.
  const text =
    given ??
    readDataText(file, {
      shown,
      limit: DEFAULT_LIMITS.maxFileSize,
      limitName: 'limits.maxFileSize, at its default for the config itself',
      expected: 'a pch config (.pchrc.yaml)',
    })
  const {documents} = parseSource(text)
  const doc = documents[0]
  const fault = (at: {line: number; column: number}, message: string): never => {
    throw new ConfigError(file, at.line, at.column, `${message}${within}`, shown)
  }
  const fail = (pointer: string, message: string, target: 'key' | 'value' = 'value'): never =>
    fault(doc ? doc.locate(pointer, target) : {line: 1, column: 1}, message)
  const layer: Layer = {rules: new Map(), local: new Map(), ignore: [], extended: []}
  if (!doc) return layer
  if (documents.length > 1) fail('', 'a config holds one YAML document')
  const [structural] = doc.problems
  if (structural) fault(structural.at ?? {line: 1, column: 1}, structural.message)
  const data = doc.data ?? {}
  const [schemaProblem] = describeErrors(validateConfigAgainstSchema(data), 'the config')
  if (schemaProblem) fail(schemaProblem.path, schemaProblem.message, schemaProblem.target)
  const raw = data as RawConfig
  const dir = path.dirname(file)
  for (const [index, entry] of (raw.extends ?? []).entries()) {
    const target = resolveExtends(entry, dir, (message) => fail(joinPointer('extends', index), message))
    const real = realpath(target)
    const next = [...chain, {file: real, shown: shownPath(target, cwd)}]
    if (chain.some((c) => c.file === real))
      fail(joinPointer('extends', index), `extends makes a cycle: ${next.map((c) => c.shown).join(' -> ')}`)
    mergeLayer(layer, readLayer(target, cwd, next, registry, undefined, compile))
    layer.extended.push(target)
  }
  const extended = chain.length > 1
  if (extended && raw.ignore !== undefined)
    fail('/ignore', "ignore is the repository's own: an extended config shares rules, registers and limits, not ignore globs", 'key')
  const entries = Object.entries(raw.rules ?? {})
  const declared = new Set([...layer.local.keys(), ...entries.flatMap(([id, setting]) => (isDeclaration(setting) ? [id] : []))])
  if (declared.size > MAX_LOCAL_RULES)
    fail(
      '/rules',
      `a config declares at most ${MAX_LOCAL_RULES.toLocaleString('en-GB')} local rules (with those of the configs it extends); this one has ${declared.size.toLocaleString('en-GB')}`,
      'key',
    )
  for (const [id, setting] of entries) {
    const pointer = joinPointer('rules', id)
    if (isDeclaration(setting)) {
      if (!LOCAL_ID.test(id))
        fail(pointer, `a local rule's id is local/ and a kebab-case name (local/acute-partner-has-ods-code), not "${id}"`, 'key')
      const declaration: LocalRuleDeclaration = {
        id,
        given: setting.given as string,
        ...(setting.where === undefined ? {} : {where: setting.where as LocalRuleDeclaration['where']}),
        then: setting.then as LocalRuleDeclaration['then'],
        message: setting.message as string,
        severity: (setting.severity as 'error' | 'warning' | undefined) ?? 'warning',
        characteristic: (setting.characteristic as LocalRuleDeclaration['characteristic'] | undefined) ?? null,
        ...(setting.docs === undefined ? {} : {docs: setting.docs as string}),
        declaredIn: shown,
      }
      let rule: Rule
      try {
        rule = compile(declaration)
      } catch (error) {
        if (!(error instanceof LocalRuleError)) throw error
        return fail(`${pointer}${error.pointer}`, `${id}: ${error.message}`, error.target)
      }
      // A later declaration of the same id replaces an earlier one, and goes last.
      layer.local.delete(id)
      layer.local.set(id, {declaration, rule})
      layer.rules.set(id, {severity: declaration.severity, options: {}})
      continue
    }
    const [severity, options = {}] = (Array.isArray(setting) ? setting : [setting]) as [ConfiguredSeverity, Record<string, unknown>?]
    const local = id.startsWith('local/')
    const meta = local ? undefined : registry.meta(id)
    if (local) {
      if (!layer.local.has(id))
        fail(pointer, `unknown rule "${id}": no config it extends declares it${didYouMean(id, [...layer.local.keys()])}`, 'key')
      if (Object.keys(options).length > 0) fail(joinPointer('rules', id, 1), `${id} takes no options`)
      layer.rules.set(id, {severity, options: {}})
      continue
    }
    if (!meta) {
      fail(
        pointer,
        `unknown rule "${id}"${didYouMeanRule(
          id,
          registry.metas.map((m) => m.id),
        )}`,
        'key',
      )
    } else if (meta.compliance && severity !== 'error') {
      fail(
        pointer,
        `${id} is a compliance rule: it cannot be set to ${severity}; accept a finding with an approved exception in the definition's metadata.exceptions`,
      )
    } else if (isLocked(meta) && severity !== 'error') {
      fail(pointer, `${id} cannot be set to ${severity}: it decides whether a definition conforms to the format`)
    }
    if (Object.keys(options).length > 0) {
      if (!meta!.options) fail(joinPointer('rules', id, 1), `${id} takes no options`)
      const [problem] = describeErrors(optionErrors(meta!.options!, options), 'the options')
      if (problem) fail(`${joinPointer('rules', id, 1)}${problem.path}`, `options of ${id}: ${problem.message}`, problem.target)
    }
    layer.rules.set(id, {severity, options})
  }
  // A register named by an extended config is relative to that config.
  if (raw.ods !== undefined) layer.ods = extended ? path.resolve(dir, raw.ods) : raw.ods
  if (raw.trusts !== undefined) layer.trusts = extended ? path.resolve(dir, raw.trusts) : raw.trusts
  if (raw.limits) layer.limits = {...layer.limits, ...raw.limits}
  layer.ignore = raw.ignore ?? []
  return layer
}

function isDeclaration(setting: unknown): setting is Record<string, unknown> {
  return setting !== null && typeof setting === 'object' && !Array.isArray(setting)
}

/** `from` merged under `into`'s later entries: each rule, register and limit of a later config wins. */
function mergeLayer(into: Layer, from: Layer): void {
  for (const [id, setting] of from.rules) into.rules.set(id, setting)
  for (const [id, local] of from.local) {
    into.local.delete(id)
    into.local.set(id, local)
  }
  if (from.ods !== undefined) into.ods = from.ods
  if (from.trusts !== undefined) into.trusts = from.trusts
  if (from.limits) into.limits = {...into.limits, ...from.limits}
  into.extended.push(...from.extended)
}

const PACKAGE = /^((?:@[a-z0-9~-][a-z0-9._~-]*\/)?[a-z0-9~-][a-z0-9._~-]*)(?:\/(.+))?$/

/**
 * The file an `extends` entry names: a path (./x, ../x, /x) relative to the extending config's
 * directory; or an npm package, found in node_modules as Node finds one (this directory, then each
 * parent), whose .pchrc.yaml, .pchrc.yml or .pchrc.json it shares, or a file in it (PACKAGE/FILE).
 * Nothing of a package is run, not even read, but that file.
 */
function resolveExtends(entry: string, dir: string, fail: (message: string) => never): string {
  const isFile = (file: string): boolean => {
    try {
      return statSync(file).isFile()
    } catch {
      return false
    }
  }
  if (entry.startsWith('./') || entry.startsWith('../') || path.isAbsolute(entry)) {
    const file = path.resolve(dir, entry)
    return isFile(file) ? file : fail(`extends "${entry}": ${existsSync(file) ? 'not a regular file' : 'no such file'} (${file})`)
  }
  const match = PACKAGE.exec(entry)
  if (!match) fail(`extends "${entry}" is neither a path (./, ../ or /) nor an npm package name`)
  const [, name, inside] = match!
  for (let at = dir; ; at = path.dirname(at)) {
    const root = path.join(at, 'node_modules', name!)
    if (existsSync(root)) {
      const file = inside === undefined ? CONFIG_NAMES.map((n) => path.join(root, n)).find(isFile) : path.resolve(root, inside)
      if (file !== undefined && !path.relative(root, file).startsWith('..') && isFile(file)) return file
      return fail(
        inside === undefined
          ? `extends "${entry}": the package ${root} has no ${CONFIG_NAMES.join(', ')}`
          : `extends "${entry}": no such file in the package (${file})`,
      )
    }
    if (path.dirname(at) === at)
      return fail(`extends "${entry}": no package "${name}" in node_modules (looked in ${dir} and each directory above it)`)
  }
}
