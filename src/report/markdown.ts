// The report as Markdown: a programme summary, a row per site, then what stands behind every
// "not met", every exception, the local rules' advisory findings and every unreadable definition.
import {formatNumber, plural} from '../rule-api/messages.js'
import {CHARACTERISTIC_NAMES, CHARACTERISTICS, type CharacteristicStatus, type SiteReport} from './model.js'
import {
  advisoriesOf,
  advisorySentence,
  asOfRange,
  asOfText,
  bySeverity,
  commissionerName,
  figure,
  listSizesSentence,
  meeting,
  money,
  siteName,
  STATUS_WORDS,
  type PlacedFinding,
  type Renderer,
} from './renderer.js'
import {forMarkdown as cell} from '../formatters/neutralise.js'
import {describeComparison, type ReportComparison} from './compare.js'

const MARK: Record<CharacteristicStatus, string> = {met: '✔ met', 'not-met': '✖ not met', 'met-by-exception': '◐ by exception'}

/** One finding of a site as a bullet: the site, what it is of, the finding, its rule and place. */
const bullet = (s: SiteReport, {n, f}: PlacedFinding): string =>
  `- **${cell(siteName(s))}**, ${n === null ? 'the definition' : `characteristic ${n}`}: ${cell(f.message)} (\`${f.ruleId}\`, ${cell(s.filePath)}:${f.line})`

const markdown: Renderer = (report, {comparison}) => {
  const {programme, band} = report
  const out = [
    '# Primary Care Home compliance report',
    '',
    `Generated ${report.generatedOn}. ${formatNumber(programme.compliant)} of ${formatNumber(programme.sites)} sites meet all four characteristics; ` +
      `registered population ${formatNumber(programme.registeredPopulation)}` +
      (programme.unreadable > 0 ? `; ${plural(programme.unreadable, 'definition')} could not be read.` : '.'),
    '',
    listSizesSentence(report),
    '',
    ...(comparison ? sinceSection(comparison) : []),
    '## Characteristics',
    '',
    '| # | characteristic | met | met by exception | not met |',
    '|---|---|---:|---:|---:|',
    ...CHARACTERISTICS.map((n) => {
      const c = programme.characteristics[n]
      return `| ${n} | ${CHARACTERISTIC_NAMES[n]} | ${c.met} | ${c.metByException} | ${c.notMet} |`
    }),
    '',
    '## By commissioner',
    '',
    `Sites meeting each characteristic (met or by exception); stale: list sizes more than ${formatNumber(report.staleAfterMonths)} months old.`,
    '',
    '| commissioner | sites | registered population | all four | 1 | 2 | 3 | 4 | list sizes as of | stale |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|---:|',
    ...report.commissioners.map(
      (c) =>
        `| ${cell(commissionerName(c))} | ${formatNumber(c.sites)} | ${formatNumber(c.registeredPopulation)} | ${formatNumber(c.compliant)} | ` +
        `${CHARACTERISTICS.map((n) => formatNumber(meeting(c.characteristics[n]))).join(' | ')} | ${asOfRange(c)} | ${formatNumber(c.stale)} |`,
    ),
    '',
    '## Sites',
    '',
    `| site | name | status | practices | population (${formatNumber(band.minimum)}-${formatNumber(band.maximum)}) | partner sectors | budget | per patient | risk share | outcomes | 1 | 2 | 3 | 4 | list sizes as of |`,
    '|---|---|---|---:|---:|---|---:|---:|---|---:|---|---|---|---|---|',
    ...bySeverity(report.sites).map((s) =>
      [
        cell(siteName(s)),
        cell(s.name ?? ''),
        cell(s.status ?? ''),
        figure(s.practices),
        `${figure(s.registeredPopulation)}${s.inBand === false ? ' ⚠' : ''}`,
        cell(s.sectors.join(', ')),
        money(s.budgetTotal),
        money(s.annualPerPatient),
        cell(s.riskShareModel ?? ''),
        figure(s.outcomes),
        ...CHARACTERISTICS.map((n) => MARK[s.characteristics[n].status]),
        `${asOfText(s)}${s.stale ? ' ⚠ stale' : ''}`,
      ]
        .join(' | ')
        .replace(/^/, '| ')
        .replace(/$/, ' |'),
    ),
  ]
  const notMet = bySeverity(report.sites).filter((s) => !s.compliant)
  if (notMet.length > 0) {
    out.push('', '## Not met', '')
    for (const s of notMet) {
      for (const f of s.problems) out.push(bullet(s, {n: null, f}))
      for (const n of CHARACTERISTICS.filter((c) => s.characteristics[c].status === 'not-met')) {
        for (const f of s.characteristics[n].findings) out.push(bullet(s, {n, f}))
      }
    }
  }
  const excepted = report.sites.flatMap((s) => CHARACTERISTICS.flatMap((n) => s.characteristics[n].exceptions.map((e) => ({s, n, e}))))
  if (excepted.length > 0) {
    out.push('', '## Exceptions', '')
    for (const {s, n, e} of excepted)
      out.push(
        `- **${cell(siteName(s))}**, characteristic ${n} (\`${e.rule}\`): ${cell(e.reason)}. Approved by ${cell(e.approvedBy)} on ${cell(e.approvedOn)}.`,
      )
  }
  const advisories = advisorySentence(report)
  if (advisories !== undefined) {
    out.push('', '## Advisory findings', '', advisories)
    const found = bySeverity(report.sites).flatMap((s) => advisoriesOf(s).map((placed) => bullet(s, placed)))
    if (found.length > 0) out.push('', ...found)
  }
  if (report.unreadable.length > 0) {
    out.push('', '## Unreadable definitions', '')
    for (const u of report.unreadable) out.push(`- ${cell(u.filePath)}:${u.line}:${u.column}: ${cell(u.message)} (\`${u.ruleId}\`)`)
  }
  out.push('', `Status words: ${Object.values(STATUS_WORDS).join(', ')}.`, '')
  return out.join('\n')
}

/** "Since the last report": what changed, first, one bullet a change, its findings beneath. */
function sinceSection(comparison: ReportComparison): string[] {
  return [
    `## Since the last report (${comparison.comparedWith})`,
    '',
    ...describeComparison(comparison, cell).flatMap(({text, details}) => [`- ${text}`, ...details.map((d) => `  - ${d}`)]),
    '',
  ]
}

export default markdown
