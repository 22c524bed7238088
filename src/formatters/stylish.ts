// The default format, for people: findings grouped by file, aligned columns, one summary line.
import type {Message} from '../engine/types.js'
import {plural, totals, type Formatter} from './formatter.js'
import {forTerminal} from './neutralise.js'

const stylish: Formatter = (results, {color}) => {
  const out: string[] = []
  for (const result of results) {
    if (result.messages.length === 0) continue
    const rows = result.messages.map((m) => [`${m.line}:${m.column}`, m.severity, messageText(m), m.ruleId] as const)
    const width = (i: 0 | 1 | 2): number => rows.reduce((max, row) => Math.max(max, row[i].length), 0)
    const [w0, w1, w2] = [width(0), width(1), width(2)]
    out.push(color.underline(forTerminal(result.filePath)))
    for (const [position, severity, text, ruleId] of rows) {
      const paint = severity === 'error' ? color.red : severity === 'warning' ? color.yellow : color.blue
      out.push(`  ${color.dim(position.padEnd(w0))}  ${paint(severity.padEnd(w1))}  ${text.padEnd(w2)}  ${color.dim(ruleId)}`.trimEnd())
    }
    out.push('')
  }
  const sum = totals(results)
  const problems = sum.errors + sum.warnings
  if (problems > 0) {
    const paint = sum.errors > 0 ? color.red.bold : color.yellow.bold
    out.push(paint(`✖ ${plural(problems, 'problem')} (${plural(sum.errors, 'error')}, ${plural(sum.warnings, 'warning')})`))
  } else {
    out.push(color.green.bold(`✔ No problems in ${plural(sum.files, 'file')} (${plural(sum.documents, 'definition')})`))
  }
  if (sum.infos > 0) out.push(color.blue(`ℹ ${plural(sum.infos, 'finding')} accepted by an approved exception`))
  if (sum.suppressed > 0) out.push(color.dim(`${plural(sum.suppressed, 'finding')} suppressed by the suppressions file`))
  return `${out.join('\n')}\n`
}

/** One line per finding on a terminal: control characters, line breaks too, shown as escapes. */
function messageText(message: Message): string {
  return forTerminal(message.excepted ? `${message.message} (accepted by exception)` : message.message)
}

export default stylish
