// The body of `pch report`: lint the programme, build the compliance model, render, write.
import {Chalk, supportsColor} from 'chalk'
import {checkToday, refuseOutputsOverInputs, writeOrFail} from './check-command.js'
import {loadConfig} from '../engine/config/config.js'
import {UsageError} from '../engine/io/load.js'
import {runParallel} from '../engine/parallel/parallel.js'
import {thresholds} from '../rule-api/schemas.js'
import {registry} from '../rules/registry.js'
import {loadRenderer, type ReportFormat} from '../report/index.js'
import {buildReport, type ComplianceReport} from '../report/model.js'
import type {ReportView} from '../report/renderer.js'

export interface ReportFlags {
  format?: string
  by?: string
  output?: string
  'fail-on-noncompliance': boolean
  today?: string
  config?: string
  color?: boolean
  compare?: string
}

export async function runReport(paths: string[], flags: ReportFlags): Promise<number> {
  const today = checkToday(flags.today)
  if (flags.by === 'commissioner' && flags.format !== 'csv') {
    throw new UsageError('--by commissioner is for --format csv (one row per ICB); the other formats always show the view by commissioner')
  }
  // The earlier report first: a bad one fails the run before any definition (or the config) is read.
  const previous = flags.compare === undefined ? undefined : await readPrevious(flags.compare)
  // The config once, for the run and for the model (which lists its local rules' findings as advisory).
  const config = loadConfig(process.cwd(), flags.config, registry)
  const input = {mode: 'lint', registry, today, paths, config, collect: {sites: true}} as const
  if (flags.output !== undefined) await refuseOutputsOverInputs([flags.output], input, flags.compare === undefined ? [] : [flags.compare])
  const {results, sites} = await runParallel(input)
  const band = thresholds('population/size-band') as {minimum: number; maximum: number}
  const staleAfterMonths = thresholds('population/stale-list-sizes').maxAgeMonths as number
  const report = buildReport(results, sites, {today, band, staleAfterMonths, rules: registry.ruleSetOf(config)})
  const comparison = previous ? (await import('../report/compare.js')).compareReports(previous, report) : undefined
  const toFile = flags.output !== undefined
  const format = (flags.format ?? (!toFile && process.stdout.isTTY ? 'table' : 'markdown')) as ReportFormat
  const level =
    toFile || flags.color === false || (flags.color !== true && (process.env.NO_COLOR || !process.stdout.isTTY))
      ? 0
      : (supportsColor ? supportsColor.level : 0) || 1
  const text = (await loadRenderer(format))(report, {
    color: new Chalk({level: level as 0 | 1 | 2 | 3}),
    by: (flags.by ?? 'site') as ReportView,
    ...(comparison ? {comparison} : {}),
  })
  if (toFile) await writeOrFail(flags.output!, text)
  else process.stdout.write(text)
  const failing = report.programme.compliant < report.programme.sites || report.programme.unreadable > 0
  return flags['fail-on-noncompliance'] && failing ? 1 : 0
}

/** --compare: an earlier `report --format json`, through the bounded reader. */
async function readPrevious(file: string): Promise<ComplianceReport> {
  const [{EARLIER_RUN_FILE, readDataText}, {parsePreviousReport}, {existsSync}] = await Promise.all([
    import('../engine/io/read.js'),
    import('../report/compare.js'),
    import('node:fs'),
  ])
  if (!existsSync(file)) throw new UsageError(`--compare ${file} does not exist`)
  return parsePreviousReport(readDataText(file, {...EARLIER_RUN_FILE, shown: file, expected: 'a report (pch report --format json)'}), file)
}
