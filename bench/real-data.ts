// A national programme for the benchmark, from NHS Digital's real practice-to-PCN map and list sizes
// (../shared/data/nhs): one definition per network, the networks `copies` times over, each copy with
// partners, budget and care made up by bench/generate.ts's siteText and every date quoted (so ajv-cli's
// YAML 1.1 reads the strings pch reads). With `unique`, each copy's practices get codes of their own
// (the first copy keeps the real ones), so nothing repeats; without, every practice is in every copy,
// and the repo-scope rule population/practice-in-multiple-sites fires for each place. Deterministic.
import {mkdirSync} from 'node:fs'
import path from 'node:path'
import {readPracticeMap} from '../src/import/map.js'
import {joinNetwork, type JoinedNetwork} from '../src/import/network.js'
import {readExtract} from '../src/sync/extract.js'
import {random, siteText, write, type Generated} from './generate.js'

export const MAP_FILE = 'gp-reg-pat-prac-map-2022-01.csv'
export const SIZES_FILE = 'gp-reg-pat-prac-all-2021-01.csv'

export interface RealData extends Generated {
  networks: number
  /** Member practices over all copies (each repeat counted). */
  practices: number
}

export interface RealDataOptions {
  /** How many times the national map is written (8 makes the 10,032 files of issue 20). */
  copies: number
  /** Practice codes of their own in each copy, rather than the same practices in every copy. */
  unique: boolean
  /** At most this many files (the first ones), for a smaller repository of the same data. */
  limit?: number
  seed?: number
}

const joined = new Map<string, JoinedNetwork[]>()

/** The networks of the map joined to the list sizes, the practices the extract lacks left out (as pch import does); read once per directory. */
export function realNetworks(nhs: string): JoinedNetwork[] {
  let networks = joined.get(nhs)
  if (!networks) {
    const sizesFile = path.join(nhs, SIZES_FILE)
    const extract = readExtract(sizesFile)
    networks = readPracticeMap(path.join(nhs, MAP_FILE))
      .networks.map((network) => joinNetwork(network, extract, sizesFile))
      .filter((site) => site.practices.length > 0)
    joined.set(nhs, networks)
  }
  return networks
}

export function generateRealData(nhs: string, dir: string, options: RealDataOptions): RealData {
  const networks = realNetworks(nhs)
  const next = random(options.seed ?? 20261203)
  const recode = options.unique ? uniqueCodes(networks) : (code: string): string => code
  const limit = options.limit ?? Number.POSITIVE_INFINITY
  let files = 0
  let bytes = 0
  let practices = 0
  for (let copy = 0; copy < options.copies && files < limit; copy++) {
    // A folder a copy, as a national repository groups its sites by programme or region.
    const folder = path.join(dir, `copy-${copy + 1}`)
    mkdirSync(folder, {recursive: true})
    for (const site of networks) {
      if (files >= limit) break
      const id = `${site.id}-${copy + 1}`
      const text = siteText(next, {
        index: files,
        id,
        town: site.network.name,
        ...(site.network.commissioner ? {commissioner: site.network.commissioner} : {}),
        practices: site.practices.map((p) => ({odsCode: recode(p.odsCode, copy), name: p.name, listSize: p.listSize})),
        listSizes: site.listSizes,
        quoteDates: true,
      })
      bytes += write(path.join(folder, `${id}.pch.yaml`), text)
      files++
      practices += site.practices.length
    }
  }
  return {files, invalid: 0, bytes, networks: networks.length, practices}
}

/**
 * A practice's code in a copy: the real code in the first copy; in the others, a code of the same
 * letter that no real practice has and no other copy uses (a letter and five digits, as the schema
 * asks), handed out in the order the practices come.
 */
function uniqueCodes(networks: readonly JoinedNetwork[]): (code: string, copy: number) => string {
  const real = new Set(networks.flatMap((site) => site.practices.map((p) => p.odsCode)))
  const given = new Map<string, string>()
  const counters = new Map<string, number>()
  return (code, copy) => {
    if (copy === 0) return code
    const key = `${copy} ${code}`
    let recoded = given.get(key)
    if (recoded === undefined) {
      const letter = code[0]!
      let n = counters.get(letter) ?? 0
      do recoded = `${letter}${String(n++).padStart(5, '0')}`
      while (real.has(recoded))
      if (n > 100000) throw new Error(`bench: no practice codes left for the letter ${letter}`)
      counters.set(letter, n)
      given.set(key, recoded)
    }
    return recoded
  }
}
