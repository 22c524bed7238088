// sync-list-sizes' per-site summary: the band flags, deterministically (a synthetic extract).
import {describe, expect, it} from 'vitest'
import {describeSite, syncText} from '../../src/sync/sync.js'
import {riverside} from '../helpers.js'

const band = {minimum: 30000, maximum: 50000}
const extract = (sizes: Record<string, number>) => ({asOf: '2026-04-01', sizes: new Map(Object.entries(sizes))})

describe('sync-list-sizes site summary', () => {
  it('flags a site that leaves the band, and names a practice the extract lacks', () => {
    const {sites, edits} = syncText(riverside(), extract({A81001: 4000, A81002: 11980}))
    expect(sites).toEqual([{id: 'riverside', oldPopulation: 36100, newPopulation: 25850, band: 'leaves', missing: ['A81004'], changed: 1}])
    expect(edits).toHaveLength(2) // A81001's list size and population.asOf
    expect(describeSite(sites[0]!, band)).toEqual([
      '  riverside: registered population 36,100 -> 25,850 (1 list sizes changed)',
      '    leaves the 30,000-50,000 band',
      '    A81004 is not in the extract (closed or merged?): its list size is left as it was',
    ])
  })

  it('flags a site that re-enters the band', () => {
    const small = riverside().replace('listSize: 14250', 'listSize: 4250')
    const {sites} = syncText(small, extract({A81001: 14250, A81002: 11980, A81004: 9870}))
    expect(sites.map((s) => [s.oldPopulation, s.newPopulation, s.band])).toEqual([[26100, 36100, 're-enters']])
  })

  it('does not flag a site that stays in the band, and changes nothing when up to date', () => {
    const {sites, edits} = syncText(riverside().replace('asOf: 2026-10-01', 'asOf: 2026-04-01'), extract({A81001: 14250, A81002: 11980, A81004: 9870}))
    expect(sites.map((s) => s.band)).toEqual([undefined])
    expect(edits).toEqual([])
  })
})
