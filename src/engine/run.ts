// A whole run: resolve paths, read and check each file (phase 1), the repo-scope rules across
// files (phase 2), then each file's exceptions, config and directives (phase 3).
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {finding, finishFile, inspectText, type CheckedFile, type CheckOptions, type SiteFacts, type TextEdit} from './check.js'
import {loadConfig, type Config} from './config.js'
import {picomatch} from './lazy.js'
import {readRegister, type OdsRegister} from './ods.js'
import {resolvePaths, UsageError, type Source} from './load.js'
import {repoFindings} from './repo.js'
import type {FileResult, Message, Mode} from './types.js'

export interface RunInput {
  mode: Mode
  /** "Today" for date-dependent rules, YYYY-MM-DD. */
  today: string
  paths: readonly string[]
  cwd?: string
  /** Bytes (or text) of `-`; read by the caller so the engine never touches process streams. */
  stdin?: string | Uint8Array
  stdinFilename?: string
  /** --config; without it the nearest .pchrc.* is used. */
  configFile?: string
  /** An already loaded config (takes precedence over configFile). */
  config?: Config
  /** Texts to check instead of the files' contents (after --fix), by absolute path. */
  overrides?: ReadonlyMap<string, string>
  /** Keep each file's text and its fix edits (for --fix). */
  collectFixes?: boolean
  /** Record each definition's key figures (for pch report). */
  collectSites?: boolean
  /** --ods: an ODS practice register (epraccur.csv); without it, `ods:` of the config. */
  odsFile?: string
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
  results: FileResult[]
  fixes: FileFix[]
  /** With collectSites: every readable definition's key figures, with its file. */
  sites: Array<SiteFacts & {filePath: string}>
}

export function run(input: RunInput): RunOutput {
  const cwd = input.cwd ?? process.cwd()
  const config = input.config ?? loadConfig(cwd, input.configFile)
  const odsFile = input.odsFile ?? config.ods
  const register = odsFile === undefined ? undefined : readRegister(path.resolve(input.odsFile === undefined ? config.dir : cwd, odsFile), odsFile)
  const options: CheckOptions = {mode: input.mode, today: input.today, config, collectSites: input.collectSites, register}
  const sources = resolvePaths(input.paths, cwd, ignoreMatcher(config))
  const texts = new Map<CheckedFile, {source: Source; text: string; bom: boolean}>()
  const checked = sources.map((source) => {
    const {filePath, text, name, bom} = read(source, input, cwd)
    const file = typeof text === 'string' ? inspectText(filePath, text, options, name) : notText(filePath, text)
    if (input.collectFixes && typeof text === 'string') texts.set(file, {source, text, bom})
    return file
  })
  const repo = input.mode === 'lint' ? repoFindings(checked) : new Map()
  options.definitionsInRun = checked.reduce((n, file) => n + file.documents, 0)
  const results: FileResult[] = []
  const fixes: FileFix[] = []
  for (const file of checked) {
    const {result, edits} = finishFile(file, repo.get(file) ?? [], options)
    results.push(result)
    const original = texts.get(file)
    if (original && edits.length > 0) {
      fixes.push({path: original.source.kind === 'file' ? original.source.path : undefined, filePath: file.filePath, text: original.text, bom: original.bom, edits})
    }
  }
  const sites = checked.flatMap((file) => (file.sites ?? []).map((site) => ({...site, filePath: file.filePath})))
  return {results, fixes, sites}
}

/** Check one text as a file of its own (all three phases); for tests and the API. */
export function checkText(
  text: string,
  options: {mode: Mode; today: string; config?: Config; fileName?: string; register?: OdsRegister; fastPath?: boolean},
): {documents: number; messages: Message[]} {
  const config = options.config ?? {dir: process.cwd(), rules: new Map(), ignore: []}
  const full: CheckOptions = {mode: options.mode, today: options.today, config, register: options.register, fastPath: options.fastPath}
  const file = inspectText(options.fileName ?? '<text>', text, full, options.fileName)
  const repo = options.mode === 'lint' ? repoFindings([file]) : new Map()
  const {result} = finishFile(file, repo.get(file) ?? [], full)
  return {documents: result.documents, messages: result.messages}
}

export function ignoreMatcher(config: Config): ((file: string) => boolean) | undefined {
  if (config.ignore.length === 0) return undefined
  // "archive", "archive/" and "/archive/**" name a directory as "archive/**" does.
  const patterns = config.ignore.flatMap((raw) => {
    const pattern = raw.replace(/^\//, '').replace(/\/$/, '')
    return /[*?[\]{}]/.test(pattern) ? [pattern] : [pattern, `${pattern}/**`]
  })
  const matches = picomatch()(patterns, {dot: true})
  return (file) => {
    const relative = path.relative(config.dir, file).split(path.sep).join('/')
    return !relative.startsWith('../') && matches(relative)
  }
}

interface ReadSource {
  filePath: string
  name: string | undefined
  /** The text without a byte-order mark, or the bytes when they are not UTF-8. */
  text: string | Uint8Array
  bom: boolean
}

/** Standard input and files are read alike: bytes, a byte-order mark noted, strict UTF-8. */
function read(source: Source, input: RunInput, cwd: string): ReadSource {
  if (source.kind === 'stdin') {
    if (input.stdin === undefined) throw new UsageError('No standard input was given for -')
    return {...fromBytes(input.stdin), filePath: input.stdinFilename ?? '<stdin>', name: input.stdinFilename}
  }
  const filePath = displayPath(source.path, cwd)
  const override = input.overrides?.get(source.path)
  return {...fromBytes(override ?? readFile(source.path)), filePath, name: filePath}
}

/** A definition file's text (without a byte-order mark, noted), or its bytes when they are not UTF-8. */
export function readDefinition(file: string): {text: string | Uint8Array; bom: boolean} {
  return fromBytes(readFile(file))
}

function fromBytes(content: string | Uint8Array): {text: string | Uint8Array; bom: boolean} {
  if (typeof content === 'string') return {text: content.replace(/^\uFEFF/, ''), bom: content.startsWith('\uFEFF')}
  const bom = content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf
  return {text: decode(content) ?? content, bom}
}

function readFile(file: string): Buffer {
  try {
    return readFileSync(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (code ?? 'unknown error')
    throw new UsageError(`Cannot read ${file}: ${why}`)
  }
}

const strictUtf8 = new TextDecoder('utf-8', {fatal: true})
const lenientUtf8 = new TextDecoder('utf-8')

/** The file's text without its byte-order mark, or undefined when it is not UTF-8. */
function decode(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes)
  } catch {
    return undefined
  }
}

/** A file that is not UTF-8 text: one yaml/syntax finding at its first bad byte. */
function notText(filePath: string, bytes: Uint8Array): CheckedFile {
  const before = lenientUtf8.decode(bytes).split('\uFFFD', 1)[0]!
  const lines = before.split('\n')
  const line = lines.length
  const column = lines.at(-1)!.length + 1
  return {
    filePath,
    documents: 0,
    claims: [],
    exceptions: [],
    directives: [],
    findings: [finding('yaml/syntax', 'The file is not UTF-8 text (it may be binary, or saved in another encoding)', {line, column, endLine: line, endColumn: column + 1}, '')],
  }
}

/** Paths in output: relative to the working directory when below it, with forward slashes. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file)
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file
  return shown.split(path.sep).join('/')
}
