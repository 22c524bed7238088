// The body shared by validate and lint: parse paths and flags, run the engine, fix, format, exit code.
import {Chalk, supportsColor, type ChalkInstance} from 'chalk'
import type {FileResult, Mode} from '../rule-api/types.js'
import {UsageError} from '../engine/io/load.js'
import type {RunInput, RunOutput} from '../engine/pipeline/run.js'
import type {FileWrite} from '../engine/io/write.js'
import {checkToday} from '../engine/pipeline/today.js'
import {registry} from '../rules/registry.js'
import {loadFormatter, loadStreamFormatter, type FormatName} from '../formatters/index.js'
import type {SuppressionFlags} from './suppressions.js'
import type {BaselineResult} from '../formatters/baseline.js'
import type {FormatContext} from '../formatters/formatter.js'

export {checkToday}

export interface CheckFlags extends SuppressionFlags {
  format?: string[]
  output?: string[]
  quiet: boolean
  today?: string
  color?: boolean
  config?: string
  'stdin-filename'?: string
  'max-warnings'?: number
  fix?: boolean
  'fix-dry-run'?: boolean
  ods?: string
  trusts?: string
  cache?: boolean
  'cache-location'?: string
  concurrency?: string
  baseline?: string
}

/** Runs a check and returns the exit code (0, 1), throwing UsageError for a failed run (2). */
export async function runCheckCommand(
  mode: Mode,
  paths: string[],
  flags: CheckFlags,
  context: {version: string; argv: readonly string[]},
): Promise<number> {
  const today = checkToday(flags.today)
  const reports = pairReports(context.argv, flags.format, flags.output)
  const fixing = Boolean(flags.fix || flags['fix-dry-run'])
  if (flags.fix && paths.includes('-')) throw new UsageError('--fix cannot rewrite standard input; use --fix-dry-run to see the changes')
  const concurrency = checkConcurrency(flags.concurrency)
  const [{run}, {runParallel}, {DEFAULT_CACHE_LOCATION}, {limitsOf, loadConfig}, {readStreamBounded}] = await Promise.all([
    import('../engine/pipeline/run.js'),
    import('../engine/parallel/parallel.js'),
    import('../engine/cache/cache.js'),
    import('../engine/config/config.js'),
    import('../engine/io/read.js'),
  ])
  // The config first, so that standard input is read no further than limits.maxFileSize.
  const config = loadConfig(process.cwd(), flags.config, registry)
  const stdin = paths.includes('-') ? await readStreamBounded(process.stdin, limitsOf(config).maxFileSize) : undefined
  const input: RunInput = {
    mode,
    registry,
    today,
    paths,
    stdin,
    stdinFilename: flags['stdin-filename'],
    config,
    collect: {fixes: fixing},
    registers: {...(flags.ods === undefined ? {} : {ods: flags.ods}), ...(flags.trusts === undefined ? {} : {trusts: flags.trusts})},
    // --cache keeps results in a directory; --fix re-checks what it changed, so the first run's
    // results of the other files are kept in memory.
    ...(flags.cache
      ? {cache: {version: context.version, directory: flags['cache-location'] ?? DEFAULT_CACHE_LOCATION}}
      : fixing
        ? {cache: {version: context.version}}
        : {}),
  }
  // lint's suppressions (validate ignores them: its verdict is locked), read before any work.
  const suppressions =
    mode === 'lint' ? (await import('./suppressions.js')).planSuppressions(flags, paths, config, process.cwd()) : undefined
  const baseline = flags.baseline === undefined ? undefined : await readBaseline(flags.baseline, reports)
  const baselineFile = flags.baseline === undefined ? [] : [flags.baseline]
  await refuseOutputsOverInputs(
    [
      ...reports.flatMap((r) => (r.file === undefined ? [] : [r.file])),
      ...(suppressions?.writes === undefined ? [] : [suppressions.writes]),
    ],
    input,
    baselineFile,
  )
  const colors = (toFile: boolean): ChalkInstance => new Chalk({level: colorLevel(flags.color, toFile)})
  const rules = registry.ruleSetOf(config).metas
  // Written as it goes when nothing needs every result first (issue 20): the results are not kept.
  const streamed =
    fixing || baseline || !(suppressions?.inert ?? true) || reports.length !== 1 || reports[0]!.file !== undefined
      ? undefined
      : await loadStreamFormatter(reports[0]!.format)
  if (streamed) {
    const format = streamed({color: colors(false), rules, version: context.version})
    const out = chunkedStdout()
    let [errors, warnings, files] = [0, 0, 0]
    const {warnings: notes} = await runParallel(input, concurrency, (result) => {
      // The head waits for the first file, so that a run that fails before any writes nothing.
      if (files++ === 0) out.write(format.head())
      errors += result.errorCount
      warnings += result.warningCount
      out.write(format.file(flags.quiet ? errorsOnly(result) : result))
    })
    for (const warning of notes) process.stderr.write(`pch: warning: ${warning}\n`)
    if (files === 0) out.write(format.head())
    out.write(format.tail(warningsNote(warnings, flags).warnings))
    out.end()
    return verdict(errors, warnings, flags['max-warnings'])
  }
  let output = await runParallel(input, concurrency)
  // A cache that cannot be used changes no result: one line each, and the run goes on.
  for (const warning of output.warnings) process.stderr.write(`pch: warning: ${warning}\n`)
  if (fixing && output.fixes.length > 0) {
    output = flags['fix-dry-run'] ? await showFixes(output, run, input) : await applyFixes(output, run, input)
    if (flags['fix-dry-run']) return exitCode(output.results, flags['max-warnings'])
  }
  const suppressed = suppressions ? await suppressions.finish(output.results) : {results: output.results, exit: 0}
  const shown = flags.quiet ? suppressed.results.map(errorsOnly) : suppressed.results
  // A report that cannot be written does not cost the others: each is written, then the first failure is the run's.
  let failed: unknown
  for (const {format, file} of reports) {
    const formatter = await loadFormatter(format)
    const text = formatter(shown, {
      color: colors(file !== undefined),
      rules,
      version: context.version,
      ...warningsNote(
        suppressed.results.reduce((n, r) => n + r.warningCount, 0),
        flags,
      ),
      ...(format === 'sarif' && baseline ? {baseline} : {}),
    })
    if (file === undefined) process.stdout.write(text)
    else await writeOrFail(file, text).catch((error: unknown) => (failed ??= error))
  }
  if (failed !== undefined) throw failed
  return Math.max(exitCode(suppressed.results, flags['max-warnings']), suppressed.exit)
}

