// Bringing definitions' list sizes up to date from an extract: only `listSize` and `population.asOf`
// values change (byte ranges of their scalars), everything else stays byte for byte.
import {formatNumber} from '../engine/messages.js'
import {parseSource} from '../engine/parse.js'
import type {TextEdit} from '../engine/check.js'
import {thresholds} from '../engine/schemas.js'
import {entries, num, section, str} from '../rules/site.js'
import type {ListSizeExtract} from './extract.js'

export interface SiteChange {
  id: string
  oldPopulation: number
  newPopulation: number
  /** "leaves the band", "re-enters the band", or undefined. */
  band?: 'leaves' | 're-enters'
  missing: string[]
  changed: number
}

export interface FileSync {
  edits: TextEdit[]
  sites: SiteChange[]
}

/** The edits that bring one file's text up to date with the extract. */
export function syncText(text: string, extract: ListSizeExtract): FileSync {
  const {minimum, maximum} = thresholds('population/size-band') as {minimum: number; maximum: number}
  const inBand = (n: number): boolean => n >= minimum && n <= maximum
  const edits: TextEdit[] = []
  const sites: SiteChange[] = []
  for (const doc of parseSource(text).documents) {
    if (doc.problems.length > 0) continue
    const population = section(doc.data, 'spec', 'population')
    if (!population) continue
    let oldPopulation = 0
    let newPopulation = 0
    let changed = 0
    const missing: string[] = []
    for (const [index, practice] of entries(population.practices)) {
      const code = str(practice.odsCode)
      const size = num(practice.listSize) ?? 0
      oldPopulation += size
      const fresh = code === undefined ? undefined : extract.sizes.get(code.toUpperCase().replace(/\s+/g, ''))
      if (fresh === undefined) {
        if (code !== undefined) missing.push(code)
        newPopulation += size
        continue
      }
      newPopulation += fresh
      if (fresh === size && typeof practice.listSize === 'number') continue
      const scalar = doc.scalar(`/spec/population/practices/${index}/listSize`)
      if (scalar) {
        edits.push({start: scalar.start, end: scalar.end, text: String(fresh)})
        changed++
      }
    }
    const asOf = doc.scalar('/spec/population/asOf')
    if (asOf && population.asOf !== extract.asOf) edits.push({start: asOf.start, end: asOf.end, text: `${asOf.quote}${extract.asOf}${asOf.quote}`})
    const band = inBand(oldPopulation) && !inBand(newPopulation) ? 'leaves' : !inBand(oldPopulation) && inBand(newPopulation) ? 're-enters' : undefined
    sites.push({id: str(section(doc.data, 'metadata')?.id) ?? '(no id)', oldPopulation, newPopulation, ...(band ? {band} : {}), missing, changed})
  }
  return {edits, sites}
}

export function describeSite(site: SiteChange, band: {minimum: number; maximum: number}): string[] {
  const lines = [`  ${site.id}: registered population ${formatNumber(site.oldPopulation)} -> ${formatNumber(site.newPopulation)} (${site.changed} list sizes changed)`]
  if (site.band === 'leaves') lines.push(`    leaves the ${formatNumber(band.minimum)}-${formatNumber(band.maximum)} band`)
  if (site.band === 're-enters') lines.push(`    re-enters the ${formatNumber(band.minimum)}-${formatNumber(band.maximum)} band`)
  for (const code of site.missing) lines.push(`    ${code} is not in the extract (closed or merged?): its list size is left as it was`)
  return lines
}
