// A whole run: resolve paths, read and check each file (phase 1), the repo-scope rules across
// files (phase 2), then each file's exceptions, config and directives (phase 3).
import path from 'node:path'
import {
  finding,
  finishFile,
  inspectText,
  placedClaims,
  type CheckedFile,
  type Finding,
  type FinishedFile,
  type CheckOptions,
  type TextEdit,
} from './check.js'
import type {SiteFacts} from '../../rule-api/site-facts.js'
import {limitsOf, loadConfig, type Config} from '../config/config.js'
import {readRegister, readTrustRegister, type OdsRegister, type TrustRegister} from '../io/ods.js'
import {ignoreMatcher, resolvePaths, type Source, type SourceList} from '../io/load.js'
import {read, type FileText, type SourceTexts} from '../io/source-text.js'
import {LINE_BREAK} from '../parse/line-breaks.js'
import {tooLargeMessage} from '../io/read.js'
import {cacheEnvironment, CheckCache, cacheWarning, contentHash, loadCache, placeCache, saveCache} from '../cache/cache.js'
import {repoFindings, type ClaimSource} from './repo.js'
import {ClaimIndex} from './claim-index.js'
import {KeptPhaseOne, SpilledPhaseOne, type Inspected, type PhaseOne} from './phase-one.js'
import {Spill} from '../io/spill.js'
import {checkToday} from './today.js'
import {defaultRegistry, type Registry} from '../../rule-api/registry.js'
import type {FileResult, Message, Mode} from '../../rule-api/types.js'

/**
 * What a run is asked, grouped by concern; read, never changed. What to check (mode, paths, the
 * texts of stdin and of files being fixed), under which rules (registry, config, today), against
 * which registers, what to collect besides the results, and whether phase 1 is kept between runs.
 * How many threads check the files is the caller's choice of entry (`runParallel`), not the run's.
 */
export interface RunInput extends SourceTexts {
  mode: Mode
  paths: readonly string[]
  /** Where relative paths, globs and the config search start; default process.cwd(). */
  cwd?: string
  /** The rules the run knows: the caller's registry (pch's own entry points hand in src/rules/registry.ts). */
  registry?: Registry
  /** "Today" for date-dependent rules, YYYY-MM-DD; default the system's local date, as the CLI's. */
  today?: string
  /** --config; without it the nearest .pchrc.* is used. */
  configFile?: string
  /** An already loaded config (takes precedence over configFile). */
  config?: Config
  /** --ods and --trusts: ODS registers; without them, `ods:` and `trusts:` of the config. */
  registers?: RunRegisters
  /** What the run collects besides its results. */
  collect?: RunCollects
  /** Keep phase 1 results (RunOutput.cache), and reuse earlier ones: a file whose text and name are unchanged is not checked again. */
  cache?: RunCache
}

export interface RunRegisters {
  /** An ODS practice register (epraccur.csv). */
  ods?: string
  /** An ODS register of NHS trusts (etr.csv). */
  trusts?: string
}

export interface RunCollects {
  /** Each file's text and its fix edits (for --fix). */
  fixes?: boolean
  /** Each definition's key figures (for pch report). */
  sites?: boolean
}

export interface RunCache {
  /** pch's version: phase 1 results of another version are not used. */
  version: string
  /** Results of an earlier run (its RunOutput.cache), in memory. */
  from?: CheckCache
  /** --cache: results kept in this directory between runs (when `from` is not given). */
  directory?: string
}

export interface FileFix {
  /** Absolute path; undefined for standard input. */
  path: string | undefined
  filePath: string
  /** The text the edits' offsets refer to (without a byte-order mark). */
  text: string
  /** The file began with a UTF-8 byte-order mark: write it back. */
  bom: boolean
  edits: TextEdit[]
}

export interface RunOutput {
  /** With `cache`: the phase 1 results, for a later run. */
  cache?: CheckCache
  results: FileResult[]
  fixes: FileFix[]
  /** With collect.sites: every readable definition's key figures, with its file. */
  sites: Array<SiteFacts & {filePath: string}>
  /** What went wrong that changes nothing in the results (a cache that cannot be used), for one line each on stderr. */
  warnings: string[]
}

/** What a run knows before it reads any file. */
export interface RunPlan {
  input: RunInput
  cwd: string
  options: CheckOptions
  sources: SourceList
  cache?: CheckCache
  /** Where to save the cache after the run. */
  cacheFile?: string
  /** RunOutput's warnings, as they arise. */
  warnings?: string[]
  /** The run's texts kept once however many findings say them (keptCompact); none: each kept as it is. */
  strings?: Map<string, string>
}