/** --baseline: an earlier SARIF log of pch, read through the bounded reader; only --format sarif takes it. */
async function readBaseline(file: string, reports: readonly Report[]): Promise<BaselineResult[]> {
  if (!reports.some((r) => r.format === 'sarif'))
    throw new UsageError('--baseline sets the baselineState of SARIF results: give it with --format sarif')
  const [{EARLIER_RUN_FILE, readDataText}, {parseBaseline}, {existsSync}] = await Promise.all([
    import('../engine/io/read.js'),
    import('../formatters/baseline.js'),
    import('node:fs'),
  ])
  if (!existsSync(file)) throw new UsageError(`--baseline ${file} does not exist`)
  return parseBaseline(readDataText(file, {...EARLIER_RUN_FILE, shown: file, expected: 'a SARIF log (pch lint --format sarif)'}), file)
}

export interface Report {
  format: FormatName
  /** Undefined: standard output. */
  file?: string
}

/**
 * Which report goes where. An --output belongs to the --format written just before it (or, written
 * before any format, to the next one), so `-f stylish -f sarif -o pch.sarif` and
 * `-f junit -o pch.xml -f stylish` both mean what they say. At most one report goes to standard
 * output. With no --format the default is stylish, or github when running in GitHub Actions.
 * `argv` is the command line as typed; `formats` and `outputs` are oclif's parse of it.
 */
