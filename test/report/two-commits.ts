// A programme repository at two commits, for `report --compare` (test/e2e/report-compare.test.ts and
// the browser test): the second changes list sizes, fixes one site, breaks another, removes one site
// and adds one.
import {mkdirSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {edit, riverside} from '../helpers.js'

/** Riverside as site `id`, its practice codes starting with `letter`. */
const site = (id: string, letter: string, ...edits: Array<[string | RegExp, string]>): string =>
  edit(
    riverside(),
    ['id: riverside ', `id: ${id} `],
    ['name: Riverside Primary Care Home', `name: ${id[0]!.toUpperCase()}${id.slice(1)} PCH`],
    ...edits,
  ).replace(/A8100(\d)/g, `${letter}8100$1`)

/** 30,100 patients (the first practice 8,250), the budget to match: in band, near its lower edge. */
const nearEdge = (firstList: number): Array<[string, string]> => [
  ['listSize: 14250', `listSize: ${firstList}`],
  ['total: 5776000', 'total: 4816000'],
  ['amount: 5276000', 'amount: 4316000'],
]

const FIRST: Record<string, string> = {
  alpha: site('alpha', 'B'),
  // Risks and rewards not shared: characteristic 3 not met.
  bravo: site('bravo', 'C', ['model: gain-and-loss ', 'model: none ']),
  charlie: site('charlie', 'D', ...nearEdge(8250)),
  delta: site('delta', 'E'),
  echo: site('echo', 'F'),
}

const SECOND: Record<string, string> = {
  alpha: FIRST.alpha!,
  // Fixed: risks and rewards shared.
  bravo: site('bravo', 'C'),
  // List sizes down 200: 29,900, below the band (the budget still within 1 %).
  charlie: site('charlie', 'D', ...nearEdge(8050)),
  // List sizes up 150: 36,250, still in the band.
  delta: site('delta', 'E', ['listSize: 14250', 'listSize: 14400']),
  foxtrot: site('foxtrot', 'G'),
}

/** Writes the programme of commit 1 or 2 in `dir`/sites, replacing the other. */
export function checkout(dir: string, commit: 1 | 2): void {
  const sites = path.join(dir, 'sites')
  rmSync(sites, {recursive: true, force: true})
  mkdirSync(sites, {recursive: true})
  for (const [id, text] of Object.entries(commit === 1 ? FIRST : SECOND)) writeFileSync(path.join(sites, `${id}.pch.yaml`), text)
}
