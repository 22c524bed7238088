// The default format, for people: findings grouped by file, aligned columns, one summary line.
import type {Message} from '../rule-api/types.js'
import {formatNumber} from '../rule-api/messages.js'
import {plural, totals, type Formatter} from './formatter.js'
import {forTerminal} from './neutralise.js'

const stylish: Formatter = (results, {color, warnings}) => {
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
  } else if (warnings?.hidden && warnings.count > 0) {
    out.push(
      color.green.bold(
        `✔ No errors in ${plural(sum.files, 'file')} (${plural(sum.documents, 'definition')}); ${plural(warnings.count, 'warning')} not shown (--quiet)`,
      ),
    )
  } else {
    out.push(color.green.bold(`✔ No problems in ${plural(sum.files, 'file')} (${plural(sum.documents, 'definition')})`))
  }
  // The exit code's reason, when it is the warnings: the summary never says "no problems" and exits 1 unexplained.
  if (warnings?.max !== undefined && warnings.count > warnings.max)
    out.push(
      color.red.bold(
        `✖ Too many warnings: ${formatNumber(warnings.count)}, more than --max-warnings ${formatNumber(warnings.max)} allows (exit 1)`,
      ),
    )
  if (sum.infos > 0) out.push(color.blue(`ℹ ${plural(sum.infos, 'finding')} accepted by an approved exception`))
  if (sum.suppressed > 0) out.push(color.dim(`${plural(sum.suppressed, 'finding')} suppressed by the suppressions file`))
  return `${out.join('\n')}\n`
}

/**
 * One line per finding on a terminal: control characters, line breaks too, shown as escapes. The
 * editor gives the accepting exception's reason too.
 */
export function messageText(message: Message, reason?: string): string {
  const accepted = reason === undefined ? 'accepted by exception' : `accepted by exception: ${reason}`
  return forTerminal(message.excepted ? `${message.message} (${accepted})` : message.message)
}

export default stylish