export type {Inspected, PhaseOne} from './phase-one.js'

export function run(input: RunInput): RunOutput {
  const plan = planRun(input)
  return finishRun(plan, inspectAll(plan, new KeptPhaseOne()))
}

/**
 * Where a run keeps phase 1 until phase 3. A run that streams its output (`streaming`: finishRun
 * with `each`) spills it to a temporary file (issue 20); one that keeps its results, a cache or its
 * texts for --fix holds them in memory anyway, and so does a run of one file.
 */
export function phaseOneOf(plan: RunPlan, streaming: boolean): PhaseOne {
  if (!streaming || plan.cache || plan.input.collect?.fixes || plan.sources.length < 2) return new KeptPhaseOne()
  // Its findings are written as they come: none is kept to share its strings with.
  plan.strings = undefined
  return new SpilledPhaseOne(plan.sources, new Spill())
}

/** Phase 1 of every source, in this thread, into `phaseOne`. */
export function inspectAll(plan: RunPlan, phaseOne: PhaseOne): PhaseOne {
  try {
    for (const source of plan.sources) phaseOne.add(inspectSource(plan, source))
  } catch (error) {
    phaseOne.close()
    throw error
  }
  return phaseOne
}

/** Where a register of the run is: one named on the command line is relative to the working directory; one in the config, to the config. */
function registerPath(flag: string | undefined, configured: string | undefined, config: Config, cwd: string): string | undefined {
  const file = flag ?? configured
  return file === undefined ? undefined : path.resolve(flag === undefined ? config.dir : cwd, file)
}

/** Every file a run reads (its definitions, config and registers), found as the run finds them, before it reads any. */
export function runInputs(input: RunInput): string[] {
  const cwd = input.cwd ?? process.cwd()
  const config = input.config ?? loadConfig(cwd, input.configFile, input.registry ?? defaultRegistry())
  const sources = [...resolvePaths(input.paths, cwd, ignoreMatcher(config))].flatMap((s) => (s.kind === 'file' ? [s.path] : []))
  const registers = [
    registerPath(input.registers?.ods, config.ods, config, cwd),
    registerPath(input.registers?.trusts, config.trusts, config, cwd),
  ]
  return [
    ...sources,
    ...(config.file === undefined ? [] : [config.file]),
    ...(config.extended ?? []),
    ...registers.filter((f) => f !== undefined),
  ]
}

/** Config, register, options and the files to check (paths expanded, ignores applied). */
export function planRun(input: RunInput): RunPlan {
  const cwd = input.cwd ?? process.cwd()
  const options = planOptions(input, cwd)
  const sources = resolvePaths(input.paths, cwd, ignoreMatcher(options.config))
  const plan: RunPlan = {input, cwd, options, sources, strings: new Map()}
  const {cache} = input
  if (cache) {
    const environment = cacheEnvironment(cache.version, options)
    if (cache.from) plan.cache = cache.from.environment === environment ? cache.from : new CheckCache(environment)
    else if (cache.directory !== undefined) {
      const place = placeCache(cache.directory, cwd, options)
      if ('file' in place) plan.cacheFile = place.file
      else warn(plan, cacheWarning(cache.directory, place.unusable))
      plan.cache = plan.cacheFile === undefined ? new CheckCache(environment) : loadCache(plan.cacheFile, environment, options.registry)
    } else plan.cache = new CheckCache(environment)
  }
  return plan
}

/** The check options of a run: its config (loaded unless given), registers and today. */
export function planOptions(
  input: Pick<RunInput, 'mode' | 'registry' | 'today' | 'config' | 'configFile' | 'registers' | 'collect'>,
  cwd: string,
): CheckOptions {
  const registry = input.registry ?? defaultRegistry()
  const config = input.config ?? loadConfig(cwd, input.configFile, registry)
  const registerOf = <T>(
    flag: string | undefined,
    configured: string | undefined,
    read: (file: string, shown: string) => T,
  ): T | undefined => {
    const file = registerPath(flag, configured, config, cwd)
    return file === undefined ? undefined : read(file, (flag ?? configured)!)
  }
  const register = registerOf(input.registers?.ods, config.ods, readRegister)
  const trusts = registerOf(input.registers?.trusts, config.trusts, readTrustRegister)
  return {
    mode: input.mode,
    registry,
    today: checkToday(input.today),
    config,
    collectSites: input.collect?.sites,
    register,
    ...(trusts ? {trusts} : {}),
  }
}

