// The built-in registry: every rule of rules.md and the compiler of a config's local rules, as one
// value the CLI, the API, the editor and report hand to the engine (src/rule-api/registry.ts).
import {catalogue, documentRules, repoRules, ruleMeta} from './index.js'
import {localRuleCompiler} from './local.js'
import {rememberRuleSet, ruleSetOf} from './rule-set.js'
import unusedException from './metadata/unused-exception.js'
import disableDirective from './disable-directive.js'
import unusedDisableDirective from './unused-disable-directive.js'
import {provideDefaultRegistry, type Registry} from '../rule-api/registry.js'

export const registry: Registry = {
  metas: catalogue,
  documentRules,
  meta: ruleMeta,
  repoRules,
  findings: {unusedException, disableDirective, unusedDisableDirective},
  ruleSetOf,
  localRuleCompiler,
  rememberRuleSet,
  module: import.meta.url,
}

provideDefaultRegistry(registry)
