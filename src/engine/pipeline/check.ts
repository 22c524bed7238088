// One file's text -> its findings. Phase 1 (inspectText) parses and checks each document and records,
// as plain data, what later phases need: claims for repo-scope rules, approved exceptions, inline
// directives and fixes. Phase 3 (finishFile) applies exceptions, config and directives.
import {inVerdict, isLocked, type Registry} from '../../rule-api/registry.js'
import type {Rule, RuleContext, RuleMeta} from '../../rule-api/rule.js'
import {entries, section, str} from '../../rule-api/site.js'
import {siteFacts, type SiteFacts} from '../../rule-api/site-facts.js'
import {limitsOf, type Config} from '../config/config.js'
import type {OdsRegister, TrustRegister} from '../io/ods.js'
import {parseDirectives, type Directive} from './directives.js'
import {formatMessage, quote} from '../../rule-api/messages.js'
import {parseSource, type SourceDocument} from '../parse/parse.js'
import {yaml} from '../../rule-api/lazy.js'
import {checkSchema, type Fix} from '../schema/schema-check.js'
import {supportedVersion, thresholds} from '../../rule-api/schemas.js'
import type {FileResult, Message, Mode, Problem, Range} from '../../rule-api/types.js'

export interface CheckOptions {
  mode: Mode
  /** The rules the run knows (handed in by the caller; a worker thread imports it again from its module). */
  registry: Registry
  today: string
  config: Config
  /** Record each definition's key figures (for pch report). */
  collectSites?: boolean
  /** The ODS practice register (--ods), for the register rules. */
  register?: OdsRegister
  /** The ODS register of NHS trusts (--trusts), for the trust partner register rules. */
  trusts?: TrustRegister
}

/** A byte-range replacement in the original text (offsets into the string). */
export interface TextEdit {
  start: number
  end: number
  text: string
}

/** A finding inside the engine: a message, plus the edit that fixes it. */
export interface Finding extends Message {
  fix?: TextEdit
}

/**
 * One place a repo-scope rule's key is claimed: its key, where it is, and whose it is. Phase 1 keeps
 * only the rule and the key of each (PackedClaims); phase 2 builds whole claims, by reading the file
 * again, only for the files that share a key with another, which are few.
 */
export interface Claim {
  ruleId: string
  key: string
  path: string
  siteId?: string
  documentIndex?: number
  range: Range
}

export interface ApprovedException {
  documentIndex?: number
  rule: string
  /** Why it was approved (shown by the editor beside the finding it accepts). */
  reason: string
  path: string
  range: Range
}

/**
 * A file's claimed keys, packed: one JSON array of a repo rule's index and a key per claim, or ''
 * for none: one short string per file, free of references into the file's text, which a run turns
 * into its claim index (claim-index.ts) as each file comes.
 */
export type PackedClaims = string

/** The repo-scope rules' claims on one document's checked data (the rules the config leaves on). */
function collectClaims(data: unknown, options: CheckOptions, visit: (rule: number, key: string, path: string) => void): void {
  options.registry.repoRules.forEach((rule, index) => {
    // validate: the compliance repo rules, whatever the config says; lint: those the config leaves on.
    if (options.mode === 'validate' ? !rule.meta.compliance : options.config.rules.get(rule.meta.id)?.severity === 'off') return
    for (const {key, path} of rule.collect(data)) visit(index, key, path)
  })
}

/**
 * Phase 2: every claim of a file's text, placed. The documents are checked as in phase 1, so the
 * claims are phase 1's, unless the file has changed since.
 */
export function placedClaims(text: string, options: CheckOptions): Claim[] {
  const {documents} = parseSource(text, limitsOf(options.config).maxDepth)
  const claims: Claim[] = []
  for (const doc of documents) {
    if (doc.problems.length > 0 || apiVersionProblem(doc.data)) continue
    const data = checkSchema(doc.data).data
    const siteId = str(section(data, 'metadata')?.id)
    const documentIndex = documents.length > 1 ? doc.index : undefined
    collectClaims(data, options, (rule, key, path) => {
      claims.push({
        ruleId: options.registry.repoRules[rule]!.meta.id,
        key,
        path,
        ...(siteId === undefined ? {} : {siteId}),
        ...(documentIndex === undefined ? {} : {documentIndex}),
        range: doc.locate(path),
      })
    })
  }
  return claims
}

