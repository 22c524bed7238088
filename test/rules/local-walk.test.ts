// The walk a config's local rules share (shareWalk): each rule finds what it finds walking the
// document alone, in the same order, whatever the other rules' patterns; drawn patterns of `*`,
// keys and indexes over drawn documents, and the cases that tell a key from an index.
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {compileLocalRules, shareWalk} from '../../src/rules/local.js'
import type {Rule, RuleContext} from '../../src/rule-api/rule.js'
import {propertyRuns} from '../seed.js'

/** A rule per pattern, each failing every value it is given (`then: false`) with its path. */
const rulesOf = (patterns: readonly string[]): Rule[] =>
  compileLocalRules(
    patterns.map((given, at) => ({
      id: `local/r${at}`,
      severity: 'warning',
      characteristic: null,
      declaredIn: '.pchrc.yaml',
      given,
      then: false,
      message: '{{path}}',
    })),
  )

/** What each rule reports in each document, checking the rules in order in each (one context a document, as a run makes). */
function reports(rules: readonly Rule[], documents: readonly unknown[]): string[][] {
  const found: string[][] = rules.map(() => [])
  for (const data of documents) {
    for (const [at, rule] of rules.entries()) {
      const context = {
        data,
        params: {},
        today: '2026-11-01',
        file: {name: undefined, documents: 1},
        report: ({path}) => found[at]!.push(path),
      } as RuleContext
      rule.check(context)
    }
  }
  return found
}

/** Each rule alone (a walk of its own), against all of them sharing one. */
const alone = (patterns: readonly string[], documents: readonly unknown[]): string[][] =>
  rulesOf(patterns).map((rule) => reports([rule], documents)[0]!)

/** The pointers `pattern` matches in `data`, by the rules.md definition read as directly as can be: the oracle. */
function matches(pattern: string, data: unknown): string[] {
  const segments = pattern === '' ? [] : pattern.slice(1).split('/')
  const out: string[] = []
  const go = (node: unknown, depth: number, at: string): void => {
    if (depth === segments.length) return void out.push(at)
    if (node === null || typeof node !== 'object') return
    const segment = segments[depth]!.replace(/~1/g, '/').replace(/~0/g, '~')
    const keys = Array.isArray(node) ? node.map((_, index) => String(index)) : Object.keys(node)
    for (const key of keys) {
      if (segment !== '*' && segment !== key) continue
      go((node as Record<string, unknown>)[key], depth + 1, `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`)
    }
  }
  go(data, 0, '')
  return out
}
const shared = (patterns: readonly string[], documents: readonly unknown[]): string[][] => reports(shareWalk(rulesOf(patterns)), documents)

describe('local rules share one walk of each document', () => {
  const data = {
    spec: {
      workforce: {partners: [{name: 'A', odsCode: 'RX1'}, {name: 'B'}], team: {lead: {name: 'C'}}},
      '0': {x: 1},
      'a/b': {'m~n': 2},
    },
    list: [[1, 2], {'0': 'zero'}],
  }

  it('finds, for each rule, what it finds alone, in document order', () => {
    const patterns = [
      '/spec/workforce/partners/*',
      '/spec/*/*/*/name',
      '/spec/workforce/partners/*/odsCode',
      '/spec/*',
      '/spec/0/x',
      '/spec/a~1b/m~0n',
      '/list/0/1',
      '/list/*/0',
      '/list/01',
      '',
      '/spec/workforce/partners/-',
      '/nowhere/*',
    ]
    const expected = [
      ['/spec/workforce/partners/0', '/spec/workforce/partners/1'],
      ['/spec/workforce/partners/0/name', '/spec/workforce/partners/1/name', '/spec/workforce/team/lead/name'],
      ['/spec/workforce/partners/0/odsCode'],
      ['/spec/0', '/spec/workforce', '/spec/a~1b'],
      ['/spec/0/x'],
      ['/spec/a~1b/m~0n'],
      ['/list/0/1'],
      ['/list/0/0', '/list/1/0'],
      [],
      [''],
      [],
      [],
    ]
    expect(alone(patterns, [data])).toEqual(expected)
    expect(shared(patterns, [data])).toEqual(expected)
  })

  it('walks each document again (a new context), and reports each finding once however many rules are checked after it', () => {
    const patterns = ['/spec/*', '/spec/workforce/team/*']
    expect(shared(patterns, [data, {spec: {only: 1}}, data])).toEqual([
      ['/spec/0', '/spec/workforce', '/spec/a~1b', '/spec/only', '/spec/0', '/spec/workforce', '/spec/a~1b'],
      ['/spec/workforce/team/lead', '/spec/workforce/team/lead'],
    ])
  })

  it('on drawn patterns over drawn documents: what the pointers match, shared or alone', () => {
    const key = fc.constantFrom('a', 'b', '0', '1', '01', '-', '')
    const document: fc.Arbitrary<unknown> = fc.letrec<{node: unknown}>((tie) => ({
      node: fc.oneof(
        {depthSize: 'small', withCrossShrink: true},
        fc.constantFrom(1, 'text', null, true),
        fc.array(tie('node'), {maxLength: 3}),
        fc.dictionary(key, tie('node'), {maxKeys: 4}),
      ),
    })).node
    const pattern = fc.array(fc.oneof(key, fc.constant('*')), {maxLength: 4}).map((segments) => segments.map((s) => `/${s}`).join(''))
    fc.assert(
      fc.property(
        fc.array(pattern, {minLength: 1, maxLength: 6}),
        fc.array(document, {minLength: 1, maxLength: 3}),
        (patterns, documents) => {
          const expected = patterns.map((p) => documents.flatMap((data) => matches(p, data)))
          expect(shared(patterns, documents)).toEqual(expected)
          expect(alone(patterns, documents)).toEqual(expected)
        },
      ),
      {numRuns: propertyRuns(300)},
    )
  })
})
