// The report on a terminal: one line per site in at most 100 columns, then the programme.
import {formatNumber, plural} from '../rule-api/messages.js'
import {CHARACTERISTIC_NAMES, CHARACTERISTICS, type CharacteristicStatus} from './model.js'
import {
  advisoriesOf,
  advisorySentence,
  asOfText,
  bySeverity,
  commissionerName,
  figure,
  listSizesSentence,
  meeting,
  siteName,
  type Renderer,
} from './renderer.js'
import {forTerminal} from '../formatters/neutralise.js'
import {describeComparison} from './compare.js'

/** Text from a definition, its controls shown as escapes, cut or padded to `width` columns. */
const fit = (raw: string, width: number): string => {
  const text = forTerminal(raw)
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width)
}

const table: Renderer = (report, {color, comparison}) => {
  const mark: Record<CharacteristicStatus, string> = {
    met: color.green('✔'),
    'not-met': color.red('✖'),
    'met-by-exception': color.yellow('◐'),
  }
  const out = [
    color.bold(
      `${fit('SITE', 28)} ${fit('STATUS', 15)} ${'POPULATION'.padStart(10)} ${'AS OF'.padEnd(11)} ${'PRACTICES'.padStart(9)}  1  2  3  4  COMPLIANT`,
    ),
  ]
  for (const s of bySeverity(report.sites)) {
    const population = figure(s.registeredPopulation).padStart(10)
    out.push(
      `${fit(siteName(s), 28)} ${fit(s.status ?? '', 15)} ${s.inBand === false ? color.red(population) : population} ${s.stale ? color.yellow(`${s.asOf}!`) : asOfText(s).padEnd(11)} ${figure(s.practices).padStart(9)}  ` +
        `${CHARACTERISTICS.map((n) => mark[s.characteristics[n].status]).join('  ')}  ${s.compliant ? color.green('yes') : color.red('no')}`,
    )
    // What stands behind each "not met" and each exception, one line each, within 100 columns.
    for (const f of s.problems) out.push(color.dim(`    - ${fit(`${f.message} (${f.ruleId})`, 94)}`.trimEnd()))
    for (const n of CHARACTERISTICS) {
      const c = s.characteristics[n]
      if (c.status === 'not-met')
        for (const f of c.findings) out.push(color.dim(`    ${n} ${fit(`${f.message} (${f.ruleId})`, 94)}`.trimEnd()))
      for (const e of c.exceptions)
        out.push(color.dim(`    ${n} ${fit(`accepted: ${e.reason} (${e.approvedBy}, ${e.approvedOn})`, 94)}`.trimEnd()))
    }
    for (const {n, f} of advisoriesOf(s))
      out.push(color.dim(`    ${n ?? '-'} ${fit(`advisory: ${f.message} (${f.ruleId})`, 94)}`.trimEnd()))
  }
  const p = report.programme
  out.push(
    '',
    color.bold(
      `${formatNumber(p.compliant)} of ${formatNumber(p.sites)} sites meet all four characteristics; registered population ${formatNumber(p.registeredPopulation)}.`,
    ),
  )
  for (const n of CHARACTERISTICS) {
    const c = p.characteristics[n]
    out.push(
      `  ${n}. ${fit(CHARACTERISTIC_NAMES[n], 64)} ${`${formatNumber(c.met)} met, ${formatNumber(c.metByException)} by exception, ${formatNumber(c.notMet)} not`.slice(0, 30)}`.trimEnd(),
    )
  }
  out.push(listSizesSentence(report))
  const advisories = advisorySentence(report)
  if (advisories !== undefined) out.push(advisories)
  if (report.commissioners.length > 0) {
    // Within 100 columns: the commissioner, then right-aligned figures, then the oldest list sizes.
    const columns = (label: string, ...cells: string[]): string =>
      `${fit(label, 32)}${cells
        .slice(0, 8)
        .map((c, i) => c.padStart([6, 12, 10, 5, 5, 5, 5, 6][i]!))
        .join('')}  ${cells[8]}`
    out.push('', color.bold(columns('BY COMMISSIONER', 'SITES', 'POPULATION', 'ALL FOUR', '1', '2', '3', '4', 'STALE', 'OLDEST')))
    for (const c of report.commissioners) {
      const figures = [
        c.sites,
        c.registeredPopulation,
        c.compliant,
        ...CHARACTERISTICS.map((n) => meeting(c.characteristics[n])),
        c.stale,
      ].map(formatNumber)
      out.push(columns(commissionerName(c), ...figures, c.oldestAsOf ?? 'unknown'))
    }
    out.push(
      color.dim(`  1-4: sites meeting each (met or by exception); STALE: list sizes more than ${report.staleAfterMonths} months old`),
    )
  }
  if (p.unreadable > 0) {
    out.push(color.red(`${plural(p.unreadable, 'definition')} could not be read:`))
    for (const u of report.unreadable) out.push(color.red(`  ${fit(`${u.filePath}:${u.line}:${u.column} ${u.message}`, 98)}`.trimEnd()))
  }
  if (comparison) {
    out.push('', color.bold(`Since the last report (${comparison.comparedWith}):`))
    for (const {text, details} of describeComparison(comparison, forTerminal))
      out.push(`  ${text}`, ...details.map((d) => color.dim(`    ${d}`)))
  }
  out.push(
    `${mark.met} met  ${mark['met-by-exception']} met by exception  ${mark['not-met']} not met  ${color.yellow('!')} list sizes more than ${report.staleAfterMonths} months old`,
  )
  return `${out.join('\n')}\n`
}

export default table