/** Everything phase 1 learns of one file; plain data (no parser objects). */
export interface CheckedFile {
  filePath: string
  documents: number
  findings: Finding[]
  claims: PackedClaims
  exceptions: ApprovedException[]
  directives: Directive[]
  /** Each readable definition's key figures, when asked for. */
  sites?: SiteFacts[]
}

const NOWHERE: Range = {line: 1, column: 1, endLine: 1, endColumn: 1}

/** Phase 1 for one file's text. Never throws for any input. */
export function inspectText(filePath: string, text: string, options: CheckOptions, displayName: string | undefined): CheckedFile {
  const {documents, scalarLines} = parseSource(text, limitsOf(options.config).maxDepth)
  const {registry} = options
  const {directives, problems} = parseDirectives(text, scalarLines, registry.ruleSetOf(options.config))
  const file: CheckedFile = {filePath, documents: documents.length, findings: [], claims: '', exceptions: [], directives}
  // In a file of several documents, the document whose content a directive's next line is in.
  const ownerOf = (range: Range): number | undefined =>
    documents.length > 1 ? (documents.filter((doc) => doc.startLine <= range.line + 1).at(-1) ?? documents[0])?.index : undefined
  for (const problem of problems) {
    const {id} = registry.findings.disableDirective.meta
    const found = finding(id, problem.message, problem.range, '', registry.meta(id))
    const owner = ownerOf(problem.range)
    if (owner !== undefined) found.documentIndex = owner
    file.findings.push(found)
  }
  for (const directive of directives) {
    const owner = ownerOf(directive.range)
    if (owner !== undefined) directive.documentIndex = owner
  }
  if (documents.length === 0) {
    file.findings.push(
      finding(
        'schema/api-version',
        `The file holds no PCH definition (${expectedVersion()})`,
        NOWHERE,
        '',
        registry.meta('schema/api-version'),
      ),
    )
    return file
  }
  const many = documents.length > 1
  const claims: Array<number | string> = []
  for (const doc of documents) checkDocument(doc, many ? doc.index : undefined, file, claims, options, displayName)
  if (claims.length > 0) file.claims = JSON.stringify(claims)
  return file
}

function checkDocument(
  doc: SourceDocument,
  documentIndex: number | undefined,
  file: CheckedFile,
  claims: Array<number | string>,
  options: CheckOptions,
  name: string | undefined,
): void {
  const rules = options.registry.ruleSetOf(options.config)
  const place = (problem: Problem): Finding => {
    const found = finding(
      problem.ruleId,
      problem.message,
      problem.at ?? doc.locate(problem.path, problem.target),
      problem.path,
      rules.meta(problem.ruleId),
    )
    if (documentIndex !== undefined) found.documentIndex = documentIndex
    return found
  }
  if (doc.problems.length > 0) {
    file.findings.push(...doc.problems.map(place))
    return
  }
  const version = apiVersionProblem(doc.data)
  if (version) {
    file.findings.push(place(version))
    return
  }
  const schema = checkSchema(doc.data)
  const fixes = new Map(schema.fixes.map((fix) => [fix.path, fix]))
  for (const problem of schema.problems) {
    const found = place(problem)
    const fix = fixes.get(problem.path)
    if (fix && fix.ruleId === problem.ruleId) found.fix = edit(doc, fix)
    file.findings.push(found)
  }
  // One context for every rule of the document: only the rule and its params change between them.
  let current: Rule
  const context: RuleContext = {
    data: schema.data,
    params: {},
    today: options.today,
    file: {name, documents: file.documents},
    register: options.register,
    trusts: options.trusts,
    report: ({path, messageId, data: values, target}) => {
      const template = (current.messages as Record<string, string>)[messageId] ?? messageId
      file.findings.push(place({ruleId: current.meta.id, path, target, message: formatMessage(template, values)}))
    },
  }
  for (const {rule, params} of selectedRules(options)) {
    current = rule
    context.params = params
    rule.check(context)
  }
  if (options.collectSites) (file.sites ??= []).push(siteFacts(schema.data, documentIndex, doc.startLine))
  collectClaims(schema.data, options, (rule, key) => claims.push(rule, key))
  for (const [index, exception] of entries(section(schema.data, 'metadata')?.exceptions)) {
    // Only a complete, valid exception is approved: a rejected or missing field is INVALID, not a string.
    if (!['rule', 'reason', 'approvedBy', 'approvedOn'].every((key) => str(exception[key]) !== undefined)) continue
    const path = `/metadata/exceptions/${index}/rule`
    file.exceptions.push({documentIndex, rule: exception.rule as string, reason: exception.reason as string, path, range: doc.locate(path)})
  }
}

