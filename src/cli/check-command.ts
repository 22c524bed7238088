// The body shared by validate and lint: parse paths and flags, run the engine, format, exit code.
import {Chalk, supportsColor} from 'chalk'
import type {FileResult, Mode} from '../engine/types.js'
import {UsageError} from '../engine/load.js'
import {loadFormatter, type FormatName} from '../formatters/index.js'

export interface CheckFlags {
  format?: string
  output?: string
  quiet: boolean
  today?: string
  color?: boolean
  'stdin-filename'?: string
  'max-warnings'?: number
}

/** Runs a check and returns the exit code (0, 1), throwing UsageError for a failed run (2). */
export async function runCheckCommand(mode: Mode, paths: string[], flags: CheckFlags): Promise<number> {
  const today = checkToday(flags.today)
  const stdin = paths.includes('-') ? await readStdin() : undefined
  const {run} = await import('../engine/run.js')
  const results = run({mode, today, paths, stdin, stdinFilename: flags['stdin-filename']})
  const shown = flags.quiet ? results.map(errorsOnly) : results
  const format = (flags.format ?? 'stylish') as FormatName
  const formatter = await loadFormatter(format)
  const toFile = flags.output !== undefined
  const text = formatter(shown, {color: new Chalk({level: colorLevel(flags.color, toFile)})})
  if (toFile) {
    const {writeFileAtomic} = await import('../engine/write.js')
    try {
      writeFileAtomic(flags.output!, text)
    } catch (error) {
      throw new UsageError(`Cannot write ${flags.output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
    }
  } else {
    process.stdout.write(text)
  }
  return exitCode(results, flags['max-warnings'])
}

export function exitCode(results: readonly FileResult[], maxWarnings?: number): number {
  const errors = results.reduce((n, r) => n + r.errorCount, 0)
  const warnings = results.reduce((n, r) => n + r.warningCount, 0)
  return errors > 0 || (maxWarnings !== undefined && maxWarnings >= 0 && warnings > maxWarnings) ? 1 : 0
}

function errorsOnly(result: FileResult): FileResult {
  const messages = result.messages.filter((m) => m.severity === 'error')
  return {...result, warningCount: 0, messages}
}

function checkToday(value: string | undefined): string {
  if (value === undefined) {
    const now = new Date()
    const pad = (n: number): string => String(n).padStart(2, '0')
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`--today must be a real date written YYYY-MM-DD, not "${value}"`)
  }
  return value
}

/** No colour for files, NO_COLOR, --no-color or a stdout that is not a terminal; --color forces it. */
function colorLevel(flag: boolean | undefined, toFile: boolean): 0 | 1 | 2 | 3 {
  if (toFile || flag === false) return 0
  const detected = supportsColor ? supportsColor.level : 0
  if (flag === true) return detected || 1
  if (process.env.NO_COLOR || !process.stdout.isTTY) return 0
  return detected
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
