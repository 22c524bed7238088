// npm run bench: pch against ajv-cli and against Node's own start-up, on one generated repository,
// on this machine, in this run. Prints a table and writes BENCHMARKS.md.
//   npm run bench -- [--files 10000] [--runs 7] [--out BENCHMARKS.md]
// Wall time is the median of --runs runs of each command; peak memory (maximum resident set size,
// worker threads included) is read in separate runs, so measuring it never slows a timed run.
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {generateRepository} from './generate.js'

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

if (!existsSync(SCHEMA) || !existsSync(path.join(ROOT, 'dist', 'engine', 'validators.cjs'))) {
  console.error('bench: run `npm run build` first (npm run bench does)')
  process.exit(2)
}

// Outside the source tree, as a user's repository would be.
const work = mkdtempSync(path.join(os.tmpdir(), 'pch-bench-'))
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
}

const node = (...argv: string[]): string[] => [process.execPath, ...argv]
const pch = (...argv: string[]): string[] => node(BIN, ...argv)
const ajv = (dir: string): string[] => node(AJV, 'validate', '--spec=draft2020', '-c', 'ajv-formats', '--errors=no', '-s', SCHEMA, '-d', `${dir}/**/*.pch.yaml`)

const commands: Command[] = [
  {name: 'node -e 0', argv: node('-e', '0'), files: 0},
  {name: 'pch --version', argv: pch('--version'), files: 0},
  {name: 'pch validate (one file)', argv: pch('validate', oneFile, '--today', TODAY, '-f', 'json'), files: 1},
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
]

function once(command: Command, probe: boolean): {seconds: number; rss?: number} {
  rmSync(rssFile, {force: true})
  const env = {...process.env, NO_COLOR: '1', ...(probe ? {NODE_OPTIONS: `--require ${rssProbe}`} : {})}
  const started = process.hrtime.bigint()
  const result = spawnSync(command.argv[0]!, command.argv.slice(1), {env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30})
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  // pch exits 1 (findings) and ajv-cli 1 (invalid files): both expected here; 2 is a failed run.
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command.name} exited ${result.status}: ${result.stderr.toString().slice(0, 500)}`)
  return {seconds, ...(probe && existsSync(rssFile) ? {rss: Number(readFileSync(rssFile, 'utf8')) * 1024} : {})}
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

interface Measured {
  command: Command
  seconds: number
  rss: number
}

// The cache is warmed once, so every timed --cache run finds the files unchanged.
once(commands.find((c) => c.name.includes('--cache'))!, false)
// Round by round, each command once a round: a spell of load on a shared machine then slows every
// command alike, rather than all the runs of one.
for (const command of commands) once(command, false) // warm the file system cache
const times = commands.map((): number[] => [])
for (let round = 0; round < RUNS; round++) commands.forEach((command, i) => times[i]!.push(once(command, false).seconds))
const measured: Measured[] = commands.map((command, i) => {
  const rss = once(command, true).rss ?? Number.NaN
  console.error(`${command.name}: ${median(times[i]!).toFixed(3)} s, ${(rss / 1048576).toFixed(0)} MB`)
  return {command, seconds: median(times[i]!), rss}
})

const by = (name: string): Measured => measured.find((m) => m.command.name === name)!
const ratio = (a: string, b: string): number => by(a).seconds / by(b).seconds
const checks = [
  {what: `pch validate over ${FILES} files is faster than ajv-cli over the same files`, value: ratio(`pch validate (${FILES} files)`, `ajv-cli validate (${FILES} files)`), limit: 1},
  {what: `pch lint over ${FILES} files is faster than ajv-cli over the same files`, value: ratio(`pch lint (${FILES} files)`, `ajv-cli validate (${FILES} files)`), limit: 1},
  {what: 'pch lint is within 1.5x of pch validate', value: ratio(`pch lint (${FILES} files)`, `pch validate (${FILES} files)`), limit: 1.5},
  {what: 'pch lint with 20 local rules is within 1.1x of pch lint (issue 24)', value: ratio(`pch lint with 20 local rules (${FILES} files)`, `pch lint (${FILES} files)`), limit: 1.1},
  {what: 'pch --version is within 2.5x of node -e 0', value: ratio('pch --version', 'node -e 0'), limit: 2.5},
  {what: 'a one-file pch validate is within 3x of node -e 0', value: ratio('pch validate (one file)', 'node -e 0'), limit: 3},
  {what: `peak memory of pch validate: ${FILES} files within 1.5x of ${SMALL}`, value: by(`pch validate (${FILES} files)`).rss / by(`pch validate (${SMALL} files)`).rss, limit: 1.5},
  {what: `peak memory of pch lint: ${FILES} files within 1.5x of ${SMALL}`, value: by(`pch lint (${FILES} files)`).rss / by(`pch lint (${SMALL} files)`).rss, limit: 1.5},
]

const mb = (bytes: number): string => (Number.isNaN(bytes) ? 'n/a' : `${(bytes / 1048576).toFixed(0)} MB`)
const rows = measured.map(({command, seconds, rss}) => `| ${command.name} | ${seconds.toFixed(3)} s | ${command.files > 1 ? Math.round(command.files / seconds).toLocaleString('en-GB') : ''} | ${mb(rss)} |`)
const cpus = os.cpus()
const machine = `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB memory, ${os.type()} ${os.release()} (${os.arch()}), Node ${process.version}`
const text = `# Benchmarks

Written by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString().slice(0, 10)}; re-run it to measure your machine.

- Machine: ${machine}.
- Repository: ${generated.files.toLocaleString('en-GB')} generated definitions (${(generated.bytes / generated.files / 1024).toFixed(1)} KB each on average; ${generated.invalid} of them wrong in one of ten ways), in a temporary directory outside the source tree; and the first ${SMALL} of another, for memory.
- Each command: the median wall time of ${RUNS} runs after one warm-up run, the commands taking turns round by round so that a spell of load on the machine falls on all alike; files per second from it; peak memory (maximum resident set size, worker threads included) from one more run.
- ajv-cli 5 (js-yaml 3 and ajv 8) validates the same files against dist/schemas/pch.bundle.schema.json: \`ajv validate --spec=draft2020 -c ajv-formats --errors=no -s pch.bundle.schema.json -d "DIR/**/*.pch.yaml"\`. It reads YAML 1.1, so it takes every unquoted date for a timestamp and reports every file invalid; it gives no line numbers; and it stops the whole run at the first file it cannot parse, so the repository has no YAML syntax errors.
- pch runs with \`--today ${TODAY} -f json\`, with its defaults otherwise (one thread; the \`--concurrency auto\` rows use one thread per core when there are at least 400 files a thread). The local-rules row adds \`--config bench/local-rules.pchrc.yaml\`: 20 local rules (\`*\` at several depths, \`where\`, four RE2 patterns) that the repository meets, as one that has adopted them does.

| Command | Median wall time | Files per second | Peak memory |
|---|---:|---:|---:|
${rows.join('\n')}

| Target (cli.md, issues 8 and 24) | Measured | Limit | |
|---|---:|---:|---|
${checks.map((c) => `| ${c.what} | ${c.value.toFixed(2)}x | ${c.limit}x | ${c.value <= c.limit ? 'met' : '**not met**'} |`).join('\n')}
`
writeFileSync(OUT, text)
console.log(text)
rmSync(work, {recursive: true, force: true})