/** A finding of `ruleId` with the rule's default severity, characteristic and fixability (`meta`: the run's rule of that id). */
export function finding(ruleId: string, message: string, range: Range, path: string, meta: RuleMeta | undefined): Finding {
  return {
    ruleId,
    severity: meta?.severity ?? 'error',
    message,
    ...range,
    path,
    characteristic: meta?.characteristic ?? null,
    fixable: meta?.fixable ?? false,
  }
}

/**
 * The replacement `--fix` writes: a number unquoted; a code in the quotes it had, or in double
 * quotes when YAML would read the plain text as something else (123, 1E3, NULL).
 */
function edit(doc: SourceDocument, fix: Fix): TextEdit | undefined {
  const scalar = doc.scalar(fix.path)
  if (!scalar) return undefined
  let quote = fix.ruleId === 'format/ods-code' ? scalar.quote : ''
  if (fix.ruleId === 'format/ods-code' && quote === '' && typeof yaml().parse(fix.text) !== 'string') quote = '"'
  return {start: scalar.start, end: scalar.end, text: `${quote}${fix.text}${quote}`}
}

const rulesByOptions = new WeakMap<CheckOptions, ReadonlyArray<{rule: Rule; params: Record<string, unknown>}>>()

/**
 * The document rules a run applies, each with its thresholds from the schemas and the config's
 * options over them; worked out once per run.
 */
function selectedRules(options: CheckOptions): ReadonlyArray<{rule: Rule; params: Record<string, unknown>}> {
  let selected = rulesByOptions.get(options)
  if (!selected) {
    const {mode, config} = options
    selected = options.registry
      .ruleSetOf(config)
      .documentRules.filter((rule) => (mode === 'validate' ? rule.meta.compliance : config.rules.get(rule.meta.id)?.severity !== 'off'))
      .map((rule) => ({rule, params: {...thresholds(rule.meta.id), ...config.rules.get(rule.meta.id)?.options}}))
    rulesByOptions.set(options, selected)
  }
  return selected
}

/** "expected apiVersion: pch/v1 and kind: PrimaryCareHome", from the root schema. */
function expectedVersion(): string {
  const {apiVersion, kind} = supportedVersion()
  return `expected apiVersion: ${apiVersion} and kind: ${kind}`
}

function apiVersionProblem(data: unknown): Problem | undefined {
  const {apiVersion, kind} = supportedVersion()
  const problem = (path: string, message: string): Problem => ({ruleId: 'schema/api-version', path, message})
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return problem('', `This document is not a PCH definition (${expectedVersion()})`)
  const {apiVersion: given, kind: givenKind} = data as Record<string, unknown>
  if (given === undefined) return problem('', `apiVersion is missing; ${expectedVersion()}`)
  if (given !== apiVersion) return problem('/apiVersion', `apiVersion ${quote(given)} is not supported; supported: ${apiVersion}`)
  if (givenKind === undefined) return problem('', `kind is missing; ${expectedVersion()}`)
  if (givenKind !== kind) return problem('/kind', `kind ${quote(givenKind)} is not supported; supported: ${kind}`)
  return undefined
}

// ---- phase 3 ----------------------------------------------------------------------------

export interface FinishedFile {
  result: FileResult
  /** Edits of the fixable findings that survived config and directives. */
  edits: TextEdit[]
  /** Each message's own fix edit, by its index in result.messages (the editor's quick fixes). */
  fixes: Array<TextEdit | undefined>
}

/** The approved exception that accepts a finding: one for its compliance rule in its document. */
export function exceptionFor(
  file: CheckedFile,
  found: Pick<Message, 'ruleId' | 'documentIndex'>,
  registry: Registry,
): ApprovedException | undefined {
  if (!registry.meta(found.ruleId)?.compliance) return undefined
  return file.exceptions.find((e) => e.rule === found.ruleId && e.documentIndex === found.documentIndex)
}

/**
 * Apply exceptions, unused-exception, config severities and inline directives; count and sort.
 * `definitionsInRun`: the definitions of the whole run (a repo-scope rule cannot fire in a run of one).
 */