export function pairReports(argv: readonly string[], formats: string[] = [], outputs: string[] = []): Report[] {
  const fallback: FormatName = process.env.GITHUB_ACTIONS === 'true' ? 'github' : 'stylish'
  const entries: Array<{format?: string; file?: string}> = []
  for (const {flag, value} of scanFlags(argv)) {
    const last = entries.at(-1)
    if (flag === 'format') {
      if (last && last.file !== undefined && last.format === undefined) last.format = value
      else entries.push({format: value})
    } else if (last && last.format !== undefined && last.file === undefined) {
      last.file = value
    } else {
      entries.push({file: value})
    }
  }
  // The scan must agree with oclif's parse; if some spelling escaped it, pair in order instead.
  const scanned = (key: 'format' | 'file'): string[] => entries.flatMap((e) => (e[key] === undefined ? [] : [e[key]!]))
  if (scanned('format').join('\0') !== formats.join('\0') || scanned('file').join('\0') !== outputs.join('\0')) {
    entries.length = 0
    formats.forEach((format, i) => entries.push({format, file: outputs[i]}))
    outputs.slice(formats.length).forEach((file) => entries.push({file}))
  }
  if (entries.length === 0) entries.push({})
  // Without any --format, one --output takes the default format; every other one needs its own.
  const dangling = entries.filter((e) => e.format === undefined)
  if (dangling.length > (formats.length > 0 ? 0 : 1))
    throw new UsageError(`--output ${dangling.at(-1)!.file} has no --format before or after it`)
  if (entries.filter((e) => e.file === undefined).length > 1) {
    throw new UsageError('Only one --format can go to standard output: give the others an --output FILE each')
  }
  // Annotations are for the Actions log: a file without a --format gets stylish.
  return entries.map((e) => ({
    format: (e.format ?? (e.file === undefined ? fallback : 'stylish')) as FormatName,
    ...(e.file === undefined ? {} : {file: e.file}),
  }))
}

/** --format/-f and --output/-o occurrences in command-line order, in oclif's spellings. */
function scanFlags(argv: readonly string[]): Array<{flag: 'format' | 'output'; value: string}> {
  const found: Array<{flag: 'format' | 'output'; value: string}> = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') break
    const match = /^(?:--(format|output)(?:=(.*))?|-([fo])(.+)?)$/s.exec(arg)
    if (!match) continue
    const flag = match[1] === 'format' || match[3] === 'f' ? 'format' : 'output'
    const inline = match[2] ?? match[4]
    const value = inline ?? argv[++i]
    if (value !== undefined) found.push({flag, value})
  }
  return found
}

/**
 * --fix: write every fixed file (all temp files first, then every rename, so a failure leaves every
 * file as it was), then report what the fixed files still hold.
 */
async function applyFixes(output: RunOutput, run: (input: RunInput) => RunOutput, input: RunInput): Promise<RunOutput> {
  const [{applyEdits}, {writeFilesAtomic}] = await Promise.all([import('../engine/pipeline/fix.js'), import('../engine/io/write.js')])
  const overrides = new Map<string, string>()
  const writes: FileWrite[] = []
  for (const fix of output.fixes) {
    if (fix.path === undefined) continue
    const bom = fix.bom ? '\uFEFF' : ''
    const content = `${bom}${applyEdits(fix.text, fix.edits)}`
    overrides.set(fix.path, content)
    // Not over a change another process made since the run read the file.
    writes.push({file: fix.path, content, read: `${bom}${fix.text}`})
  }
  try {
    writeFilesAtomic(writes)
  } catch (error) {
    throw new UsageError(`${(error as Error).message}; each file holds either its old or its fixed content`)
  }
  return run(again(input, output, {overrides}))
}

/** --fix-dry-run: print a unified diff of what --fix would write; the exit code is as after the fix. */
async function showFixes(output: RunOutput, run: (input: RunInput) => RunOutput, input: RunInput): Promise<RunOutput> {
  const [{applyEdits}, {patch}] = await Promise.all([import('../engine/pipeline/fix.js'), import('../formatters/patch.js')])
  const overrides = new Map<string, string>()
  let stdin: RunInput['stdin'] = input.stdin
  for (const fix of output.fixes) {
    const fixed = applyEdits(fix.text, fix.edits)
    process.stdout.write(patch(fix.filePath, fix.text, fixed))
    if (fix.path === undefined) stdin = fixed
    else overrides.set(fix.path, fixed)
  }
  return run(again(input, output, {stdin, overrides}))
}

