// What a rule is: metadata (id, characteristic, severity, docs, messages) plus a check that
// reports JSON Pointers and message data. No rule computes a line number.
import type {Characteristic, MessageData, OdsRegister, Target, TrustRegister} from './types.js'

export interface RuleDocs {
  /** What the rule asks for and why, in a paragraph. */
  description: string
  /** A definition fragment that breaks the rule. */
  failing: string
  /** The same fragment put right. */
  passing: string
}

export interface RuleMeta {
  id: string
  characteristic: Characteristic
  /** Default severity. */
  severity: 'error' | 'warning'
  /** A hard requirement of a characteristic: reported by validate, accepted only by an exception. */
  compliance: boolean
  scope: 'file' | 'repo' | 'structure'
  fixable: boolean
  /** One line for tables. */
  summary: string
  docs: RuleDocs
  /** JSON Schema of the options object a config may give (defaults come from x-pch-thresholds). */
  options?: Record<string, unknown>
  /** A local rule (rules.md "Local rules"): the config that declares it, and what it declares. */
  local?: LocalDeclaration
}

/** What a config's `local/NAME` entry declares, beside its metadata. */
export interface LocalDeclaration {
  /** The config file, as shown. */
  declaredIn: string
  given: string
  where?: Record<string, unknown> | boolean
  then: Record<string, unknown> | boolean
  message: string
}

export interface RuleContext {
  /** The document, with `format/*` fixes applied; any shape: rules must not trust it. */
  data: unknown
  /** The rule's parameters: `x-pch-thresholds` from the schemas, then options from config. */
  params: Readonly<Record<string, unknown>>
  /** YYYY-MM-DD. */
  today: string
  /** The file: its name as shown (undefined for unnamed stdin) and how many definitions it holds. */
  file: {name: string | undefined; documents: number}
  /** The ODS register of GP practices, when the run was given one (--ods, or ods: in config). */
  register?: OdsRegister
  /** The ODS register of NHS trusts, when the run was given one (--trusts, or trusts: in config). */
  trusts?: TrustRegister
  report(report: {path: string; messageId: string; data?: MessageData; target?: Target}): void
}

export interface Rule<M extends string = string> {
  meta: RuleMeta
  messages: Record<M, string>
  check(context: RuleContext): void
}

/** Identity helper that types a rule's message ids. */
export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule
}

/**
 * A repo-scope rule: each document claims keys (a practice code, a site id); a key claimed by two
 * or more definitions of one run is reported at every place that claims it.
 */
export interface RepoRule {
  meta: RuleMeta
  /** "{key}" and "{others}" (the other places) are filled in. */
  message: string
  collect(data: unknown): Array<{key: string; path: string}>
}

/** A rule the engine evaluates after every other rule has run on a document. */
export interface FindingsRule {
  meta: RuleMeta
  message: string
}

/** A local rule's declaration as text for its docs (`pch rules`, SARIF): where it is declared and what it says. */
export function localRuleText(local: LocalDeclaration): string {
  const lines = [`Declared in ${local.declaredIn}:`, `  given: ${local.given}`]
  if (local.where !== undefined) lines.push(`  where: ${JSON.stringify(local.where)}`)
  lines.push(`  then: ${JSON.stringify(local.then)}`, `  message: ${JSON.stringify(local.message)}`)
  return lines.join('\n')
}
