// sync-list-sizes' per-site summary: band, budget and dating, deterministically (a synthetic extract).
import {describe, expect, it} from 'vitest'
import {describeSite, syncText, type FileSync, type SyncOptions} from '../../src/sync/sync.js'
import {applyEdits} from '../../src/engine/pipeline/fix.js'
import {edit, riverside} from '../helpers.js'

const band = {minimum: 30000, maximum: 50000}
const SOURCE = 'NHS Digital, Patients Registered at a GP Practice, 2026-11-01 (all.csv)'
const options = (sizes: Record<string, number>, more: Partial<SyncOptions> = {}): SyncOptions => ({
  extract: {asOf: '2026-11-01', sizes: new Map(Object.entries(sizes))},
  source: SOURCE,
  band,
  tolerancePercent: 1,
  updateBudget: false,
  allowOlder: false,
  ...more,
})
const synced = (result: FileSync): Extract<FileSync, {kind: 'synced'}> => {
  if (result.kind !== 'synced') throw new Error(`not synced: ${result.kind}`)
  return result
}
const UP_TO_DATE = {A81001: 14250, A81002: 11980, A81004: 9870}
/** riverside without its contributions (so --update-budget may rewrite its total). */
const noContributions = (): string => edit(riverside(), [/ {4}contributions:[^\n]*\n(?: {6}[^\n]*\n)+/, ''])

describe('sync-list-sizes site summary', () => {
  it('flags a site that leaves the band, names a practice the extract lacks, and keeps its asOf and source', () => {
    const {sites, edits} = synced(syncText(riverside(), options({A81001: 4000, A81002: 11980})))
    expect(sites).toEqual([
      expect.objectContaining({
        id: 'riverside',
        oldPopulation: 36100,
        newPopulation: 25850,
        oldBand: 'within',
        newBand: 'below',
        missing: ['A81004'],
        changed: 1,
        dated: false,
      }),
    ])
    expect(edits).toHaveLength(1) // A81001's list size only: asOf and source stay, A81004 keeps its old size
    expect(describeSite(sites[0]!, band, 'riverside.pch.yaml', '2026-11-01')).toEqual([
      '  riverside.pch.yaml riverside: registered population 36,100 -> 25,850 (1 list size changed)',
      '    band: within 30,000-50,000 -> below 30,000 (leaves the band)',
      '    budget: total £5,776,000 against £160 x 25,850 registered patients = £4,136,000: more than 1 % apart: budget/capitation-mismatch now fires',
      '    A81004 is not in the extract (closed or merged?): its list size is left as it was',
      '    population.asOf is left as it was: the extract of 2026-11-01 does not hold every practice',
    ])
  })

  it('flags a site that re-enters the band', () => {
    const small = riverside().replace('listSize: 14250', 'listSize: 4250')
    const {sites} = synced(syncText(small, options(UP_TO_DATE)))
    expect(sites.map((s) => [s.oldPopulation, s.newPopulation, s.oldBand, s.newBand])).toEqual([[26100, 36100, 'below', 'within']])
    expect(describeSite(sites[0]!, band, 'f', '2026-11-01')[1]).toBe('    band: below 30,000 -> within 30,000-50,000 (re-enters the band)')
  })

  it('moves asOf and names the extract in source when every practice is found; nothing else changes', () => {
    const text = riverside()
    const {edits} = synced(syncText(text, options(UP_TO_DATE)))
    expect(applyEdits(text, edits)).toBe(
      edit(
        text,
        ['asOf: 2026-10-01', 'asOf: 2026-11-01'],
        ['source: NHS Digital, Patients Registered at a GP Practice, October 2026', `source: ${SOURCE}`],
      ),
    )
  })

  it('double-quotes the source where a plain scalar would not read back (a flow mapping)', () => {
    const simple =
      'apiVersion: pch/v1\nkind: PrimaryCareHome\nmetadata: {id: a}\nspec:\n  population: {asOf: 2026-10-01, source: x, practices: [{odsCode: A81001, listSize: 1}]}\n'
    const {edits} = synced(syncText(simple, options({A81001: 2})))
    expect(applyEdits(simple, edits)).toBe(
      simple
        .replace('listSize: 1', 'listSize: 2')
        .replace('asOf: 2026-10-01', 'asOf: 2026-11-01')
        .replace('source: x', `source: ${JSON.stringify(SOURCE)}`),
    )
  })

  it('changes nothing when up to date', () => {
    const text = edit(
      riverside(),
      ['asOf: 2026-10-01', 'asOf: 2026-11-01'],
      ['source: NHS Digital, Patients Registered at a GP Practice, October 2026', `source: ${SOURCE}`],
    )
    const {sites, edits} = synced(syncText(text, options(UP_TO_DATE)))
    expect([sites.map((s) => [s.oldBand, s.newBand]), edits]).toEqual([[['within', 'within']], []])
  })

  it('refuses an extract older than the population.asOf, unless allowed', () => {
    const text = riverside()
    const older = {...options(UP_TO_DATE), extract: {asOf: '2021-01-01', sizes: new Map(Object.entries(UP_TO_DATE))}}
    expect(syncText(text, older)).toEqual({kind: 'older', asOf: '2026-10-01'})
    expect(applyEdits(text, synced(syncText(text, {...older, allowOlder: true})).edits)).toContain('asOf: 2021-01-01')
  })

  it('--update-budget rewrites the total of a site without contributions, and leaves one with them', () => {
    const grown = {A81001: 15250, A81002: 11980, A81004: 9870} // 37,100 patients: £5,936,000
    const text = noContributions()
    const result = synced(syncText(text, options(grown, {updateBudget: true})))
    expect(applyEdits(text, result.edits)).toContain('    total: 5936000                   #')
    expect(describeSite(result.sites[0]!, band, 'f', '2026-11-01')[2]).toBe(
      '    budget: total £5,776,000 -> £5,936,000 (£160 x 37,100 registered patients = £5,936,000)',
    )
    const kept = synced(syncText(riverside(), options(grown, {updateBudget: true})))
    expect(kept.sites[0]!.budget).toMatchObject({left: 'contributions'})
    expect(applyEdits(riverside(), kept.edits)).toContain('    total: 5776000 ')
  })

  it('a document that cannot be parsed is reported with its place', () => {
    expect(syncText('spec: [\n', options(UP_TO_DATE))).toMatchObject({kind: 'unparsable'})
  })
})
