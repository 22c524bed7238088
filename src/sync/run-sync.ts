// The body of `pch sync-list-sizes`: read the extract (exit 2 if it is not the expected shape, before
// anything is written), compute every file's edits, then check, show or write them all at once.
import path from 'node:path'
import {limitsOf, loadConfig} from '../engine/config.js'
import {applyEdits} from '../engine/fix.js'
import {resolvePaths, UsageError} from '../engine/load.js'
import {displayPath, ignoreMatcher, readDefinition} from '../engine/run.js'
import {thresholds} from '../engine/schemas.js'
import {writeFilesAtomic} from '../engine/write.js'
import {patch} from '../cli/patch.js'
import {forTerminal} from '../formatters/neutralise.js'
import {tooLargeMessage} from '../engine/read.js'
import {readExtract} from './extract.js'
import {describeSite, syncText} from './sync.js'

export interface SyncFlags {
  from: string
  check: boolean
  'dry-run': boolean
  config?: string
}

export async function runSync(paths: string[], flags: SyncFlags): Promise<number> {
  const cwd = process.cwd()
  if (paths.includes('-')) throw new UsageError('sync-list-sizes rewrites files: it cannot take standard input (-)')
  const extract = readExtract(path.resolve(cwd, flags.from), flags.from)
  const config = loadConfig(cwd, flags.config)
  const band = thresholds('population/size-band') as {minimum: number; maximum: number}
  const out: string[] = [`List sizes as of ${extract.asOf} (${extract.sizes.size.toLocaleString('en-GB')} practices in ${flags.from}):`]
  const writes: Array<{file: string; content: string; filePath: string; before: string; bom: boolean}> = []
  for (const source of resolvePaths(paths, cwd, ignoreMatcher(config))) {
    if (source.kind !== 'file') continue
    const {maxFileSize} = limitsOf(config)
    const {text, bom} = readDefinition(source.path, maxFileSize)
    const filePath = displayPath(source.path, cwd)
    if (typeof text === 'object' && 'tooLarge' in text) throw new UsageError(`${filePath} is ${tooLargeMessage(text.tooLarge, maxFileSize, 'limits.maxFileSize in the config')}`)
    if (typeof text !== 'string') continue
    const {edits, sites} = syncText(text, extract)
    for (const site of sites) out.push(...describeSite(site, band).map((line, i) => (i === 0 ? line.replace(/^  /, `  ${filePath} `) : line)))
    if (edits.length > 0) writes.push({file: source.path, content: `${bom ? '\uFEFF' : ''}${applyEdits(text, edits)}`, filePath, before: text, bom})
  }
  if (flags.check) {
    for (const w of writes) out.push(`stale: ${w.filePath}`)
    out.push(writes.length > 0 ? `${writes.length} of the definitions are out of date; run pch sync-list-sizes --from ${flags.from}` : 'Every definition is up to date.')
    process.stdout.write(`${out.map(forTerminal).join('\n')}\n`)
    return writes.length > 0 ? 1 : 0
  }
  if (flags['dry-run']) {
    process.stdout.write(writes.map((w) => patch(w.filePath, w.before, w.content.replace(/^\uFEFF/, ''))).join(''))
    return 0
  }
  try {
    writeFilesAtomic(writes.map(({file, content, before, bom}) => ({file, content, read: `${bom ? '\uFEFF' : ''}${before}`})))
  } catch (error) {
    throw new UsageError(`${(error as Error).message}; each file holds either its old or its updated content`)
  }
  out.push(writes.length > 0 ? `Updated ${writes.length} ${writes.length === 1 ? 'file' : 'files'}.` : 'Every definition was already up to date.')
  process.stdout.write(`${out.map(forTerminal).join('\n')}\n`)
  return 0
}
