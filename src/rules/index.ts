// The rule registry: the generated list of rule files (registry.generated.ts), summaries filled, and the catalogue.
import type {FindingsRule, RepoRule, Rule, RuleMeta} from '../rule-api/rule.js'
import type {MessageData, MessageValue} from '../rule-api/types.js'
import {formatMessage} from '../rule-api/messages.js'
import {thresholds} from '../rule-api/schemas.js'
import {structuralRules} from './structural.js'
import * as generated from './registry.generated.js'

/**
 * A summary is a template over the schema's `x-pch-thresholds`: `{minimum}` is the rule's own
 * threshold, `{population/size-band.minimum}` another rule's (so the numbers live in schemas/
 * only). Filled on first read, so that loading the registry reads no schema.
 */
function fillSummary(meta: RuleMeta): string {
  const summary = meta.summary.replace(/\{([a-z-]+\/[a-z-]+)\.(\w+)\}/g, (whole, id: string, key: string) => {
    const value = thresholds(id)[key] as MessageValue | undefined
    return value === undefined ? whole : formatMessage('{value}', {value})
  })
  return formatMessage(summary, thresholds(meta.id) as MessageData)
}

function withSummary<R extends {meta: RuleMeta}>(rule: R): R {
  let summary: string | undefined
  const meta = {...rule.meta}
  Object.defineProperty(meta, 'summary', {enumerable: true, get: () => (summary ??= fillSummary(rule.meta))})
  return {...rule, meta}
}

// Each rule filled once, so that a rule's meta and its catalogue entry are one object.
const filled = new Map(generated.ordered.map((rule) => [rule, withSummary(rule)]))
const fill = <R extends Rule | RepoRule | FindingsRule>(rule: R): R => filled.get(rule) as R

/** Rules that check one document. */
export const documentRules: readonly Rule[] = generated.documentRules.map(fill)

/** Rules that see every file of a run. */
export const repoRules: readonly RepoRule[] = generated.repoRules.map(fill)

/** Rules the engine evaluates from the other findings of a document. */
export const findingsRules: readonly FindingsRule[] = generated.findingsRules.map(fill)

/** Every rule id users can meet, in the order of `pch rules` (structural first; then by section, each rule's `order`). */
export const catalogue: readonly RuleMeta[] = [...structuralRules, ...generated.ordered.map((rule) => fill(rule).meta)]

const byId = new Map(catalogue.map((meta) => [meta.id, meta]))

export function ruleMeta(id: string): RuleMeta | undefined {
  return byId.get(id)
}
