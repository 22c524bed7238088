// Every rule's docs examples (`pch rules ID`, SARIF help) run through the checks: the failing one
// fires exactly its rule, the passing one nothing. README "Adding a rule" says how they are read.
import {describe, expect, it} from 'vitest'
import {isMap, isScalar, parseAllDocuments, parseDocument, type Document, type YAMLMap} from 'yaml'
import type {OdsRegister, TrustRegister} from '../src/engine/io/ods.js'
import {checkText} from '../src/engine/pipeline/run.js'
import type {Mode} from '../src/rule-api/types.js'
import {catalogue} from '../src/rules/index.js'
import {riverside, TODAY} from './helpers.js'

/** The registers every example runs with: riverside's practices and trusts, and the ones the examples name. */
const register: OdsRegister = new Map([
  ['A81001', {status: 'active'}],
  ['A81002', {status: 'active'}],
  ['A81003', {status: 'closed', closed: '2017-10-31'}],
  ['A81004', {status: 'active'}],
  ['A81005', {status: 'active'}],
  ['A81006', {status: 'active'}],
])
const trusts: TrustRegister = new Map([
  ['RX1', {name: 'RIVERSIDE COMMUNITY HEALTH NHS TRUST'}],
  ['RX2', {name: 'RIVERSIDE MENTAL HEALTH NHS FOUNDATION TRUST'}],
  ['RX3', {name: 'RIVERSIDE HOSPITALS NHS FOUNDATION TRUST'}],
  ['R0D', {name: 'UNIVERSITY HOSPITALS DORSET NHS FOUNDATION TRUST'}],
  ['RD3', {name: 'POOLE HOSPITAL NHS FOUNDATION TRUST', closed: '2020-09-30'}],
])

const keyOf = (node: unknown): unknown => (isScalar(node) ? node.value : node)

/**
 * A fragment is a merge patch (as RFC 7386 for JSON): mappings merge key by key, `null` removes the
 * key, anything else (a list, a scalar) replaces what was there, with its comments.
 */
function merge(into: YAMLMap, from: YAMLMap): void {
  for (const pair of from.items) {
    const there = into.items.find((p) => keyOf(p.key) === keyOf(pair.key))
    if (isScalar(pair.value) && pair.value.value === null) into.items = into.items.filter((p) => p !== there)
    else if (!there) into.items.push(pair)
    else if (isMap(there.value) && isMap(pair.value)) merge(there.value, pair.value)
    else Object.assign(there, {key: pair.key, value: pair.value})
  }
  // YAML gives a comment above a mapping's first key to the mapping: keep it above that key.
  const first = from.items[0]
  const key = into.items.find((p) => first && keyOf(p.key) === keyOf(first.key))?.key
  if (from.commentBefore && isScalar(key)) key.commentBefore = from.commentBefore
}

/**
 * The text an example stands for: each of its documents merged into its own copy of
 * examples/riverside.pch.yaml. A fragment YAML cannot read (a yaml/* rule's failing one) is
 * checked as it is.
 */
export function exampleText(fragment: string): string {
  const documents = parseAllDocuments(fragment)
  if (!Array.isArray(documents) || documents.some((d) => d.errors.length > 0)) return fragment
  return documents
    .map((document) => {
      const base: Document = parseDocument(riverside())
      if (isMap(document.contents)) merge(base.contents as YAMLMap, document.contents)
      return base.toString()
    })
    .join('---\n')
}

/** The rule ids an example's findings carry, each once, checked as riverside.pch.yaml (with the registers, or without). */
const fired = (fragment: string, mode: Mode, registers: boolean): string[] => [
  ...new Set(
    checkText(exampleText(fragment), {
      mode,
      today: TODAY,
      fileName: 'riverside.pch.yaml',
      ...(registers ? {register, trusts} : {}),
    }).messages.map((m) => m.ruleId),
  ),
]

describe('rule docs examples', () => {
  it('merges a fragment into riverside: mappings key by key, a list replaced whole, null removing a key', () => {
    const text = exampleText(
      "metadata:\n  id: harbour\n  contact: null\nspec:\n  care:\n    personalisation:\n      - { approach: other, cohort: Carers, description: Carers' breaks }\n",
    )
    expect(text).toContain('  id: harbour\n  name: Riverside Primary Care Home\n')
    expect(text).not.toContain('contact:')
    expect(text).toContain(
      "    personalisation:\n      - { approach: other, cohort: Carers, description: Carers' breaks }\n    populationHealth:",
    )
  })

  it.each(catalogue.map((m) => [m.id, m] as const))('%s: the failing example fires exactly it, the passing one nothing', (id, meta) => {
    // A compliance rule's fault is checked as pch validate checks it: the advisory rules the same
    // fault trips (no secondary-care partner is also no mental-health one) are not its example's.
    const mode = meta.compliance ? 'validate' : 'lint'
    // A register rule's fault shows only with the registers; any other is shown without them (a
    // code that is no trust code is ods-code-format's, and also not in the register).
    const failing = fired(meta.docs.failing, mode, false)
    expect(failing.length > 0 ? failing : fired(meta.docs.failing, mode, true)).toEqual([id])
    expect(fired(meta.docs.passing, 'lint', true)).toEqual([])
  })
})
