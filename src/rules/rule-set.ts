// The rules of one run: the built-in registry plus the config's local rules, compiled once per
// config. Everything that looks up a rule's metadata for a run (severities, directives, formatters,
// `pch rules`) asks the run's set, so a local rule is treated as a built-in one is.
import {catalogue, documentRules, ruleMeta} from './index.js'
import {compileLocalRules, shareWalk} from './local.js'
import type {LocalRuleDeclaration} from '../rule-api/local-rule.js'
import type {RuleSet} from '../rule-api/registry.js'
import type {Rule} from '../rule-api/rule.js'

/** The built-in rules alone: a run without local rules. */
export const builtInRules: RuleSet = {metas: catalogue, documentRules, meta: ruleMeta}

// Keyed by the config's list of declarations: a copy of a config ({...config}) shares its rules,
// and a worker thread, which gets a structured clone, compiles its own once.
const sets = new WeakMap<readonly LocalRuleDeclaration[], RuleSet>()

/** The rule set of a config; its local rules are compiled on first use. */
export function ruleSetOf(config: {local?: readonly LocalRuleDeclaration[]}): RuleSet {
  const local = config.local
  if (local === undefined || local.length === 0) return builtInRules
  let set = sets.get(local)
  if (!set) sets.set(local, (set = withLocalRules(compileLocalRules(local))))
  return set
}

/** Record the rules a config load has already compiled (checking them), so a run does not compile them again. */
export function rememberRuleSet(local: readonly LocalRuleDeclaration[], rules: readonly Rule[]): void {
  if (local.length > 0) sets.set(local, withLocalRules(rules))
}

function withLocalRules(compiled: readonly Rule[]): RuleSet {
  // One walk of each document for all of them (20 rules walked alone cost a run ~10 %).
  const rules = shareWalk(compiled)
  const byId = new Map(rules.map((rule) => [rule.meta.id, rule.meta]))
  return {
    metas: [...catalogue, ...rules.map((rule) => rule.meta)],
    documentRules: [...documentRules, ...rules],
    meta: (id) => ruleMeta(id) ?? byId.get(id),
  }
}
