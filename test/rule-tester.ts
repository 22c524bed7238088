// ESLint-style table tests for rules: each case is a definition and the exact findings it yields
// (rule, range, messageId and data or message) and, for a fixable rule, the text --fix writes.
import {describe, expect, it} from 'vitest'
import type {Config} from '../src/engine/config/config.js'
import {applyEdits} from '../src/engine/pipeline/fix.js'
import {run} from '../src/engine/pipeline/run.js'
import {formatMessage} from '../src/rule-api/messages.js'
import type {Rule} from '../src/rule-api/rule.js'
import type {Message, MessageData, Mode} from '../src/rule-api/types.js'
import {documentRules, ruleMeta} from '../src/rules/index.js'
import {TODAY} from './helpers.js'

/**
 * A finding of the rule under test, in full: `at` is "ruleId@line:column-endLine:endColumn"; a rule
 * with message ids states `messageId` (and `data` when it reports any), any other rule its `message`.
 */
export interface ExpectedError {
  at: string
  messageId?: string
  data?: MessageData
  message?: string
}

export interface InvalidCase {
  name: string
  code: string
  /**
   * Every finding expected, in output order: the rule under test's as ExpectedError; another rule's
   * may be just "ruleId@line:column".
   */
  errors: Array<string | ExpectedError>
  /** For a fixable rule: the text `pch lint --fix` writes (null: it changes nothing). */
  output?: string | null
  mode?: Mode
  today?: string
  /** The run's config (local rules are declared in one). */
  config?: Config
}

export interface ValidCase {
  name: string
  code: string
  mode?: Mode
  today?: string
  config?: Config
}

interface Report {
  path: string
  messageId: string
  data?: MessageData
}

/** A finding as the table states it: its place (with the range when `full`), and what it says. */
interface Seen {
  at: string
  messageId?: string
  data?: MessageData
  message?: string
}

const short = (m: Message): string => `${m.ruleId}@${m.line}:${m.column}`
const ranged = (m: Message): string => `${short(m)}-${m.endLine}:${m.endColumn}`

/** Run the case as `pch` would (stdin, no config file), recording what the rule under test reported. */
function check(ruleId: string, c: ValidCase): {messages: Message[]; reports: Report[]; output: string | null} {
  const rule = documentRules.find((r) => r.meta.id === ruleId) as Rule | undefined
  const reports: Report[] = []
  const original = rule?.check
  if (rule && original) {
    rule.check = (context) => original.call(rule, {...context, report: (r) => (reports.push(r), context.report(r))})
  }
  try {
    const config = c.config ?? {dir: process.cwd(), rules: new Map(), ignore: []}
    const out = run({mode: c.mode ?? 'validate', today: c.today ?? TODAY, paths: ['-'], stdin: c.code, config, collect: {fixes: true}})
    const fix = out.fixes.find((f) => f.edits.length > 0)
    return {messages: out.results[0]!.messages, reports, output: fix ? applyEdits(fix.text, fix.edits) : null}
  } finally {
    if (rule && original) rule.check = original
  }
}

/** Each finding as the case states it: the rule under test's in full, others as stated (short or full). */
function seen(
  ruleId: string,
  rule: Rule | undefined,
  messages: Message[],
  reports: Report[],
  expected: InvalidCase['errors'],
): Array<string | Seen> {
  const unmatched = [...reports]
  return messages.map((m, i) => {
    const wanted = expected[i]
    if (m.ruleId !== ruleId) return typeof wanted === 'string' && !wanted.includes('-', wanted.indexOf('@')) ? short(m) : ranged(m)
    if (!rule) return {at: ranged(m), message: m.message}
    // The report behind this finding: the one whose message and path it has.
    const index = unmatched.findIndex(
      (r) =>
        r.path === m.path && formatMessage((rule.messages as Record<string, string>)[r.messageId] ?? r.messageId, r.data) === m.message,
    )
    const [report] = index === -1 ? [undefined] : unmatched.splice(index, 1)
    if (!report) return {at: ranged(m), message: m.message}
    return {at: ranged(m), messageId: report.messageId, ...(report.data && Object.keys(report.data).length > 0 ? {data: report.data} : {})}
  })
}

/** One invalid case's assertions (exported so that test/rule-tester.test.ts shows they can fail). */
export function expectInvalid(ruleId: string, c: InvalidCase): void {
  const rule = documentRules.find((r) => r.meta.id === ruleId) as Rule | undefined
  const {messages, reports, output} = check(ruleId, c)
  expect(seen(ruleId, rule, messages, reports, c.errors)).toEqual(c.errors)
  // A fixable rule's case states what --fix writes, as ESLint's RuleTester asks.
  if (ruleMeta(ruleId)?.fixable === true) expect(c.output, "a fixable rule's invalid case states its output").not.toBeUndefined()
  if (c.output !== undefined) expect(output).toBe(c.output)
}

/** Runs valid cases (the rule stays silent) and invalid cases (exactly these findings, this fix). */
export function ruleTable(ruleId: string, table: {valid: ValidCase[]; invalid: InvalidCase[]}): void {
  describe(ruleId, () => {
    it.each(table.valid.map((c) => [c.name, c] as const))('valid: %s', (_name, c) => {
      expect(
        check(ruleId, c)
          .messages.filter((m) => m.ruleId === ruleId)
          .map(ranged),
      ).toEqual([])
    })
    it.each(table.invalid.map((c) => [c.name, c] as const))('invalid: %s', (_name, c) => expectInvalid(ruleId, c))
  })
}
