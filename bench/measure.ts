// How the benchmark times a command: one child process a run, its wall time, its CPU time (from /proc,
// threads included) and, in runs of their own, its peak resident set size (a --require probe writes
// process.resourceUsage().maxRSS, worker threads included, as the process exits). Commands take turns
// round by round, so a spell of load on a shared machine falls on all of them alike.
import {spawnSync} from 'node:child_process'
import {existsSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'

export interface Command {
  name: string
  argv: string[]
  files: number
  /** Run before each run, untimed (the import's output directory is emptied). */
  prepare?: () => void
  /** Extra environment (another Node's compile cache). */
  env?: Record<string, string>
}

export interface Measured {
  command: Command
  /** Median wall time. */
  seconds: number
  /** Median CPU time, user and system (the process and its threads). */
  cpu: number
  /** Peak resident set size in bytes; NaN where it could not be read. */
  rss: number
}

export interface Run {
  seconds: number
  cpu: number
  rss?: number
  stdout?: string
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** CPU time (user and system) of the children this process has waited for, in seconds; NaN where /proc has no such figure. */
function childrenCpu(): number {
  try {
    // Fields 16 and 17 of /proc/self/stat, after the command name in parentheses: cutime and cstime, in clock ticks (100 a second).
    const fields = readFileSync('/proc/self/stat', 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ')
    return (Number(fields[13]) + Number(fields[14])) / 100
  } catch {
    return Number.NaN
  }
}

export class Timer {
  private readonly probe: string
  private readonly rssFile: string

  constructor(work: string) {
    this.probe = path.join(work, 'rss-probe.cjs')
    this.rssFile = path.join(work, 'rss.txt')
    // Records the process's peak resident set size (workers included) as it exits.
    writeFileSync(
      this.probe,
      `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(this.rssFile)}, String(process.resourceUsage().maxRSS)))\n`,
    )
  }

  /** One run of `command`; with `probe`, its peak memory too; with `keep`, its standard output. */
  once(command: Command, probe: boolean, keep = false): Run {
    rmSync(this.rssFile, {force: true})
    command.prepare?.()
    const env = {...process.env, NO_COLOR: '1', ...command.env, ...(probe ? {NODE_OPTIONS: `--require ${this.probe}`} : {})}
    const cpuBefore = childrenCpu()
    const started = process.hrtime.bigint()
    const result = spawnSync(command.argv[0]!, command.argv.slice(1), {
      env,
      stdio: ['ignore', keep ? 'pipe' : 'ignore', 'pipe'],
      maxBuffer: 1 << 30,
    })
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    const cpu = childrenCpu() - cpuBefore
    // pch, ajv-cli and the floor exit 1 for findings or invalid files: expected here; 2 is a failed run.
    if (result.status !== 0 && result.status !== 1)
      throw new Error(`${command.name} exited ${result.status}: ${result.stderr.toString().slice(0, 500)}`)
    return {
      seconds,
      cpu,
      ...(probe && existsSync(this.rssFile) ? {rss: Number(readFileSync(this.rssFile, 'utf8')) * 1024} : {}),
      ...(keep ? {stdout: result.stdout.toString()} : {}),
    }
  }

  /**
   * Each command `runs` times, round by round, after one warm-up round (the file system's cache, and
   * pch's --cache, filled); then peak memory from one more run of each. `everyRun` measures memory in
   * the timed runs instead, with no warm-up (for the longest commands, run fewer times: the probe
   * costs only a require).
   * `observe` hands one command's output of the warm-up run to a check of what it found.
   */
  measure(
    commands: readonly Command[],
    runs: number,
    options: {everyRun?: boolean; observe?: {command: Command; stdout: (text: string) => void}} = {},
  ): Measured[] {
    const probe = options.everyRun === true
    // The long runs measured every time skip the warm-up: their files were just written, so they are
    // in the file system's cache already, and a warm-up of 50,000 files costs a minute.
    if (!probe)
      for (const command of commands) {
        const observed = command === options.observe?.command
        const run = this.once(command, false, observed)
        if (observed) options.observe!.stdout(run.stdout!)
      }
    const rounds = commands.map((): Run[] => [])
    for (let round = 0; round < runs; round++) commands.forEach((command, i) => rounds[i]!.push(this.once(command, probe)))
    return commands.map((command, i) => {
      const rss = probe ? median(rounds[i]!.map((r) => r.rss ?? Number.NaN)) : (this.once(command, true).rss ?? Number.NaN)
      const measured = {command, seconds: median(rounds[i]!.map((r) => r.seconds)), cpu: median(rounds[i]!.map((r) => r.cpu)), rss}
      console.error(
        `${command.name}: ${measured.seconds.toFixed(3)} s (CPU ${measured.cpu.toFixed(2)} s), ${(rss / 1048576).toFixed(0)} MB`,
      )
      return measured
    })
  }
}