export function finishFile(
  file: CheckedFile,
  repoFindings: readonly Finding[],
  options: CheckOptions,
  definitionsInRun: number = file.documents,
): FinishedFile {
  const used = new Set<ApprovedException>()
  const {registry} = options
  const rules = registry.ruleSetOf(options.config)
  const findings: Finding[] = []
  for (const original of [...file.findings, ...repoFindings]) {
    const found = {...original}
    const exception = exceptionFor(file, found, registry)
    if (exception) {
      used.add(exception)
      found.severity = 'info'
      found.excepted = true
    }
    findings.push(found)
  }
  if (options.mode === 'lint') {
    const repoRuleCanFire = definitionsInRun > 1
    // Where the schema rejected values, a rule may have stayed silent for want of them: its
    // exception cannot be called unused.
    const unsure = new Set(findings.filter((f) => f.ruleId === 'schema').map((f) => f.documentIndex))
    for (const exception of file.exceptions) {
      if (used.has(exception) || unsure.has(exception.documentIndex)) continue
      // An exception for a repo-scope rule is not "unused" in a run that cannot show the other site.
      if (registry.meta(exception.rule)?.scope === 'repo' && !repoRuleCanFire) continue
      const {unusedException} = registry.findings
      const found = finding(
        unusedException.meta.id,
        formatMessage(unusedException.message, {rule: exception.rule}),
        exception.range,
        exception.path,
        unusedException.meta,
      )
      if (exception.documentIndex !== undefined) found.documentIndex = exception.documentIndex
      findings.push(found)
    }
  }
  /** "directive-index rule-id" of each directive rule that silenced a finding. */
  const silenced = new Set<string>()
  const kept = findings.flatMap((found): Finding[] => {
    // validate's verdict is locked: it reports the locked rules only (structure and compliance), which
    // no config or comment changes; a directive's own problems are lint's to report.
    if (options.mode === 'validate') return inVerdict(registry, found.ruleId) ? [found] : []
    const meta = rules.meta(found.ruleId)
    const locked = !meta || isLocked(meta)
    const configured = locked ? undefined : options.config.rules.get(found.ruleId)?.severity
    if (configured === 'off') return []
    if (configured && found.severity !== 'info') found.severity = configured
    const silencer = locked ? undefined : file.directives.find((d) => d.line === found.line && d.rules.includes(found.ruleId))
    if (silencer) {
      silenced.add(`${file.directives.indexOf(silencer)} ${found.ruleId}`)
      return []
    }
    return [found]
  })
  if (options.mode === 'lint') kept.push(...unusedDirectives(file, silenced, findings, options, definitionsInRun))
  sortMessages(kept)
  const edits = kept.flatMap((found) => (found.fix ? [found.fix] : []))
  const messages: Message[] = kept.map(({fix: _fix, ...message}) => message)
  return {
    result: {
      filePath: file.filePath,
      documents: file.documents,
      errorCount: messages.filter((m) => m.severity === 'error').length,
      warningCount: messages.filter((m) => m.severity === 'warning').length,
      messages,
    },
    edits,
    fixes: kept.map((found) => found.fix),
  }
}

/** lint/unused-disable-directive: each rule of a directive that silenced nothing (config severities apply). */
function unusedDirectives(
  file: CheckedFile,
  silenced: ReadonlySet<string>,
  findings: readonly Finding[],
  options: CheckOptions,
  definitionsInRun: number,
): Finding[] {
  const {registry} = options
  const {unusedDisableDirective} = registry.findings
  const configured = options.config.rules.get(unusedDisableDirective.meta.id)?.severity
  if (configured === 'off' || file.directives.length === 0) return []
  const repoRuleCanFire = definitionsInRun > 1
  // Where the schema rejected values a rule may have stayed silent for want of them: not "unused".
  const unsure = new Set(findings.filter((f) => f.ruleId === 'schema').map((f) => f.documentIndex))
  return file.directives.flatMap((directive, index) =>
    unsure.has(directive.documentIndex)
      ? []
      : directive.rules
          .filter((rule) => !silenced.has(`${index} ${rule}`) && (registry.meta(rule)?.scope !== 'repo' || repoRuleCanFire))
          .map((rule) => {
            const found = finding(
              unusedDisableDirective.meta.id,
              formatMessage(unusedDisableDirective.message, {rule}),
              directive.range,
              '',
              unusedDisableDirective.meta,
            )
            if (directive.documentIndex !== undefined) found.documentIndex = directive.documentIndex
            if (configured) found.severity = configured
            return found
          }),
  )
}

/** Document order, then position, then rule id: stable whatever order checks ran in. */
export function sortMessages<T extends Message>(messages: T[]): T[] {
  return messages.sort(
    (a, b) =>
      (a.documentIndex ?? 0) - (b.documentIndex ?? 0) ||
      a.line - b.line ||
      a.column - b.column ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.message.localeCompare(b.message),
  )
}