/** Phase 1 of one source, in this thread; from the cache when its text and name are unchanged. */
export function inspectSource(plan: RunPlan, source: Source): Inspected {
  const {input, options, cwd, cache} = plan
  const {filePath, text, name, bom, once} = read(source, input, cwd, limitsOf(options.config).maxFileSize)
  const key = source.kind === 'file' ? source.path : '-'
  const hash = cache ? contentHash(filePath, name, text) : ''
  const fixes = input.collect?.fixes === true
  let file = cache?.get(key, hash, fixes)
  if (!file) {
    file = keptCompact(inspectRead(filePath, text, name, options), plan.strings)
    cache?.set(key, hash, file)
  }
  return {file, source, ...(fixes && typeof text === 'string' ? {text: {text, bom}} : {}), ...keptForPhase2(text, once, options)}
}

/**
 * A checked file as a run keeps it until phase 3 (issue 20): each finding's message and pointer the
 * one string of every finding that says the same (lint's commonest findings read alike in every
 * file: at 50,000 files they were 10 MB of copies), and its findings in an array no longer than
 * they are. Nothing that is read changes.
 */
export function keptCompact(file: CheckedFile, strings: Map<string, string> | undefined): CheckedFile {
  if (!strings || file.findings.length === 0) return file
  const shared = (text: string): string => {
    const known = strings.get(text)
    if (known !== undefined) return known
    strings.set(text, text)
    return text
  }
  for (const found of file.findings) {
    found.message = shared(found.message)
    found.path = shared(found.path)
  }
  file.findings = file.findings.slice()
  return file
}

/** Phase 2 reads a file again when it shares a key; a FIFO or a device cannot be, so its text is kept. */
export function keptForPhase2(text: FileText, once: boolean, _options: CheckOptions): {again?: string} {
  return once && typeof text === 'string' ? {again: text} : {}
}

/** Phase 1 of text already read: a definition's checks, or one finding when it is not UTF-8 text or is too large. */
export function inspectRead(filePath: string, text: FileText, name: string | undefined, options: CheckOptions): CheckedFile {
  if (typeof text === 'string') return inspectText(filePath, text, options, name)
  if (text instanceof Uint8Array) return notText(filePath, text, options.registry)
  const {maxFileSize} = limitsOf(options.config)
  const message = `The file is ${tooLargeMessage(text.tooLarge, maxFileSize, 'limits.maxFileSize in the config')}`
  return unreadable(
    filePath,
    finding('yaml/syntax', message, {line: 1, column: 1, endLine: 1, endColumn: 1}, '', options.registry.meta('yaml/syntax')),
  )
}

/**
 * Phases 2 and 3 over every file's phase 1, in the order of the sources. With `each`, each result
 * goes to it as soon as it is finished and is not kept (RunOutput.results is then empty), so that
 * a run of many files can write its output without holding every result.
 */
export function finishRun(plan: RunPlan, inspected: PhaseOne | readonly Inspected[], each?: (result: FileResult) => void): RunOutput {
  const phaseOne = isPhaseOne(inspected) ? inspected : new KeptPhaseOne(inspected)
  const results: FileResult[] = []
  const fixes: FileFix[] = []
  const sites: RunOutput['sites'] = []
  try {
    forEachFinished(plan, phaseOne, phaseOne.entries(), ({result, edits}, {file, source, text}) => {
      for (const site of file.sites ?? []) sites.push({...site, filePath: file.filePath})
      if (each) each(result)
      else results.push(result)
      if (text && edits.length > 0) {
        fixes.push({path: source.kind === 'file' ? source.path : undefined, filePath: file.filePath, text: text.text, bom: text.bom, edits})
      }
    })
  } finally {
    phaseOne.close()
  }
  // A cache that cannot be written costs the next run time, never this run its result.
  const unsaved = plan.cache && plan.cacheFile ? saveCache(plan.cacheFile, plan.cache) : undefined
  if (unsaved !== undefined) warn(plan, cacheWarning(plan.input.cache!.directory!, unsaved))
  return {results, fixes, sites, warnings: plan.warnings ?? [], ...(plan.cache ? {cache: plan.cache} : {})}
}

/** A warning of the run, for RunOutput.warnings. */
function warn(plan: RunPlan, warning: string): void {
  plan.warnings = [...(plan.warnings ?? []), warning]
}

