// The report on a terminal: one line per site in at most 100 columns, then the programme.
import {formatNumber} from '../engine/messages.js'
import {CHARACTERISTIC_NAMES, CHARACTERISTICS, type CharacteristicStatus} from './model.js'
import {bySeverity, figure, siteName, type Renderer} from './renderer.js'

const fit = (text: string, width: number): string => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width))

const table: Renderer = (report, {color}) => {
  const mark: Record<CharacteristicStatus, string> = {'met': color.green('✔'), 'not-met': color.red('✖'), 'met-by-exception': color.yellow('◐')}
  const out = [color.bold(`${fit('SITE', 28)} ${fit('STATUS', 15)} ${'POPULATION'.padStart(10)} ${'PRACTICES'.padStart(9)}  1  2  3  4  COMPLIANT`)]
  for (const s of bySeverity(report.sites)) {
    const population = figure(s.registeredPopulation).padStart(10)
    out.push(
      `${fit(siteName(s), 28)} ${fit(s.status ?? '', 15)} ${s.inBand === false ? color.red(population) : population} ${figure(s.practices).padStart(9)}  ` +
        `${CHARACTERISTICS.map((n) => mark[s.characteristics[n].status]).join('  ')}  ${s.compliant ? color.green('yes') : color.red('no')}`,
    )
  }
  const p = report.programme
  out.push('', color.bold(`${formatNumber(p.compliant)} of ${formatNumber(p.sites)} sites meet all four characteristics; registered population ${formatNumber(p.registeredPopulation)}.`))
  for (const n of CHARACTERISTICS) {
    const c = p.characteristics[n]
    out.push(`  ${n}. ${fit(CHARACTERISTIC_NAMES[n], 64)} ${formatNumber(c.met + c.metByException)} met (${formatNumber(c.metByException)} by exception)`)
  }
  if (p.unreadable > 0) out.push(color.red(`${formatNumber(p.unreadable)} definitions could not be read: ${report.unreadable.map((u) => `${u.filePath}:${u.line}`).join(', ')}`))
  out.push(`${mark.met} met  ${mark['met-by-exception']} met by exception  ${mark['not-met']} not met`)
  return `${out.join('\n')}\n`
}

export default table