/** The run after a fix: the fixed texts, checked with the first run's results of the files that did not change. */
function again(input: RunInput, output: RunOutput, texts: Pick<RunInput, 'stdin' | 'overrides'>): RunInput {
  const {collect: _collect, cache, ...rest} = input
  return {...rest, ...texts, ...(output.cache && cache ? {cache: {version: cache.version, from: output.cache}} : {})}
}

/** --concurrency: off (one thread, the default), auto, or a whole number of threads. */
export function checkConcurrency(value: string | undefined): number | 'auto' {
  if (value === 'auto') return 'auto'
  if (value === undefined || value === 'off') return 1
  if (/^[1-9]\d{0,2}$/.test(value)) return Number(value)
  throw new UsageError(`--concurrency must be auto, off or a number of threads from 1 to 999, not "${value}"`)
}

/** Before any work: no --output may be one of the run's inputs (its definitions, config, registers and `others`, such as a baseline). */
export async function refuseOutputsOverInputs(outputs: readonly string[], input: RunInput, others: readonly string[] = []): Promise<void> {
  if (outputs.length === 0) return
  const [{runInputs}, {refuseInputsAsOutputs}] = await Promise.all([import('../engine/pipeline/run.js'), import('../engine/io/write.js')])
  try {
    refuseInputsAsOutputs(outputs, [...runInputs(input), ...others])
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

export async function writeOrFail(file: string, text: string): Promise<void> {
  const {writeFileAtomic, makeDirectoryFor} = await import('../engine/io/write.js')
  try {
    makeDirectoryFor(file)
    writeFileAtomic(file, text)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

export function exitCode(results: readonly FileResult[], maxWarnings?: number): number {
  return verdict(
    results.reduce((n, r) => n + r.errorCount, 0),
    results.reduce((n, r) => n + r.warningCount, 0),
    maxWarnings,
  )
}

/** The exit code of a run's counts: 1 for any error, or for more warnings than --max-warnings allows. */
function verdict(errors: number, warnings: number, maxWarnings: number | undefined): number {
  return errors > 0 || (maxWarnings !== undefined && maxWarnings >= 0 && warnings > maxWarnings) ? 1 : 0
}

/** Standard output in chunks of about 64 KiB: few writes, and never the whole output in memory. */
function chunkedStdout(): {write(text: string): void; end(): void} {
  let parts: string[] = []
  let size = 0
  const flush = (): void => {
    if (size > 0) process.stdout.write(parts.join(''))
    parts = []
    size = 0
  }
  return {
    write(text) {
      parts.push(text)
      size += text.length
      if (size >= 65_536) flush()
    },
    end: flush,
  }
}

/** What the summary must say of warnings (`count`: all of the run's) that it does not list (--quiet) or that exceed --max-warnings. */
function warningsNote(count: number, flags: Pick<CheckFlags, 'quiet' | 'max-warnings'>): Pick<FormatContext, 'warnings'> {
  if (!flags.quiet && flags['max-warnings'] === undefined) return {}
  return {warnings: {count, hidden: flags.quiet, ...(flags['max-warnings'] === undefined ? {} : {max: flags['max-warnings']})}}
}

function errorsOnly(result: FileResult): FileResult {
  const messages = result.messages.filter((m) => m.severity === 'error')
  const suppressed = result.suppressedMessages?.filter((m) => m.severity === 'error')
  return {...result, warningCount: 0, messages, ...(suppressed ? {suppressedMessages: suppressed} : {})}
}

/** No colour for files, NO_COLOR, --no-color or a stdout that is not a terminal; --color forces it. */
function colorLevel(flag: boolean | undefined, toFile: boolean): 0 | 1 | 2 | 3 {
  if (toFile || flag === false) return 0
  const detected = supportsColor ? supportsColor.level : 0
  if (flag === true) return detected || 1
  if (process.env.NO_COLOR || !process.stdout.isTTY) return 0
  return detected
}
