// The body of `pch import`: read the map and the extract (exit 2 before anything is written if either is
// not the expected shape), pick the networks, join each to its list sizes, then list or write every new
// file together, atomically. An existing file is never touched: its network is skipped and named.
import {lstatSync, mkdirSync} from 'node:fs'
import path from 'node:path'
import {UsageError} from '../engine/io/load.js'
import {formatNumber} from '../rule-api/messages.js'
import {attempt, writeFilesAtomic} from '../engine/io/write.js'
import {forTerminal} from '../formatters/neutralise.js'
import {readExtract} from '../sync/extract.js'
import {importedText} from './definition.js'
import {readPracticeMap, type Network} from './map.js'
import {joinNetwork, type JoinedNetwork} from './network.js'

export interface ImportFlags {
  map: string
  'list-sizes': string
  dir: string
  pcn?: string[]
  icb?: string[]
  'dry-run': boolean
  schema?: string
  today?: string
}

/** The networks of the map named by --pcn and --icb (all when neither is given); a code the map lacks is an error. */
export function selectNetworks(
  networks: readonly Network[],
  pcn: readonly string[] = [],
  icb: readonly string[] = [],
  mapFile = 'the map',
): Network[] {
  const codes = (list: readonly string[]): string[] =>
    list
      .flatMap((c) => c.split(','))
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean)
  const [pcns, icbs] = [codes(pcn), codes(icb)]
  const unknownPcn = pcns.find((code) => !networks.some((n) => n.code === code))
  if (unknownPcn)
    throw new UsageError(
      `PCN ${unknownPcn} is not in ${mapFile}${unknownPcn === 'U' ? " as a network (U is the map's code for unallocated practices)" : ''}`,
    )
  const unknownIcb = icbs.find((code) => !networks.some((n) => n.commissioner?.odsCode === code))
  if (unknownIcb) throw new UsageError(`ICB ${unknownIcb} commissions no network in ${mapFile}`)
  return networks.filter(
    (n) => (pcns.length === 0 || pcns.includes(n.code)) && (icbs.length === 0 || icbs.includes(n.commissioner?.odsCode ?? '')),
  )
}

export function readSources(flags: {map: string; 'list-sizes': string}): {
  map: ReturnType<typeof readPracticeMap>
  extract: ReturnType<typeof readExtract>
} {
  const cwd = process.cwd()
  return {
    map: readPracticeMap(path.resolve(cwd, flags.map), flags.map),
    extract: readExtract(path.resolve(cwd, flags['list-sizes']), flags['list-sizes']),
  }
}

export async function runImport(flags: ImportFlags): Promise<number> {
  const {map, extract} = readSources(flags)
  const {BUNDLED_SCHEMA} = await import('../init/generate.js')
  const dir = path.resolve(flags.dir)
  const today = flags.today ?? new Date().toISOString().slice(0, 10)
  const schema = flags.schema ?? path.relative(dir, BUNDLED_SCHEMA).split(path.sep).join('/')
  const shown = (file: string): string => path.relative(process.cwd(), file) || file
  const selected = selectNetworks(map.networks, flags.pcn, flags.icb, flags.map)
  const out: string[] = []
  const writes: Array<{file: string; content: string; site: JoinedNetwork}> = []
  const skipped: string[] = []
  const empty: string[] = []
  const flagged: string[] = []
  for (const network of selected) {
    const site = joinNetwork(network, extract, flags['list-sizes'])
    const label = `${network.code} ${network.name}`
    if (site.missing.length > 0)
      flagged.push(`  ${label}: ${site.missing.map((p) => `${p.code} ${p.name}`).join(', ')} not in ${flags['list-sizes']}; left out`)
    if (site.practices.length === 0) {
      empty.push(`  ${label}: no practice of it is in ${flags['list-sizes']}; no file written`)
      continue
    }
    const file = path.join(dir, `${site.id}.pch.yaml`)
    if (exists(file)) {
      skipped.push(`  ${shown(file)} exists; ${label} left as it was`)
      continue
    }
    writes.push({file, content: importedText(site, {today, schema, mapFile: path.basename(flags.map)}), site})
  }
  const verb = flags['dry-run'] ? 'Would write' : 'Wrote'
  for (const {file, site} of writes) {
    const commissioner = site.network.commissioner
      ? `, ${site.network.commissioner.odsCode} ${site.network.commissioner.name}`
      : `, no ICB (the map's code ${site.network.otherCommissioner ?? 'is empty'})`
    out.push(
      `${verb} ${shown(file)}: ${site.network.name}, ${site.practices.length} ${site.practices.length === 1 ? 'practice' : 'practices'}, registered population ${formatNumber(site.population)}${commissioner}`,
    )
  }
  if (!flags['dry-run'] && writes.length > 0) {
    try {
      attempt(dir, () => mkdirSync(dir, {recursive: true}))
      writeFilesAtomic(writes.map(({file, content}) => ({file, content, create: true})))
    } catch (error) {
      throw new UsageError(`${(error as Error).message}; no imported definition was written`)
    }
  }
  if (flagged.length > 0)
    out.push(
      `Practices of the map missing from the list sizes (${flagged.length} ${flagged.length === 1 ? 'network' : 'networks'}):`,
      ...flagged,
    )
  if (empty.length > 0) out.push('Networks with no practice in the list sizes:', ...empty)
  if (skipped.length > 0) out.push('Existing files, not touched:', ...skipped)
  const written = `${formatNumber(writes.length)} ${writes.length === 1 ? 'definition' : 'definitions'}`
  out.push(
    `${flags['dry-run'] ? `${written} would be written (dry run; nothing written)` : `${written} written`} from ${formatNumber(selected.length)} of ${formatNumber(map.networks.length)} networks in ${flags.map} (as of ${map.asOf}); ` +
      `list sizes as of ${extract.asOf}; ${formatNumber(map.unallocated)} unallocated ${map.unallocated === 1 ? 'practice' : 'practices'} (PCN code U) in no network.`,
  )
  // Names come from NHS CSVs: a terminal sees their control characters as escapes.
  process.stdout.write(`${out.map(forTerminal).join('\n')}\n`)
  return 0
}

function exists(file: string): boolean {
  try {
    lstatSync(file)
    return true
  } catch {
    return false
  }
}
