// Phase 2 by hashes (issue 20): the index names the files that may share a key; the keys
// themselves decide what is reported, so a collision of two different keys is never a duplicate.
import {describe, expect, it} from 'vitest'
import {ClaimIndex, claimHash, Uint32List} from '../../src/engine/pipeline/claim-index.js'
import {repoFindings, type ClaimSource} from '../../src/engine/pipeline/repo.js'
import type {Claim} from '../../src/engine/pipeline/check.js'
import {registry} from '../../src/rules/registry.js'

const PRACTICE = 0 // population/practice-in-multiple-sites, the first of registry.repoRules
const SITE = 1 // metadata/duplicate-id

describe('claimHash', () => {
  it('is FNV-1a over the rule index and the key, unsigned 32-bit', () => {
    expect(registry.repoRules.map((rule) => rule.meta.id)).toEqual(['population/practice-in-multiple-sites', 'metadata/duplicate-id'])
    expect(claimHash(0, '')).toBe(0x050c5d1f)
    expect(claimHash(0, 'A81001')).toBe(claimHash(0, 'A81001'))
    expect(claimHash(0, 'A81001')).not.toBe(claimHash(1, 'A81001'))
    expect(claimHash(0, 'A81001')).not.toBe(claimHash(0, 'A81002'))
    for (const key of ['', 'A81001', 'é😀', 'x'.repeat(1000)]) {
      const hash = claimHash(1, key)
      expect(Number.isInteger(hash) && hash >= 0 && hash < 2 ** 32).toBe(true)
    }
  })
})

describe('ClaimIndex.shared', () => {
  it('names no file when no hash repeats', () => {
    const index = new ClaimIndex()
    index.addPacked(0, JSON.stringify([PRACTICE, 'A81001', SITE, 'riverside']))
    index.addPacked(1, '')
    index.addPacked(2, JSON.stringify([PRACTICE, 'A83001', SITE, 'harbour']))
    const shared = index.shared()
    expect([...shared.owners]).toEqual([])
    expect(shared.has(PRACTICE, 'A81001')).toBe(false)
  })

  it('names each file that claims a repeated key once, in ascending order', () => {
    const index = new ClaimIndex()
    for (const [owner, key] of [
      [2, 'B'],
      [2, 'A'],
      [5, 'A'],
      [7, 'C'],
      [7, 'C'],
      [9, 'A'],
    ] as const)
      index.add(owner, PRACTICE, key)
    const shared = index.shared()
    expect([...shared.owners]).toEqual([2, 5, 7, 9])
    expect([shared.has(PRACTICE, 'A'), shared.has(PRACTICE, 'B'), shared.has(PRACTICE, 'C'), shared.has(SITE, 'A')]).toEqual([
      true,
      false,
      true,
      false,
    ])
  })

  it('takes the files in order', () => {
    const index = new ClaimIndex()
    index.add(3, PRACTICE, 'A')
    expect(() => index.add(2, PRACTICE, 'A')).toThrow('claims of file 2 after those of file 3')
  })

  it('grows over several pieces without losing a claim', () => {
    const index = new ClaimIndex()
    for (let owner = 0; owner < 40_000; owner++) index.add(owner, PRACTICE, `K${owner}`)
    index.add(40_000, PRACTICE, 'K1234')
    index.add(40_000, PRACTICE, 'K39999')
    expect([...index.shared().owners]).toEqual([1234, 39_999, 40_000])
  })
})

describe('Uint32List', () => {
  it('holds what is pushed and set, across its pieces', () => {
    const list = new Uint32List()
    const count = Uint32List.PIECE * 2 + 5
    for (let i = 0; i < count; i++) list.push(i * 7)
    list.set(Uint32List.PIECE, 1)
    expect(list.length).toBe(count)
    expect([list.get(0), list.get(Uint32List.PIECE - 1), list.get(Uint32List.PIECE), list.get(count - 1)]).toEqual([
      0,
      (Uint32List.PIECE - 1) * 7,
      1,
      (count - 1) * 7,
    ])
    const all = list.toArray()
    expect(all.length).toBe(count)
    expect([all[Uint32List.PIECE], all[count - 1]]).toEqual([1, (count - 1) * 7])
    expect(new Uint32List().toArray().length).toBe(0)
  })
})

describe('repoFindings over the index', () => {
  const claim = (ruleId: string, key: string, line: number): Claim => ({
    ruleId,
    key,
    path: '/spec/population/practices/0/odsCode',
    range: {line, column: 7, endLine: line, endColumn: 13},
  })
  // Three files: a and c share practice A81001; b claims A81002 and site id "b" alone.
  const files: Record<number, {filePath: string; claims: Claim[]}> = {
    0: {filePath: 'a.pch.yaml', claims: [claim('population/practice-in-multiple-sites', 'A81001', 10)]},
    1: {
      filePath: 'b.pch.yaml',
      claims: [claim('population/practice-in-multiple-sites', 'A81002', 11), claim('metadata/duplicate-id', 'b', 3)],
    },
    2: {filePath: 'c.pch.yaml', claims: [claim('population/practice-in-multiple-sites', 'A81001', 12)]},
  }
  const ruleIndex = (ruleId: string): number => registry.repoRules.findIndex((rule) => rule.meta.id === ruleId)
  const indexWith = (hash?: (rule: number, key: string) => number): ClaimIndex => {
    const index = new ClaimIndex(hash)
    for (const [owner, {claims}] of Object.entries(files)) for (const c of claims) index.add(Number(owner), ruleIndex(c.ruleId), c.key)
    return index
  }
  const asked: number[] = []
  const claimsOf: ClaimSource = (owner) => {
    asked.push(owner)
    return files[owner]!
  }
  const messagesOf = (found: Map<number, Array<{message: string; line: number}>>): unknown =>
    [...found].map(([owner, list]) => [owner, list.map((f) => `${f.line} ${f.message}`)])
  const expected = [
    [0, ['10 Practice A81001 is also a member of c.pch.yaml:12']],
    [2, ['12 Practice A81001 is also a member of a.pch.yaml:10']],
  ]

  it('reports a key two files claim, reading only those two files again', () => {
    asked.length = 0
    expect(messagesOf(repoFindings(indexWith(), claimsOf, registry))).toEqual(expected)
    expect(asked).toEqual([0, 2])
  })

  it('never reports a collision: with every claim hashed alike, the same findings (every file read again)', () => {
    asked.length = 0
    const index = indexWith(() => 7)
    expect([...index.shared().owners]).toEqual([0, 1, 2])
    expect(messagesOf(repoFindings(index, claimsOf, registry))).toEqual(expected)
    expect(asked).toEqual([0, 1, 2])
  })

  it('reports nothing where the files read again no longer claim the key (changed since phase 1)', () => {
    const index = indexWith()
    const gone: ClaimSource = (owner) => (owner === 2 ? {filePath: 'c.pch.yaml', claims: []} : files[owner]!)
    expect(repoFindings(index, gone, registry).size).toBe(0)
  })
})
