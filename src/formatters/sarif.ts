// SARIF 2.1.0 for code-scanning tools (GitHub code scanning and others): one run, every rule in
// tool.driver.rules, one result per finding. Findings accepted by an exception are suppressed.
import type {Message} from '../engine/types.js'
import {localRuleText, type RuleMeta} from '../rules/rule.js'
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
      tags: [meta.characteristic === null ? (meta.local ? 'local' : 'structure') : `characteristic-${meta.characteristic}`, ...(meta.compliance ? ['compliance'] : []), ...(meta.local && meta.characteristic !== null ? ['local'] : [])],
      ...(meta.local ? {declaredIn: meta.local.declaredIn} : {}),
    },
  }
}

/** A relative path as a URI reference: each segment percent-encoded, separators kept. */
function toUri(filePath: string): string {
  return filePath.split('/').map(encodeURIComponent).join('/')
}

const sarif: Formatter = (results, {rules, version}) => {
  const index = new Map(rules.map((meta, i) => [meta.id, i]))
  const toResult = (filePath: string, m: Message): Record<string, unknown> => ({
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
    ...(m.excepted ? {suppressions: [{kind: 'inSource', status: 'accepted', justification: 'Accepted by an approved exception in metadata.exceptions'}]} : {}),
    properties: {path: m.path, characteristic: m.characteristic, ...(m.documentIndex === undefined ? {} : {documentIndex: m.documentIndex})},
  })
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {driver: {name: 'pch', semanticVersion: version, version, rules: rules.map(describeRule)}},
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((result) => result.messages.map((m) => toResult(result.filePath, m))),
      },
    ],
  }
  return `${JSON.stringify(log, null, 2)}\n`
}

export default sarif
