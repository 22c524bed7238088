// SARIF 2.1.0 for code-scanning tools (GitHub code scanning and others): one run, every rule in
// tool.driver.rules, one result per finding. Findings accepted by an exception are suppressed.
// Every result has stable partialFingerprints; with a baseline, its baselineState, and the
// baseline's results that are gone follow as results of state absent.
import type {FileResult, Message} from '../rule-api/types.js'
import {localRuleText, type RuleMeta} from '../rule-api/rule.js'
import {fingerprints, matchBaseline} from './baseline.js'
import {jsonArrayStream, wholeOf, type Formatter, type StreamFormatter} from './formatter.js'

const LEVEL = {error: 'error', warning: 'warning', info: 'note'} as const

function describeRule(meta: RuleMeta): Record<string, unknown> {
  const help = meta.local
    ? `${meta.docs.description}\n\n${localRuleText(meta.local)}`
    : `${meta.docs.description}\n\nFails:\n${meta.docs.failing}\n\nPasses:\n${meta.docs.passing}`
  return {
    id: meta.id,
    name: meta.id.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()),
    shortDescription: {text: meta.summary},
    fullDescription: {text: meta.docs.description},
    help: {
      text: help,
      markdown: meta.local
        ? `${meta.docs.description}\n\n\`\`\`yaml\n${localRuleText(meta.local)}\n\`\`\``
        : `${meta.docs.description}\n\n**Fails:**\n\n\`\`\`yaml\n${meta.docs.failing}\n\`\`\`\n\n**Passes:**\n\n\`\`\`yaml\n${meta.docs.passing}\n\`\`\``,
    },
    defaultConfiguration: {level: meta.severity},
    properties: {
      characteristic: meta.characteristic,
      compliance: meta.compliance,
      scope: meta.scope,
      fixable: meta.fixable,
      tags: [
        meta.characteristic === null ? (meta.local ? 'local' : 'structure') : `characteristic-${meta.characteristic}`,
        ...(meta.compliance ? ['compliance'] : []),
        ...(meta.local && meta.characteristic !== null ? ['local'] : []),
      ],
      ...(meta.local ? {declaredIn: meta.local.declaredIn} : {}),
    },
  }
}

/** A relative path as a URI reference: each segment percent-encoded, separators kept. */
function toUri(filePath: string): string {
  return filePath.split('/').map(encodeURIComponent).join('/')
}

/** One SARIF result of a finding, its fingerprints stable (a factory: the run's rule list indexes them). */
function resultMaker(rules: readonly RuleMeta[]): {
  index: Map<string, number>
  toResult: (filePath: string, m: Message, suppressed?: boolean) => Record<string, unknown>
} {
  const index = new Map(rules.map((meta, i) => [meta.id, i]))
  const toResult = (filePath: string, m: Message, suppressed = false): Record<string, unknown> => ({
    ruleId: m.ruleId,
    ...(index.has(m.ruleId) ? {ruleIndex: index.get(m.ruleId)} : {}),
    level: LEVEL[m.severity],
    message: {text: m.message},
    locations: [
      {
        physicalLocation: {
          artifactLocation: {uri: toUri(filePath), uriBaseId: '%SRCROOT%'},
          region: {startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn},
        },
      },
    ],
    ...(m.excepted
      ? {suppressions: [{kind: 'inSource', status: 'accepted', justification: 'Accepted by an approved exception in metadata.exceptions'}]}
      : {}),
    ...(suppressed
      ? {suppressions: [{kind: 'external', status: 'accepted', justification: 'Counted in the suppressions file (pch-suppressions.json)'}]}
      : {}),
    partialFingerprints: fingerprints(toUri(filePath), m),
    properties: {
      path: m.path,
      characteristic: m.characteristic,
      ...(m.documentIndex === undefined ? {} : {documentIndex: m.documentIndex}),
    },
  })
  return {index, toResult}
}

/** A file's SARIF results: its findings, then those the suppressions file suppressed. */
const resultsOf = (toResult: ReturnType<typeof resultMaker>['toResult'], result: FileResult): Array<Record<string, unknown>> => [
  ...result.messages.map((m) => toResult(result.filePath, m)),
  ...(result.suppressedMessages ?? []).map((m) => toResult(result.filePath, m, true)),
]

/** The log around its results. */
const logOf = (rules: readonly RuleMeta[], version: string, results: unknown): Record<string, unknown> => ({
  $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
  version: '2.1.0',
  runs: [
    {
      tool: {driver: {name: 'pch', semanticVersion: version, version, rules: rules.map(describeRule)}},
      columnKind: 'utf16CodeUnits',
      results,
    },
  ],
})

const RESULTS = '\0results'

/** Without a baseline, each file's results are written as they come. */
export const stream: StreamFormatter = ({rules, version, baseline}) => {
  // A result's baselineState depends on every other result: a baseline needs the whole array.
  if (baseline) throw new Error('A SARIF log with a baseline is written from every result at once')
  const {toResult} = resultMaker(rules)
  return jsonArrayStream(logOf(rules, version, RESULTS), RESULTS, (result) => resultsOf(toResult, result))
}

const streamed = wholeOf(stream)

const sarif: Formatter = (results, context) => {
  const {rules, version, baseline} = context
  if (!baseline) return streamed(results, context)
  const {index, toResult} = resultMaker(rules)
  const current = results.flatMap((result) => resultsOf(toResult, result))
  const {states, absent} = matchBaseline(
    current.map((r) => r.partialFingerprints as ReturnType<typeof fingerprints>),
    baseline,
  )
  // A gone result is the earlier one as it was, pointed at this run's rule list.
  const gone = absent.map(({ruleIndex: _index, baselineState: _state, ...result}) => ({
    ...result,
    ...(typeof result.ruleId === 'string' && index.has(result.ruleId) ? {ruleIndex: index.get(result.ruleId)} : {}),
    baselineState: 'absent',
  }))
  const all = [...current.map((result, i) => ({...result, baselineState: states[i]})), ...gone]
  return `${JSON.stringify(logOf(rules, version, all), null, 2)}\n`
}

export default sarif