/**
 * Phase 2 over every file of `inspected`, then phase 3 of those in `wanted` (all of them for a
 * run; the open documents for the editor), in the order of `wanted`.
 */
export function finishFiles(plan: RunPlan, inspected: readonly Inspected[], wanted: readonly Inspected[]): FinishedFile[] {
  const finished: FinishedFile[] = []
  const indexOf = new Map(inspected.map((item, index) => [item, index]))
  const entries = wanted.map((item): [number, Inspected] => [indexOf.get(item)!, item])
  forEachFinished(plan, new KeptPhaseOne(inspected), entries, (file) => finished.push(file))
  return finished
}

/** Phase 2 over `phaseOne`, then phase 3 of the `wanted` files (by their index in it), each handed to `visit` with its phase 1 as soon as it is finished. */
function forEachFinished(
  plan: RunPlan,
  phaseOne: PhaseOne,
  wanted: Iterable<[number, Inspected]>,
  visit: (finished: FinishedFile, item: Inspected) => void,
): void {
  const {options} = plan
  const repo = repoFindings(phaseOne.claims, claimSource(rereader(plan, phaseOne), options), options.registry)
  const {definitions} = phaseOne
  for (const [index, item] of wanted) visit(finishFile(item.file, repo.get(index) ?? [], options, definitions), item)
}

function isPhaseOne(inspected: PhaseOne | readonly Inspected[]): inspected is PhaseOne {
  return !Array.isArray(inspected)
}

/** Check one text as a file of its own (all three phases); for tests and the API. */
export function checkText(
  text: string,
  options: {
    mode: Mode
    registry?: Registry
    today?: string
    config?: Config
    fileName?: string
    register?: OdsRegister
    trusts?: TrustRegister
  },
): {documents: number; messages: Message[]} {
  const config = options.config ?? {dir: process.cwd(), rules: new Map(), ignore: []}
  const full: CheckOptions = {
    mode: options.mode,
    registry: options.registry ?? defaultRegistry(),
    today: checkToday(options.today),
    config,
    register: options.register,
    trusts: options.trusts,
  }
  const file = inspectText(options.fileName ?? '<text>', text, full, options.fileName)
  const claims = new ClaimIndex()
  claims.addPacked(0, file.claims)
  const repo = repoFindings(
    claims,
    claimSource(() => ({filePath: file.filePath, text}), full),
    full.registry,
  )
  const {result} = finishFile(file, repo.get(0) ?? [], full)
  return {documents: result.documents, messages: result.messages}
}

/** Phase 2's text of a file of the run (by its index) and the path it is shown with: read again, or kept when it cannot be; no text when it is gone. */
function rereader(plan: RunPlan, phaseOne: PhaseOne): (index: number) => {filePath: string; text?: FileText} {
  return (index) => {
    const {source, again} = phaseOne.origin(index)
    if (again !== undefined) return again
    try {
      const {filePath, text} = read(source, plan.input, plan.cwd, limitsOf(plan.options.config).maxFileSize)
      return {filePath, text}
    } catch {
      return {filePath: ''} // gone or unreadable since phase 1: no claims, so the path is never shown
    }
  }
}

/** Phase 2's whole claims of a file, from its text read again; none when it is gone or no longer text. */
function claimSource(textOf: (index: number) => {filePath: string; text?: FileText}, options: CheckOptions): ClaimSource {
  return (index) => {
    const {filePath, text} = textOf(index)
    return {filePath, claims: typeof text === 'string' ? placedClaims(text, options) : []}
  }
}

const lenientUtf8 = new TextDecoder('utf-8')

/** A file that is not UTF-8 text: one yaml/syntax finding at its first bad byte. */
function notText(filePath: string, bytes: Uint8Array, registry: Registry): CheckedFile {
  const before = lenientUtf8.decode(bytes).split('\uFFFD', 1)[0]!
  const lines = before.split(LINE_BREAK)
  const line = lines.length
  const column = lines.at(-1)!.length + 1
  return unreadable(
    filePath,
    finding(
      'yaml/syntax',
      'The file is not UTF-8 text (it may be binary, or saved in another encoding)',
      {line, column, endLine: line, endColumn: column + 1},
      '',
      registry.meta('yaml/syntax'),
    ),
  )
}

/** A file whose text cannot be checked: its one finding. */
function unreadable(filePath: string, found: Finding): CheckedFile {
  return {filePath, documents: 0, claims: '', exceptions: [], directives: [], findings: [found]}
}
