// One file's text -> its findings: parse, structure, apiVersion, schema, rules, exceptions, positions.
import {catalogue, ruleMeta, rules} from '../rules/index.js'
import type {Rule} from '../rules/rule.js'
import {entries, isObject, section, str} from '../rules/site.js'
import {formatMessage, quote} from './messages.js'
import {parseSource, type SourceDocument} from './parse.js'
import {checkSchema} from './schema-check.js'
import {supportedVersion, thresholds} from './schemas.js'
import type {Message, Problem, RunOptions, Severity} from './types.js'

export interface CheckedText {
  /** Definitions in the file (empty documents are not counted). */
  documents: number
  messages: Message[]
}

/** Check the text of one file. Never throws for any input. */
export function checkText(text: string, options: RunOptions): CheckedText {
  const {documents} = parseSource(text)
  if (documents.length === 0) {
    return {documents: 0, messages: [toMessage(noDefinition(), undefined, 0, false)]}
  }
  const many = documents.length > 1
  const messages = documents.flatMap((doc) => checkDocument(doc, options).map((p) => toMessage(p, doc, doc.index, many)))
  return {documents: documents.length, messages: sortMessages(messages)}
}

interface Finding extends Problem {
  severity: Severity
  excepted?: boolean
}

function checkDocument(doc: SourceDocument, options: RunOptions): Finding[] {
  if (doc.problems.length > 0) return doc.problems.map((p) => ({...p, severity: 'error'}))
  const version = apiVersionProblem(doc.data)
  if (version) return [{...version, severity: 'error'}]
  const schema = checkSchema(doc.data)
  const findings: Finding[] = schema.problems.map((p) => ({...p, severity: 'error'}))
  for (const rule of selectRules(options)) {
    findings.push(...runRule(rule, schema.data, options))
  }
  return applyExceptions(findings, schema.data)
}

function selectRules(options: RunOptions): readonly Rule[] {
  return options.mode === 'validate' ? rules.filter((rule) => rule.meta.compliance) : rules
}

function runRule(rule: Rule, data: unknown, options: RunOptions): Finding[] {
  const found: Finding[] = []
  rule.check({
    data,
    params: thresholds(rule.meta.id),
    today: options.today,
    report: ({path, messageId, data: values, target}) => {
      const template = (rule.messages as Record<string, string>)[messageId] ?? messageId
      found.push({ruleId: rule.meta.id, path, target, message: formatMessage(template, values), severity: rule.meta.severity})
    },
  })
  return found
}

/** Approved exceptions turn the findings of the compliance rules they name into `info`. */
function applyExceptions(findings: Finding[], data: unknown): Finding[] {
  const accepted = new Set(
    entries(section(data, 'metadata')?.exceptions)
      .filter(([, e]) => ['rule', 'reason', 'approvedBy', 'approvedOn'].every((key) => str(e[key])?.trim()))
      .map(([, e]) => e.rule as string),
  )
  if (accepted.size === 0) return findings
  return findings.map((f) =>
    accepted.has(f.ruleId) && ruleMeta(f.ruleId)?.compliance ? {...f, severity: 'info', excepted: true} : f,
  )
}

function apiVersionProblem(data: unknown): Problem | undefined {
  const {apiVersion, kind} = supportedVersion()
  const expected = `expected apiVersion: ${apiVersion} and kind: ${kind}`
  const problem = (path: string, message: string): Problem => ({ruleId: 'schema/api-version', path, message})
  if (!isObject(data)) return problem('', `This document is not a PCH definition (${expected})`)
  if (data.apiVersion === undefined) return problem('', `apiVersion is missing; ${expected}`)
  if (data.apiVersion !== apiVersion) {
    return problem('/apiVersion', `apiVersion ${quote(data.apiVersion)} is not supported; supported: ${apiVersion}`)
  }
  if (data.kind === undefined) return problem('', `kind is missing; ${expected}`)
  if (data.kind !== kind) return problem('/kind', `kind ${quote(data.kind)} is not supported; supported: ${kind}`)
  return undefined
}

function noDefinition(): Finding {
  const {apiVersion, kind} = supportedVersion()
  return {
    ruleId: 'schema/api-version',
    path: '',
    severity: 'error',
    message: `The file holds no PCH definition (expected apiVersion: ${apiVersion} and kind: ${kind})`,
    at: {line: 1, column: 1, endLine: 1, endColumn: 1},
  }
}

function toMessage(finding: Finding, doc: SourceDocument | undefined, index: number, many: boolean): Message {
  const meta = ruleMeta(finding.ruleId)
  const range = finding.at ?? doc?.locate(finding.path, finding.target) ?? {line: 1, column: 1, endLine: 1, endColumn: 1}
  const message: Message = {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    ...range,
    path: finding.path,
    characteristic: meta?.characteristic ?? null,
    fixable: meta?.fixable ?? false,
  }
  if (many) message.documentIndex = index
  if (finding.excepted) message.excepted = true
  return message
}

/** Document order, then position, then rule id: stable whatever order checks ran in. */
export function sortMessages(messages: Message[]): Message[] {
  return messages.sort(
    (a, b) =>
      (a.documentIndex ?? 0) - (b.documentIndex ?? 0) ||
      a.line - b.line ||
      a.column - b.column ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.message.localeCompare(b.message),
  )
}

export {catalogue}
