// The run's sources held compact (issue 20): every source reads back as it was pushed, in order,
// across the pieces its paths are joined in, with standard input in its place.
import {describe, expect, it} from 'vitest'
import {SourceList, type Source} from '../../src/engine/io/load.js'

describe('SourceList', () => {
  const count = SourceList.PIECE * 2 + 3
  const sources: Source[] = Array.from({length: count}, (_, i) =>
    i === SourceList.PIECE + 7 ? {kind: 'stdin'} : {kind: 'file', path: `/repo/dir-${i % 5}/site-${i}-é😀.pch.yaml`},
  )
  const list = new SourceList(sources)

  it('gives back every source, in order, across its pieces', () => {
    expect(list.length).toBe(count)
    expect([...list]).toEqual(sources)
    expect(list.map((source, i) => [i, source])).toEqual(sources.map((source, i) => [i, source]))
    for (const i of [0, SourceList.PIECE - 1, SourceList.PIECE, SourceList.PIECE + 7, count - 1]) expect(list.at(i)).toEqual(sources[i])
  })

  it('has nothing outside its length', () => {
    expect([list.at(-1), list.at(count), list.at(1.5)]).toEqual([undefined, undefined, undefined])
    expect(new SourceList().length).toBe(0)
    expect([...new SourceList()]).toEqual([])
  })

  it('says whether standard input is one of the sources', () => {
    expect(list.hasStdin).toBe(true)
    expect(new SourceList(sources.filter((s) => s.kind === 'file')).hasStdin).toBe(false)
  })
})
