// SARIF baselines in-process: fingerprints that ignore lines, and the matching of an earlier log's
// results one for one (unchanged, then updated, then new; the rest absent).
import {describe, expect, it} from 'vitest'
import {fingerprints, matchBaseline, type BaselineResult} from '../../src/formatters/baseline.js'
import {withoutPlaceLines} from '../../src/engine/pipeline/repo.js'
import type {Message} from '../../src/rule-api/types.js'

const message = (overrides: Partial<Message> = {}): Message => ({
  ruleId: 'care/wider-determinants',
  severity: 'warning',
  message: 'No wider determinants',
  line: 95,
  column: 5,
  endLine: 95,
  endColumn: 21,
  path: '/spec/care/populationHealth',
  characteristic: 1,
  fixable: false,
  ...overrides,
})
const earlier = (m: Message, uri = 'sites/a.pch.yaml'): BaselineResult => ({ruleId: m.ruleId, partialFingerprints: fingerprints(uri, m)})

describe('SARIF baseline fingerprints', () => {
  it('do not change with the line, and change with the file, pointer, document or message', () => {
    const base = fingerprints('sites/a.pch.yaml', message())
    expect(fingerprints('sites/a.pch.yaml', message({line: 120, endLine: 120, column: 7}))).toEqual(base)
    for (const other of [
      fingerprints('sites/b.pch.yaml', message()),
      fingerprints('sites/a.pch.yaml', message({path: '/spec/care'})),
      fingerprints('sites/a.pch.yaml', message({documentIndex: 1})),
    ]) {
      expect(other['pchLocation/v1']).not.toBe(base['pchLocation/v1'])
    }
    const reworded = fingerprints('sites/a.pch.yaml', message({message: 'Other words'}))
    expect([reworded['pchLocation/v1'] === base['pchLocation/v1'], reworded['pchFinding/v1'] === base['pchFinding/v1']]).toEqual([
      true,
      false,
    ])
  })

  it('of a repo-scope finding ignore the lines of the other places it names', () => {
    expect(withoutPlaceLines('Practice B81001 is also a member of site "b" (sites/b.pch.yaml:23)')).toBe(
      'Practice B81001 is also a member of site "b" (sites/b.pch.yaml)',
    )
    expect(withoutPlaceLines('Site id "a" is also used by x.pch.yaml:4; y.pch.yaml:9 and 2 more')).toBe(
      'Site id "a" is also used by x.pch.yaml; y.pch.yaml and 2 more',
    )
    const repo = (line: number): Message =>
      message({ruleId: 'metadata/duplicate-id', path: '/metadata/id', message: `Site id "a" is also used by b.pch.yaml:${line}`})
    expect(fingerprints('a.pch.yaml', repo(4))).toEqual(fingerprints('a.pch.yaml', repo(40)))
  })
})

describe('matchBaseline', () => {
  it('matches one for one: a finding twice now and once before is one unchanged and one new', () => {
    const now = [message(), message({line: 200})].map((m) => fingerprints('sites/a.pch.yaml', m))
    expect(matchBaseline(now, [earlier(message())])).toEqual({states: ['unchanged', 'new'], absent: []})
  })

  it('prefers an unchanged match to an updated one, and leaves what is unmatched absent', () => {
    const before = [earlier(message({message: 'Old words'})), earlier(message()), earlier(message({ruleId: 'care/needs-assessment'}))]
    const now = [message(), message({message: 'New words'})].map((m) => fingerprints('sites/a.pch.yaml', m))
    const {states, absent} = matchBaseline(now, before)
    expect(states).toEqual(['unchanged', 'updated'])
    expect(absent).toEqual([before[2]])
  })
})
