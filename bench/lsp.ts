// The language server's part of `npm run bench`: the built `pch lsp --stdio` driven over real
// JSON-RPC (test/lsp/connection.ts) in a workspace of the 1,254 Primary Care Networks that
// `pch import` scaffolds from NHS Digital's data (shared/data/nhs), with one 4 KB definition of
// the generated repository open in it.
//  - opening: from starting the server to the open definition's first diagnostics (the whole
//    workspace read, phase 1 of every file, repo-scope rules across them);
//  - a change: from sending a didChange (a list size edited) to the diagnostics of that version,
//    each change after the throttle's interval, so that it is checked at once;
//  - memory: the server's resident set after opening, and after every change.
import {spawnSync} from 'node:child_process'
import {readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {connectLsp, stopLsp, uri} from '../test/lsp/connection.js'
import {generateRepository} from './generate.js'

const DATA = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'shared', 'data', 'nhs')
const MAP = path.join(DATA, 'gp-reg-pat-prac-map-2022-01.csv')
const LIST_SIZES = path.join(DATA, 'gp-reg-pat-prac-all-2021-01.csv')
/** The server's throttle (src/lsp/server.ts DEBOUNCE_MS), with room: each change is checked at once. */
const PAUSE_MS = 200

export interface LspFigures {
  sites: number
  definitionBytes: number
  /** Medians of the runs, in seconds. */
  open: number
  change: number
  /** The slowest of the changes. */
  changeMax: number
  changes: number
  /** The server's own CPU time (user and system) for opening, and per change, in seconds: what a loaded machine's wall time hides. */
  openCpu: number
  changeCpu: number
  rssOpen: number
  rssEdited: number
  /** The machine's load average over the last minute when the measurement ended. */
  load: number
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
const seconds = (from: bigint): number => Number(process.hrtime.bigint() - from) / 1e9
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** The server's CPU time so far (user and system, Linux's /proc at 100 ticks a second), or NaN. */
function cpuOf(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return Number.NaN
  }
}

/** The server's resident set size in bytes (Linux), or NaN. */
function rssOf(pid: number | undefined): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kb === undefined ? Number.NaN : Number(kb) * 1024
  } catch {
    return Number.NaN
  }
}

