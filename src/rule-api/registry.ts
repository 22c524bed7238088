// What the engine is handed by its caller, as ESLint's Linter is handed its rules: the rules a run
// knows and how a config adds its local rules. The built-in registry is src/rules/registry.ts; the
// CLI, the API, the editor and report hand it in, so the engine never imports a rule.
import type {FindingsRule, RepoRule, Rule, RuleMeta} from './rule.js'
import type {LocalRuleDeclaration} from './local-rule.js'

/** The rules of one run: the registry's, plus a config's local rules. */
export interface RuleSet {
  /** Every rule of the run: the catalogue, then the local rules in the config's order. */
  readonly metas: readonly RuleMeta[]
  /** The rules that check one document: the built-in ones, then the local ones. */
  readonly documentRules: readonly Rule[]
  meta(id: string): RuleMeta | undefined
}

export interface Registry extends RuleSet {
  /** Rules that see every file of a run (phase 2), in the order their claims are packed. */
  readonly repoRules: readonly RepoRule[]
  /** The rules the engine itself evaluates from a document's other findings, by what they report. */
  readonly findings: {
    readonly unusedException: FindingsRule
    readonly disableDirective: FindingsRule
    readonly unusedDisableDirective: FindingsRule
  }
  /** The rule set of a config; its local rules are compiled on first use. */
  ruleSetOf(config: {local?: readonly LocalRuleDeclaration[]}): RuleSet
  /** A compiler of local rule declarations (throws LocalRuleError), for a config load. */
  localRuleCompiler(): (declaration: LocalRuleDeclaration) => Rule
  /** Record the rules a config load has already compiled, so a run does not compile them again. */
  rememberRuleSet(local: readonly LocalRuleDeclaration[], rules: readonly Rule[]): void
  /** A module whose `registry` export is this registry: a worker thread can be handed only data, so it imports this. */
  readonly module: string
}

/**
 * Rules no config, comment or suppression may change: the compliance rules (only an approved
 * exception accepts them) and every structural check, `format/*` included: they decide whether a
 * document conforms to format v1 at all (what ajv over `pch schema` decides).
 */
export function isLocked(meta: RuleMeta): boolean {
  return meta.compliance || meta.scope === 'structure'
}

/** What `pch validate` reports, whatever the config: the locked rules (and any id the registry does not know). */
export function inVerdict(rules: RuleSet, ruleId: string): boolean {
  const meta = rules.meta(ruleId)
  return meta === undefined || isLocked(meta)
}

let fallback: Registry | undefined

/**
 * The registry of a caller that hands none: the one src/rules/registry.ts provides when it is loaded.
 * Every entry point of pch hands its registry in; this serves code that calls the engine's run or
 * checkText directly (the end-to-end tests do), and says so when no registry was ever loaded.
 */
export function defaultRegistry(): Registry {
  if (!fallback) throw new Error('No rule registry was handed to the engine: pass `registry` (src/rules/registry.ts has the built-in one)')
  return fallback
}

export function provideDefaultRegistry(registry: Registry): void {
  fallback = registry
}
