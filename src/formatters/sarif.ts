// SARIF 2.1.0 for code-scanning tools (GitHub code scanning and others): one run, every rule in
// tool.driver.rules, one result per finding. Findings accepted by an exception are suppressed.
// Every result has stable partialFingerprints; with a baseline, its baselineState, and the
// baseline's results that are gone follow as results of state absent.
import type {Message} from '../rule-api/types.js'
import {localRuleText, type RuleMeta} from '../rule-api/rule.js'
import {fingerprints, matchBaseline} from './baseline.js'
import type {Formatter} from './formatter.js'

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

const sarif: Formatter = (results, {rules, version, baseline}) => {
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
  const current = results.flatMap((result) => [
    ...result.messages.map((m) => toResult(result.filePath, m)),
    ...(result.suppressedMessages ?? []).map((m) => toResult(result.filePath, m, true)),
  ])
  let all = current
  if (baseline) {
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
    all = [...current.map((result, i) => ({...result, baselineState: states[i]})), ...gone]
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {driver: {name: 'pch', semanticVersion: version, version, rules: rules.map(describeRule)}},
        columnKind: 'utf16CodeUnits',
        results: all,
      },
    ],
  }
  return `${JSON.stringify(log, null, 2)}\n`
}

export default sarif
