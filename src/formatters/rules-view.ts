// What `pch rules` prints: the catalogue (and the config's local rules) as a table and one rule's
// docs, from the rules' metadata.
import {UsageError} from '../engine/io/load.js'
import {didYouMeanRule} from '../rule-api/suggest.js'
import {thresholds} from '../rule-api/schemas.js'
import {forTerminal} from './neutralise.js'
import {localRuleText, type RuleMeta} from '../rule-api/rule.js'
import type {RuleSet} from '../rule-api/registry.js'

const COLUMNS = ['RULE', 'CHAR.', 'SEVERITY', 'COMPLIANCE', 'FIXABLE', 'SUMMARY'] as const

function row(meta: RuleMeta): string[] {
  return [
    meta.id,
    meta.characteristic === null ? '-' : String(meta.characteristic),
    meta.severity,
    meta.compliance ? 'yes' : 'no',
    meta.fixable ? 'yes' : 'no',
    forTerminal(meta.summary),
  ]
}

export function renderRuleTable(rules: RuleSet): string {
  const {metas} = rules
  const rows = [[...COLUMNS], ...metas.map(row)]
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  const lines = rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '))
  const local = metas.filter((meta) => meta.local).length
  return `${lines.join('\n')}\n\n${metas.length} rules${local > 0 ? ` (${local} local)` : ''}. pch rules ID shows one rule's documentation.\n`
}

function find(rules: RuleSet, id: string): RuleMeta {
  const meta = rules.meta(id)
  if (meta) return meta
  throw new UsageError(
    `Unknown rule "${id}"${didYouMeanRule(
      id,
      rules.metas.map((m) => m.id),
    )} (see pch rules)`,
  )
}

const indent = (text: string, by = '    '): string =>
  text
    .split('\n')
    .map((line) => `${by}${line}`)
    .join('\n')

export function renderRuleDocs(rules: RuleSet, id: string): string {
  const meta = find(rules, id)
  const characteristic = meta.characteristic === null ? 'general' : `characteristic ${meta.characteristic}`
  const kind = [
    characteristic,
    meta.severity,
    meta.compliance ? 'compliance' : 'not compliance',
    `${meta.scope} scope`,
    meta.fixable ? 'fixable with --fix' : 'not fixable',
  ]
  const out = [
    meta.id,
    `  ${kind.join(' · ')}`,
    '',
    `  ${forTerminal(meta.summary)}`,
    '',
    wrap(forTerminal(meta.docs.description), 78, '  '),
  ]
  if (meta.local) {
    out.push(
      '',
      '  A local rule of the config: its findings are advisory, never compliance.',
      '',
      indent(localRuleText(meta.local).split('\n').map(forTerminal).join('\n'), '  '),
      '',
    )
    return `${out.join('\n')}\n`
  }
  const params = thresholds(meta.id)
  if (Object.keys(params).length > 0) {
    out.push(
      '',
      `  Thresholds (from schemas/): ${Object.entries(params)
        .map(([k, v]) => `${k} ${JSON.stringify(v)}`)
        .join(', ')}`,
    )
  }
  if (meta.options) {
    const names = Object.keys((meta.options.properties as object | undefined) ?? {})
    out.push(
      `  Options (.pchrc.yaml): ${names.map((n) => `${n}`).join(', ')}, e.g.  ${meta.id}: [${meta.severity}, { ${names[0]}: ${JSON.stringify(params[names[0]!] ?? 1)} }]`,
    )
  }
  if (meta.compliance) out.push('', '  A compliance rule: only an approved exception in metadata.exceptions accepts its findings.')
  out.push('', '  Fails:', indent(meta.docs.failing), '', '  Passes:', indent(meta.docs.passing), '')
  return `${out.join('\n')}\n`
}

export function ruleDocsJson(rules: RuleSet, id: string | undefined): string {
  const list = id === undefined ? rules.metas : [find(rules, id)]
  const docs = list.map((meta) => ({...meta, thresholds: thresholds(meta.id)}))
  return `${JSON.stringify(id === undefined ? docs : docs[0], null, 2)}\n`
}

function wrap(text: string, width: number, prefix: string): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line && prefix.length + line.length + 1 + word.length > width) {
      lines.push(prefix + line)
      line = word
    } else {
      line = line ? `${line} ${word}` : word
    }
  }
  if (line) lines.push(prefix + line)
  return lines.join('\n')
}
