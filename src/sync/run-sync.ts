// The body of `pch sync-list-sizes`: read the extract (exit 2 if it is not the expected shape, before
// anything is written), compute every file's edits, then check, show or write them all at once. A
// definition that cannot be read or parsed is named and nothing is written (exit 2); a file whose
// population.asOf is newer than the extract is named and left (exit 1), in every mode alike.
import path from 'node:path'
import {limitsOf, loadConfig} from '../engine/config/config.js'
import {registry} from '../rules/registry.js'
import {applyEdits} from '../engine/pipeline/fix.js'
import {ignoreMatcher, resolvePaths, UsageError} from '../engine/io/load.js'
import {plural} from '../rule-api/messages.js'
import {displayPath, readDefinition} from '../engine/io/source-text.js'
import {thresholds} from '../rule-api/schemas.js'
import {writeFilesAtomic} from '../engine/io/write.js'
import {patch} from '../formatters/patch.js'
import {forTerminal} from '../formatters/neutralise.js'
import {tooLargeMessage} from '../engine/io/read.js'
import {extractSource, readExtract} from './extract.js'
import {describeSite, syncText, type Band, type SiteChange} from './sync.js'

export interface SyncFlags {
  from: string
  check: boolean
  'dry-run': boolean
  'update-budget': boolean
  'allow-older': boolean
  config?: string
}

export async function runSync(paths: string[], flags: SyncFlags): Promise<number> {
  const cwd = process.cwd()
  if (paths.includes('-')) throw new UsageError('sync-list-sizes rewrites files: it cannot take standard input (-)')
  const extract = readExtract(path.resolve(cwd, flags.from), flags.from)
  const config = loadConfig(cwd, flags.config, registry)
  const {maxFileSize} = limitsOf(config)
  const options = {
    extract,
    source: extractSource(extract.asOf, flags.from),
    band: thresholds('population/size-band') as unknown as Band,
    tolerancePercent: Number(thresholds('budget/capitation-mismatch').tolerancePercent),
    updateBudget: flags['update-budget'],
    allowOlder: flags['allow-older'],
  }
  const out: string[] = [`List sizes as of ${extract.asOf} (${plural(extract.sizes.size, 'practice')} in ${flags.from}):`]
  const writes: Array<{file: string; content: string; filePath: string; before: string; bom: boolean}> = []
  const failures: string[] = []
  const older: string[] = []
  const synced: Array<{filePath: string; site: SiteChange}> = []
  for (const source of resolvePaths(paths, cwd, ignoreMatcher(config))) {
    if (source.kind !== 'file') continue
    const filePath = displayPath(source.path, cwd)
    let read: ReturnType<typeof readDefinition>
    try {
      read = readDefinition(source.path, maxFileSize)
    } catch (error) {
      failures.push((error as Error).message)
      continue
    }
    const {text, bom} = read
    if (typeof text === 'object' && 'tooLarge' in text) {
      failures.push(`${filePath} is ${tooLargeMessage(text.tooLarge, maxFileSize, 'limits.maxFileSize in the config')}`)
      continue
    }
    if (typeof text !== 'string') {
      failures.push(`Cannot sync ${filePath}: it is not UTF-8 text`)
      continue
    }
    const result = syncText(text, options)
    if (result.kind === 'unparsable') {
      failures.push(`Cannot sync ${filePath}:${result.reason}`)
      continue
    }
    if (result.kind === 'older') {
      older.push(
        `  ${filePath}: not changed: the extract (${extract.asOf}) is older than its population.asOf ${result.asOf}; --allow-older uses it anyway`,
      )
      continue
    }
    for (const site of result.sites) {
      out.push(...describeSite(site, options.band, filePath, extract.asOf))
      synced.push({filePath, site})
    }
    if (result.edits.length > 0)
      writes.push({file: source.path, content: `${bom ? '\uFEFF' : ''}${applyEdits(text, result.edits)}`, filePath, before: text, bom})
  }
  if (failures.length > 0) {
    // A run that cannot see every definition changes none (a failed run leaves every file as it was).
    process.stderr.write(
      failures
        .map(
          (line, i) =>
            `pch: ${line}${i === failures.length - 1 ? `; ${failures.length === 1 ? 'it was' : `${plural(failures.length, 'definition')} were`} not synced and no file was changed` : ''}\n`,
        )
        .join(''),
    )
    return 2
  }
  if (older.length > 0)
    out.push(
      `${plural(older.length, 'file')} left as ${older.length === 1 ? 'it was' : 'they were'}: the extract is older than ${older.length === 1 ? 'its' : 'their'} list sizes`,
      ...older,
    )
  out.push(...budgetSummary(synced, flags['update-budget']))
  const refused = older.length > 0 ? 1 : 0
  if (flags.check) {
    for (const w of writes) out.push(`stale: ${w.filePath}`)
    out.push(
      writes.length > 0
        ? `${plural(writes.length, 'definition is', 'definitions are')} out of date; run pch sync-list-sizes --from ${flags.from}`
        : 'Every definition is up to date.',
    )
    process.stdout.write(lines(out))
    return writes.length > 0 ? 1 : refused
  }
  if (flags['dry-run']) {
    // stdout is the patch alone (for git apply); what it means goes to stderr.
    process.stderr.write(lines(out))
    process.stdout.write(writes.map((w) => patch(w.filePath, w.before, w.content.replace(/^\uFEFF/, ''))).join(''))
    return refused
  }
  try {
    writeFilesAtomic(writes.map(({file, content, before, bom}) => ({file, content, read: `${bom ? '\uFEFF' : ''}${before}`})))
  } catch (error) {
    throw new UsageError(`${(error as Error).message}; each file holds either its old or its updated content`)
  }
  out.push(writes.length > 0 ? `Updated ${plural(writes.length, 'file')}.` : 'Every definition was already up to date.')
  process.stdout.write(lines(out))
  return refused
}