export async function measureLsp(work: string, bin: string, today: string, runs: number, changes = 50): Promise<LspFigures> {
  const workspace = path.join(work, 'lsp-workspace')
  const imported = spawnSync(process.execPath, [bin, 'import', '--map', MAP, '--list-sizes', LIST_SIZES, '--dir', workspace], {
    encoding: 'utf8',
  })
  if (imported.status !== 0) throw new Error(`pch import exited ${imported.status}: ${imported.stderr.slice(0, 500)}`)
  const sites = readdirSync(workspace).filter((name) => name.endsWith('.pch.yaml')).length
  // The generated definition nearest 4 KB, as a person would have open.
  const generated = path.join(work, 'lsp-generated')
  generateRepository(generated, 40)
  const candidates = readdirSync(generated, {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.pch.yaml'))
    .map((name) => path.join(generated, name))
  const source = candidates.sort((a, b) => Math.abs(statSync(a).size - 4096) - Math.abs(statSync(b).size - 4096))[0]!
  const text = readFileSync(source, 'utf8')
  const file = path.join(workspace, path.basename(source))
  writeFileSync(file, text)
  const listSize = /listSize: (\d+)/.exec(text)
  if (!listSize) throw new Error(`${source} has no listSize to edit`)
  const argv = [process.execPath, bin, 'lsp', '--stdio', '--today', today]

  const opens: number[] = []
  const openCpus: number[] = []
  const times: number[] = []
  let changeCpu = Number.NaN
  let rssOpen = Number.NaN
  let rssEdited = Number.NaN
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint()
    const client = await connectLsp(argv, workspace, {})
    client.open(file, text)
    await client.diagnosticsOf(file)
    opens.push(seconds(started))
    openCpus.push(cpuOf(client.child.pid))
    // The last run also measures changes and memory.
    if (run === runs - 1) {
      rssOpen = rssOf(client.child.pid)
      const cpuBefore = cpuOf(client.child.pid)
      for (let version = 2; version < changes + 2; version++) {
        await sleep(PAUSE_MS)
        const edited = text.replace(listSize[0], `listSize: ${Number(listSize[1]) + version}`)
        const sent = process.hrtime.bigint()
        client.change(file, edited, version)
        await client.diagnosticsOf(file, () => client.published.get(uri(file))!.version === version)
        times.push(seconds(sent))
      }
      changeCpu = (cpuOf(client.child.pid) - cpuBefore) / changes
      rssEdited = rssOf(client.child.pid)
    }
    await stopLsp(client)
  }
  return {
    sites,
    definitionBytes: Buffer.byteLength(text),
    open: median(opens),
    change: median(times),
    changeMax: Math.max(...times),
    changes,
    openCpu: median(openCpus),
    changeCpu,
    rssOpen,
    rssEdited,
    load: os.loadavg()[0]!,
  }
}

export const LSP_HEADING = '## Language server (issue 21)'

/** The section of BENCHMARKS.md for the language server: how it was measured, the figures, the targets. */
export function lspSection(f: LspFigures, runs: number): string {
  const ms = (value: number): string => `${(value * 1000).toFixed(1)} ms`
  const mb = (bytes: number): string => (Number.isNaN(bytes) ? 'n/a' : `${(bytes / 1048576).toFixed(0)} MB`)
  const memory = f.rssEdited / f.rssOpen
  const targets = [
    {what: `diagnostics for a 4 KB definition within 50 ms of a change`, value: ms(f.change), limit: '50 ms', met: f.change <= 0.05},
    {
      what: `a workspace of ${f.sites.toLocaleString('en-GB')} sites opened within 2 s`,
      value: `${f.open.toFixed(3)} s`,
      limit: '2 s',
      met: f.open <= 2,
    },
    {
      what: `memory bounded by the workspace: after ${f.changes} changes within 1.25x of after opening`,
      value: `${memory.toFixed(2)}x`,
      limit: '1.25x',
      met: memory <= 1.25,
    },
  ]
  return `${LSP_HEADING}

- Workspace: the ${f.sites.toLocaleString('en-GB')} definitions \`pch import\` scaffolds from NHS Digital's practice-to-PCN map (January 2022) and list sizes (January 2021), one per Primary Care Network, and one definition of the generated repository (${f.definitionBytes.toLocaleString('en-GB')} bytes) open in it.
- Driven over real JSON-RPC on the server's standard input and output (bench/lsp.ts), as an editor does.
- Opening: from starting \`pch lsp --stdio\` to the open definition's first diagnostics (every definition read and checked, the repo-scope rules across them); the median of ${runs} runs.
- A change: from sending a didChange (one list size edited) to the diagnostics of that version; the median of ${f.changes} changes, each ${200} ms after the last (past the 150 ms throttle, so each is checked at once), and the slowest.
- Server CPU: the server process's own user and system time (/proc), for the same; on a machine shared with other work the wall time is longer than this. The load average was ${f.load.toFixed(1)} on ${os.cpus().length} cores as the measurement ended.

| Measure | Wall time | Server CPU |
|---|---:|---:|
| opening the workspace of ${f.sites.toLocaleString('en-GB')} sites | ${f.open.toFixed(3)} s | ${f.openCpu.toFixed(2)} s |
| diagnostics after a change (median; slowest) | ${ms(f.change)}; ${ms(f.changeMax)} | ${ms(f.changeCpu)} |
| server memory (resident) after opening; after ${f.changes} changes | ${mb(f.rssOpen)}; ${mb(f.rssEdited)} | |

| Target (issue 21) | Measured | Limit | |
|---|---:|---:|---|
${targets.map((t) => `| ${t.what} | ${t.value} | ${t.limit} | ${t.met ? 'met' : '**not met**'} |`).join('\n')}
`
}
