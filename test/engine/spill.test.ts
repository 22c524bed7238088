// The spill (issue 20): records read back exactly, in order, once; the temporary file is never left
// in its directory; where no file can be made the records are kept in memory and read back the same.
import {openSync, readdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {Spill} from '../../src/engine/io/spill.js'
import {fromSpilledRecord, KeptPhaseOne, SpilledPhaseOne, spilledRecord} from '../../src/engine/pipeline/phase-one.js'
import type {CheckedFile} from '../../src/engine/pipeline/check.js'
import type {Source} from '../../src/engine/io/load.js'
import {sourceOrder} from '../../src/engine/parallel/parallel.js'
import {tempDir} from '../helpers.js'

// Many-byte characters (2, 3 and 4 bytes in UTF-8, a lone surrogate as JSON writes it), records
// around the size of a piece (64 KiB) and one of several pieces, so that records and characters
// straddle every read.
const records = [
  '',
  'plain',
  'é'.repeat(40_000),
  '€😀'.repeat(30_000),
  JSON.stringify('\ud800 lone'),
  'x'.repeat(65_535),
  'y'.repeat(300_000),
  ...Array.from({length: 5000}, (_, i) => `record ${i} ${'ü'.repeat(i % 97)}`),
]

describe('Spill', () => {
  it('reads back every record exactly, in order, and leaves no file in its directory', () => {
    const dir = tempDir('pch-spill-')
    const spill = new Spill(dir)
    for (const record of records) spill.write(record)
    expect(readdirSync(dir)).toEqual([])
    expect([...spill.records()]).toEqual(records)
    // Read once: closed after.
    expect([...spill.records()]).toEqual([])
  })

  it('keeps the records in memory where no temporary file can be made, and reads them back the same', () => {
    const spill = new Spill(path.join(tempDir('pch-spill-'), 'no-such-directory'))
    for (const record of records.slice(0, 4)) spill.write(record)
    expect([...spill.records()]).toEqual(records.slice(0, 4))
  })

  it('keeps the records in memory from the first piece its file would not take, and reads them back the same', () => {
    const dir = tempDir('pch-spill-')
    const spill = new Spill(dir)
    // A file that refuses every write (opened for reading only), as a full disk would.
    writeFileSync(path.join(dir, 'read-only'), '')
    Object.assign(spill, {fd: openSync(path.join(dir, 'read-only'), 'r')})
    for (const record of records) spill.write(record)
    expect([...spill.records()]).toEqual(records)
  })

  it('frees its file when a reader leaves early, and on close (twice is once)', () => {
    const spill = new Spill(tempDir('pch-spill-'))
    spill.write('a')
    spill.write('b')
    for (const record of spill.records()) {
      expect(record).toBe('a')
      break
    }
    expect([...spill.records()]).toEqual([])
    spill.close()
    spill.close()
  })

  it('reads back nothing when nothing was written', () => {
    expect([...new Spill(tempDir('pch-spill-')).records()]).toEqual([])
  })
})

const checked = (n: number, extra: Partial<CheckedFile> = {}): CheckedFile => ({
  filePath: `site-${n}.pch.yaml`,
  documents: 1,
  findings: [],
  claims: '',
  exceptions: [],
  directives: [],
  ...extra,
})

const busy = checked(1, {
  documents: 2,
  claims: JSON.stringify([0, 'A81001', 1, 'riverside']),
  findings: [
    {
      ruleId: 'population/size-band',
      severity: 'error',
      message: 'Registered population 78,188 is above 50,000 (band 30,000-50,000) — “quoted” \ud800',
      line: 19,
      column: 5,
      endLine: 19,
      endColumn: 14,
      path: '/spec/population/practices',
      characteristic: 4,
      fixable: true,
      documentIndex: 1,
      fix: {start: 3, end: 9, text: '"A81001"'},
    },
  ],
  exceptions: [
    {
      rule: 'population/size-band',
      reason: 'Merging in April',
      path: '/metadata/exceptions/0/rule',
      range: {line: 8, column: 7, endLine: 8, endColumn: 20},
    },
  ],
  directives: [{line: 4, rules: ['care/outcomes'], range: {line: 3, column: 1, endLine: 3, endColumn: 40}, documentIndex: 0}],
})

describe('a spilled record', () => {
  it('reads back as the checked file, without its claims (they are in the claim index)', () => {
    expect(fromSpilledRecord(spilledRecord(busy))).toEqual({...busy, claims: ''})
    expect(fromSpilledRecord(spilledRecord(checked(2)))).toEqual(checked(2))
    const sites = checked(3, {sites: [{line: 1} as never]})
    expect(fromSpilledRecord(spilledRecord(sites))).toEqual(sites)
    expect(spilledRecord(checked(2))).toBe('["site-2.pch.yaml",1,[],[],[]]')
  })
})

describe('phase 1 spilled and kept', () => {
  const sources: Source[] = [1, 2, 3].map((n) => ({kind: 'file', path: `/repo/site-${n}.pch.yaml`}))
  const items = [
    {file: busy, source: sources[0]!},
    {file: checked(2, {claims: JSON.stringify([0, 'A81001'])}), source: sources[1]!, again: 'the text of a FIFO'},
    {file: checked(3), source: sources[2]!},
  ]

  it('give the same files, definitions, claims and origins', () => {
    const spilled = new SpilledPhaseOne(sources, new Spill(tempDir('pch-spill-')))
    const kept = new KeptPhaseOne()
    for (const item of items) {
      spilled.add(item)
      kept.add(item)
    }
    expect([spilled.definitions, kept.definitions]).toEqual([4, 4])
    expect([...spilled.claims.shared().owners]).toEqual([0, 1])
    expect([...kept.claims.shared().owners]).toEqual([0, 1])
    for (const phaseOne of [spilled, kept]) {
      expect(phaseOne.origin(0)).toEqual({source: sources[0]})
      expect(phaseOne.origin(1)).toEqual({source: sources[1], again: {text: 'the text of a FIFO', filePath: 'site-2.pch.yaml'}})
    }
    const withoutClaims = items.map(({file, source}, i) => [i, {file: {...file, claims: ''}, source}])
    expect([...spilled.entries()]).toEqual(withoutClaims)
    expect([...kept.entries()].map(([i, {file, source}]) => [i, {file: {...file, claims: ''}, source}])).toEqual(withoutClaims)
  })
})

describe('sourceOrder', () => {
  const item = (n: number) => ({file: checked(n), source: {kind: 'file', path: `/repo/site-${n}.pch.yaml`} as const})

  it('adds results in source order however they come', () => {
    const kept = new KeptPhaseOne()
    const order = sourceOrder(kept)
    for (const n of [2, 0, 3, 1, 4]) order.put(n, item(n))
    order.end(['a', 'b', 'c', 'd', 'e'])
    expect(kept.items.map((i) => i.file.filePath)).toEqual([0, 1, 2, 3, 4].map((n) => `site-${n}.pch.yaml`))
  })

  it("ends with the first file's error in source order, whichever came first; nothing after it is added", () => {
    const kept = new KeptPhaseOne()
    const order = sourceOrder(kept)
    order.put(3, {error: 'Cannot read d'})
    order.put(0, item(0))
    order.put(2, {error: 'Cannot read c'})
    order.put(1, item(1))
    order.put(4, item(4))
    expect(() => order.end(['a', 'b', 'c', 'd', 'e'])).toThrow('Cannot read c')
    expect(kept.items).toHaveLength(2)
  })

  it('says which file has no result', () => {
    const order = sourceOrder(new KeptPhaseOne())
    order.put(0, item(0))
    expect(() => order.end(['a', 'b'])).toThrow('no result for b')
  })
})