/** What the run says, one line each (text from definitions among it). */
function lines(out: readonly string[]): string {
  return `${out.map(forTerminal).join('\n')}\n`
}

/** The sites whose budget the new sizes put out of line (with --update-budget: those rewritten, and those left). */
function budgetSummary(synced: ReadonlyArray<{filePath: string; site: SiteChange}>, updateBudget: boolean): string[] {
  const named = (list: typeof synced): string => list.map(({site}) => site.id).join(', ')
  const lines: string[] = []
  const updated = synced.filter(({site}) => site.budget?.updated !== undefined)
  const left = synced.filter(({site}) => site.budget?.left !== undefined)
  const fires = synced.filter(({site}) => site.budget?.after.mismatch && !site.budget.before.mismatch)
  if (updateBudget) {
    lines.push(
      updated.length > 0
        ? `budget.total rewritten to capitation x population for ${plural(updated.length, 'site')}: ${named(updated)}`
        : 'No budget.total was rewritten.',
    )
    if (left.length > 0)
      lines.push(`budget.total left as it was for ${plural(left.length, 'site')} (contributions, or a weighted basis): ${named(left)}`)
  }
  const still = synced.filter(({site}) => site.budget?.after.mismatch && site.budget.before.mismatch)
  const hint = updateBudget ? '' : ' (--update-budget rewrites the totals of sites without contributions)'
  if (fires.length > 0) lines.push(`budget/capitation-mismatch now fires for ${plural(fires.length, 'site')}: ${named(fires)}${hint}`)
  else lines.push('budget/capitation-mismatch fires for no site that it did not fire for before.')
  if (still.length > 0)
    lines.push(
      `budget/capitation-mismatch still fires, as before the new sizes, for ${plural(still.length, 'site')}: ${named(still)}${fires.length > 0 ? '' : hint}`,
    )
  return lines
}
