// npm run bench -- --only startup [--node PATH]... [--runs 21]: pch's start-up with and without each
// piece of its start-up machinery, on this Node and on each --node, against `node -e 0`. Writes its
// section of BENCHMARKS.md and the README's figures between <!-- startup --> and <!-- /startup -->.
// A piece is taken away from outside the shipped code: by Node's own switch, by a --require
// preload, or by arguments that take another path through bin/run.js; nothing in bin/ or src/
// reads a switch of the bench's.
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import os from 'node:os'
import path from 'node:path'

export const STARTUP_HEADING = '## Start-up, piece by piece'

interface Variant {
  name: string
  argv: string[]
  env?: Record<string, string>
}

/** The runs of one Node: the baseline, the shipped start-up, and each with one piece taken away. */
function variants(node: string, root: string, work: string, compileCache: boolean): Variant[] {
  const bin = path.join(root, 'bin', 'run.js')
  const oneFile = [bin, 'validate', path.join(root, 'examples', 'riverside.pch.yaml'), '--today', '2026-11-01', '-f', 'json']
  const require = createRequire(bin)
  // oclif from node_modules, ~120 modules, entered as the bundle so that bin/run.js and the command
  // bundles get it instead of dist/cli/oclif.cjs.
  const unbundled = path.join(work, 'oclif-unbundled.cjs')
  writeFileSync(
    unbundled,
    `const r = require('node:module').createRequire(${JSON.stringify(bin)})
r('@oclif/core')
r.cache[r.resolve('../dist/cli/oclif.cjs')] = r.cache[r.resolve('@oclif/core')]\n`,
  )
  // What src/rule-api/lazy.ts loads on first use, loaded up front instead.
  const eager = ['yaml', 'tinyglobby', 'picomatch', 'diff', 're2js'].map((name) => require.resolve(name))
  // ICU's collation and number-format data, which a localeCompare or an Intl.NumberFormat loads.
  const icu = path.join(work, 'icu-up-front.cjs')
  writeFileSync(icu, "'a'.localeCompare('b')\nnew Intl.NumberFormat('en-GB', {maximumFractionDigits: 2}).format(1)\n")
  // What oclif's bundle loads only when called (debug only when DEBUG is set), from node_modules,
  // and the worker_threads of a run with workers.
  const fromOclif = createRequire(require.resolve('@oclif/core'))
  const oclifEager = [...['debug', 'tinyglobby', 'minimatch', 'ejs'].map((name) => fromOclif.resolve(name)), 'node:worker_threads']
  return [
    {name: 'node -e 0', argv: [node, '-e', '0']},
    {name: 'pch --version', argv: [node, bin, '--version']},
    // Any other argument after it takes bin/run.js past its shortcut; oclif answers the same line.
    {name: 'pch --version, through oclif (without the shortcut)', argv: [node, bin, '--version', '--']},
    {name: 'one-file pch validate', argv: [node, ...oneFile]},
    ...(compileCache
      ? [{name: 'one-file pch validate, without the compile cache', argv: [node, ...oneFile], env: {NODE_DISABLE_COMPILE_CACHE: '1'}}]
      : []),
    {name: "one-file pch validate, without oclif's bundle", argv: [node, '--require', unbundled, ...oneFile]},
    {name: 'one-file pch validate, without lazy loading', argv: [node, ...eager.flatMap((file) => ['--require', file]), ...oneFile]},
    {
      name: "one-file pch validate, without oclif's libraries on first call",
      argv: [node, ...oclifEager.flatMap((file) => ['--require', file]), ...oneFile],
    },
    {name: 'one-file pch validate, without keeping ICU unloaded', argv: [node, '--require', icu, ...oneFile]},
  ]
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** One run's wall time in ms; with `probe` (a --require preload that writes the process's CPU time at exit), its CPU time instead. */
function time(variant: Variant, compileCacheDir: string, probe?: {file: string; out: string}): number {
  const [node, ...argv] = variant.argv
  const started = process.hrtime.bigint()
  const r = spawnSync(node!, probe ? ['--require', probe.file, ...argv] : argv, {
    env: {...process.env, NO_COLOR: '1', NODE_COMPILE_CACHE: compileCacheDir, ...variant.env, ...(probe ? {PCH_BENCH_CPU: probe.out} : {})},
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (r.status !== 0) throw new Error(`${variant.name} exited ${r.status}: ${r.stderr.toString().slice(0, 500)}`)
  if (r.stderr.length > 0) throw new Error(`${variant.name} wrote on stderr: ${r.stderr.toString().slice(0, 500)}`)
  return probe ? Number(readFileSync(probe.out, 'utf8')) : ms
}

interface NodeResult {
  version: string
  /** Median wall time and median CPU time (user and system), in ms. */
  rows: Array<{name: string; ms: number; cpu: number}>
}

/** Each Node's variants, round by round (a spell of load falls on all alike), the median of `runs`. */
export function measureStartup(nodes: string[], root: string, work: string, runs: number): NodeResult[] {
  return nodes.map((node) => {
    const version = execFileSync(node, ['--version'], {encoding: 'utf8'}).trim()
    const compileCache =
      execFileSync(node, ['-p', "typeof require('node:module').enableCompileCache"], {encoding: 'utf8'}).trim() === 'function'
    const list = variants(node, root, work, compileCache)
    // A compile cache of this run's own, filled by the warm-up runs, as a user's is after the first run.
    const cacheDir = path.join(work, `compile-cache-${version}`)
    // CPU time, which other work on a shared machine changes less than wall time, from runs of
    // their own with a preload (so that it never lengthens a timed run).
    const probe = {file: path.join(work, 'cpu-probe.cjs'), out: path.join(work, 'cpu.txt')}
    writeFileSync(
      probe.file,
      "process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeFileSync(process.env.PCH_BENCH_CPU, String((u.user + u.system) / 1000)) })\n",
    )
    for (const variant of list) time(variant, cacheDir)
    const times = list.map((): number[] => [])
    const cpus = list.map((): number[] => [])
    for (let round = 0; round < runs; round++) {
      list.forEach((variant, i) => {
        times[i]!.push(time(variant, cacheDir))
        cpus[i]!.push(time(variant, cacheDir, probe))
      })
    }
    const rows = list.map((variant, i) => ({name: variant.name, ms: median(times[i]!), cpu: median(cpus[i]!)}))
    for (const row of rows) console.error(`${version} ${row.name}: ${row.ms.toFixed(1)} ms (CPU ${row.cpu.toFixed(1)} ms)`)
    return {version, rows}
  })
}

/** A table per Node: each run's median, its ratio to `node -e 0`, and what the piece taken away saves. */
export function startupSection(results: NodeResult[], runs: number): string {
  const cores = os.cpus()
  const tables = results.map(({version, rows}) => {
    const base = rows[0]!.ms
    const shipped = (name: string): {ms: number; cpu: number} =>
      rows.find((r) => r.name === (name.includes('version') ? 'pch --version' : 'one-file pch validate'))!
    const lines = rows.map((r) => {
      const saved = r.name.includes('without')
        ? `${(r.ms - shipped(r.name).ms).toFixed(0)} ms (CPU ${(r.cpu - shipped(r.name).cpu).toFixed(0)} ms)`
        : ''
      return `| ${r.name} | ${r.ms.toFixed(1)} ms | ${(r.ms / base).toFixed(2)}x | ${r.cpu.toFixed(1)} ms | ${saved} |`
    })
    return `Node ${version}:\n\n| Run | Median wall time | Of \`node -e 0\` | CPU time | The piece saves |\n|---|---:|---:|---:|---:|\n${lines.join('\n')}`
  })
  return `${STARTUP_HEADING}

Written by \`npm run bench -- --only startup\` (bench/startup.ts) on ${new Date().toISOString().slice(0, 10)}: ${cores.length} × ${cores[0]?.model.trim() ?? 'unknown CPU'}, a machine shared with other work (load average ${os.loadavg()[0]!.toFixed(1)} at the end); the median of ${runs} runs of each, taking turns round by round, after a warm-up run that fills a compile cache of the bench's own; CPU time (user and system, read by a preload at exit) from as many more runs, which load on a shared machine changes less than the wall time. Each "without" row takes one piece away from outside the shipped code (Node's \`NODE_DISABLE_COMPILE_CACHE=1\`; a \`--require\` preload that puts node_modules' oclif in the bundle's place, that loads the lazy libraries (pch's, or oclif's and worker_threads) up front, or that makes a collator and a number format (ICU's data); an argument after \`--version\`); "the piece saves" is that row's time less the shipped one's. Targets (cli.md): \`pch --version\` within 2.5x of \`node -e 0\`, a one-file \`pch validate\` within 3x.

${tables.join('\n\n')}
`
}

/** `npm run bench -- --only startup`: measure, print, and rewrite this section of BENCHMARKS.md and the README's block. */
export function startupBench(args: string[], root: string, work: string, out: string, readme: string): void {
  const nodes = [process.execPath, ...args.flatMap((arg, i) => (arg === '--node' ? [path.resolve(args[i + 1]!)] : []))]
  const at = args.indexOf('--runs')
  const runs = at === -1 ? 21 : Number(args[at + 1])
  const section = startupSection(measureStartup([...new Set(nodes)], root, work, runs), runs)
  console.log(section)
  const previous = existsSync(out) ? readFileSync(out, 'utf8') : ''
  const start = previous.indexOf(STARTUP_HEADING)
  const end = start === -1 ? -1 : previous.indexOf('\n## ', start + STARTUP_HEADING.length)
  const before = start === -1 ? `${previous.trimEnd()}\n\n` : previous.slice(0, start)
  writeFileSync(out, `${before}${section}${end === -1 ? '' : `\n${previous.slice(end + 1)}`}`)
  const text = readFileSync(readme, 'utf8')
  const block = /(<!-- startup -->\n)[\s\S]*?(<!-- \/startup -->)/
  if (!block.test(text)) throw new Error(`bench: ${readme} has no <!-- startup --> ... <!-- /startup --> block`)
  writeFileSync(
    readme,
    text.replace(block, (_all, open: string, close: string) => `${open}${section.slice(STARTUP_HEADING.length).trim()}\n${close}`),
  )
}
