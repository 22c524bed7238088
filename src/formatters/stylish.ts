// The default format, for people: findings grouped by file, aligned columns, one summary line.
import type {Message} from '../rule-api/types.js'
import {formatNumber} from '../rule-api/messages.js'
import type {ChalkInstance} from 'chalk'
import {addTotals, plural, totals, wholeOf, type FormatContext, type StreamFormatter, type Totals} from './formatter.js'
import {forTerminal} from './neutralise.js'

export const stream: StreamFormatter = ({color}) => {
  const sum = totals([])
  return {
    head: () => '',
    file(result) {
      addTotals(sum, result)
      if (result.messages.length === 0) return ''
      const rows = result.messages.map((m) => [`${m.line}:${m.column}`, m.severity, messageText(m), m.ruleId] as const)
      const width = (i: 0 | 1 | 2): number => rows.reduce((max, row) => Math.max(max, row[i].length), 0)
      const [w0, w1, w2] = [width(0), width(1), width(2)]
      const out = [color.underline(forTerminal(result.filePath))]
      for (const [position, severity, text, ruleId] of rows) {
        const paint = severity === 'error' ? color.red : severity === 'warning' ? color.yellow : color.blue
        out.push(`  ${color.dim(position.padEnd(w0))}  ${paint(severity.padEnd(w1))}  ${text.padEnd(w2)}  ${color.dim(ruleId)}`.trimEnd())
      }
      return `${out.join('\n')}\n\n`
    },
    tail: (warnings) => `${summary(sum, color, warnings).join('\n')}\n`,
  }
}

/** The lines after the files: the problems (or none), and why the exit code is what it is. */
function summary(sum: Totals, color: ChalkInstance, warnings: FormatContext['warnings']): string[] {
  const out: string[] = []
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
  return out
}

/**
 * One line per finding on a terminal: control characters, line breaks too, shown as escapes. The
 * editor gives the accepting exception's reason too.
 */
export function messageText(message: Message, reason?: string): string {
  const accepted = reason === undefined ? 'accepted by exception' : `accepted by exception: ${reason}`
  return forTerminal(message.excepted ? `${message.message} (${accepted})` : message.message)
}

export default wholeOf(stream)
