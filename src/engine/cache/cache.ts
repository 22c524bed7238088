// --cache: each file's phase 1 result, kept by a hash of its text and name. A file whose hash is
// unchanged is not parsed or checked again; repo-scope rules (phase 2) and exceptions, config and
// directives (phase 3) still run over every file, so results are those of a run without the cache.
// One cache file per mode; it is thrown away whole when anything else that shapes a result
// changes: pch's version, the config (its local rules too), the register, what the report needs, or (lint) today's date.
// A cache is never trusted: it can make a run faster, never different. Its file is read only when
// it is a regular file of the right shape (cache-shape.ts), and written only there, never through a
// link; fix edits are never taken from it (a file with fixable findings is checked again by --fix).
import {accessSync, constants, lstatSync, mkdirSync, realpathSync, statSync} from 'node:fs'
import path from 'node:path'
import {isCacheEntry} from './cache-shape.js'
import type {CheckedFile, CheckOptions} from '../pipeline/check.js'
import {limitsOf} from '../config/config.js'
import type {FileText} from '../io/source-text.js'
import {crypto} from '../../rule-api/lazy.js'
import type {Registry} from '../../rule-api/registry.js'
import {decode, readBounded} from '../io/read.js'
import {isInside, isLink, writeFileAtomic} from '../io/write.js'

/** The default place, as ESLint and Babel keep theirs. */
export const DEFAULT_CACHE_LOCATION = path.join('node_modules', '.cache', 'pch')

interface Entry {
  hash: string
  file: CheckedFile
}

export class CheckCache {
  private readonly entries: Map<string, Entry>
  private changed = false

  constructor(
    readonly environment: string,
    entries: Iterable<[string, Entry]> = [],
  ) {
    this.entries = new Map(entries)
  }

  /**
   * The phase 1 result of `key` (an absolute path) if its hash is the one recorded. For --fix
   * (`fixing`), not one with a fixable finding: the cache keeps no fix edits, so that file is
   * checked again and its edits are always pch's own, never bytes a cache file says to write.
   */
  get(key: string, hash: string, fixing = false): CheckedFile | undefined {
    const entry = this.entries.get(key)
    if (!entry || entry.hash !== hash) return undefined
    return fixing && entry.file.findings.some((found) => found.fixable || found.fix) ? undefined : entry.file
  }

  /** The hash recorded for `key`, if any (workers compare it themselves). */
  hashOf(key: string): string | undefined {
    return this.entries.get(key)?.hash
  }

  set(key: string, hash: string, file: CheckedFile): void {
    this.entries.set(key, {hash, file})
    this.changed = true
  }

  get dirty(): boolean {
    return this.changed
  }

  /** What the cache file holds: every entry, without fix edits. */
  toJSON(): unknown {
    const withoutEdits = ({hash, file}: Entry): Entry => ({
      hash,
      file: {...file, findings: file.findings.map(({fix: _fix, ...found}) => found)},
    })
    return {environment: this.environment, entries: [...this.entries].map(([key, entry]) => [key, withoutEdits(entry)])}
  }
}

/** A hash of what phase 1 reads of a file: its name, its path as shown, and its text. */
export function contentHash(filePath: string, name: string | undefined, text: FileText): string {
  return crypto()
    .createHash('sha1')
    .update(`${name ?? ''}\0${filePath}\0`)
    .update(typeof text === 'string' || text instanceof Uint8Array ? text : `\0too large: ${text.tooLarge ?? 'stream'}`)
    .digest('base64')
}

/**
 * The shape of a cached phase 1 result: raised whenever CheckedFile changes, so that a cache written
 * by an earlier build of the same version is thrown away rather than misread.
 */
export const CACHE_FORMAT = 4

/** What, besides a file's own text, shapes its phase 1 result. */
export function cacheEnvironment(version: string, options: CheckOptions): string {
  const {mode, today, config, register, trusts, collectSites} = options
  return crypto()
    .createHash('sha1')
    .update(
      JSON.stringify({
        format: CACHE_FORMAT,
        version,
        mode,
        // Only lint has date-dependent rules.
        today: mode === 'lint' ? today : '',
        rules: [...config.rules],
        // A changed local rule changes what phase 1 finds.
        local: config.local ?? [],
        limits: limitsOf(config),
        register: register ? [...register] : null,
        trusts: trusts ? [...trusts] : null,
        collectSites: Boolean(collectSites),
      }),
    )
    .digest('base64')
}

/** The name of a mode's cache file in its directory. */
function cacheName(options: CheckOptions): string {
  return `${options.mode}${options.collectSites ? '-report' : ''}.json`
}

/** A cache file larger than this is not read (10,000 definitions make a few MB). */
export const CACHE_FILE_LIMIT = 64 * 1024 * 1024

/**
 * The cache file of a mode in `location` (a directory, made if missing), or why no cache can be
 * kept there: it is a file, the root directory, not writable, cannot be made, leads out of the
 * working directory through a link (a committed `node_modules` linked elsewhere), or its file is a
 * link or not a regular file. The run then goes on without the cache.
 */
export function placeCache(location: string, cwd: string, options: CheckOptions): {file: string} | {unusable: string} {
  const dir = path.resolve(cwd, location)
  const name = cacheName(options)
  const why = unusableDirectory(dir, cwd) ?? unusableFile(path.join(dir, name), name)
  return why === undefined ? {file: path.join(dir, name)} : {unusable: why}
}

/** The one wording of a cache that cannot be used or written, for a one-line warning. */
export function cacheWarning(location: string, why: string): string {
  return `cannot use the cache in ${location}: ${why}; running without the cache`
}

function unusableDirectory(dir: string, cwd: string): string | undefined {
  if (path.dirname(dir) === dir) return 'it is the root directory'
  // Before anything is made (mkdir would follow a link), then once it is there.
  const escape = leavesWorkingDirectory(dir, cwd)
  if (escape) return escape
  try {
    mkdirSync(dir, {recursive: true})
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST' && !isDirectory(dir)) return isFile(dir) ? 'it is a file, not a directory' : 'it is not a directory'
    if (code === 'ENOTDIR' || code === 'EEXIST') return 'it cannot be made: a part of its path is a file'
    return `it cannot be made: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(error))}`
  }
  try {
    accessSync(dir, constants.W_OK)
  } catch {
    return 'it is not writable'
  }
  return leavesWorkingDirectory(dir, cwd)
}

/** A location inside the working directory must stay inside it, links resolved. */
function leavesWorkingDirectory(dir: string, cwd: string): string | undefined {
  if (!isInside(dir, cwd)) return undefined // a place the user chose elsewhere: theirs to link
  const real = realpathSync(cwd)
  // The deepest part of the path that exists, links resolved (what is below it is made as real directories).
  for (let probe = dir; isInside(probe, cwd); probe = path.dirname(probe)) {
    let resolved: string
    try {
      resolved = realpathSync(probe)
    } catch {
      if (isLink(probe)) return 'a symbolic link in its path leads nowhere'
      continue
    }
    return isInside(resolved, real) ? undefined : 'it leads out of the working directory through a symbolic link'
  }
  return undefined
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory()
  } catch {
    return false
  }
}

function isFile(file: string): boolean {
  try {
    return lstatSync(file).isFile()
  } catch {
    return false
  }
}

/** The cache file may be missing; if it is there, it must be a regular file, not a link. */
function unusableFile(file: string, name: string): string | undefined {
  let stat
  try {
    stat = lstatSync(file)
  } catch {
    return undefined
  }
  if (stat.isSymbolicLink()) return `${name} there is a symbolic link, and pch never writes the cache through one`
  return stat.isFile() ? undefined : `${name} there is not a regular file`
}

/** The cache kept at `file`, or an empty one when it is missing, unreadable, too large, damaged or stale. */
export function loadCache(file: string, environment: string, registry: Registry): CheckCache {
  try {
    const read = readBounded(file, CACHE_FILE_LIMIT)
    const text = 'bytes' in read ? decode(read.bytes) : undefined
    const saved: unknown = text === undefined ? undefined : JSON.parse(text)
    if (typeof saved === 'object' && saved !== null && 'environment' in saved && 'entries' in saved) {
      const {environment: kept, entries} = saved
      if (kept === environment && Array.isArray(entries) && entries.every((entry) => isCacheEntry(entry, registry)))
        return new CheckCache(environment, entries)
    }
  } catch {
    // A cache is only ever an optimisation: anything wrong with it means starting afresh.
  }
  return new CheckCache(environment)
}

/** Write the cache atomically (a reader never sees half a file); why not, when it cannot be written. */
export function saveCache(file: string, cache: CheckCache): string | undefined {
  if (!cache.dirty) return undefined
  // Checked again: the file may have become a link since the run began.
  const why = unusableFile(file, path.basename(file))
  if (why !== undefined) return why
  try {
    writeFileAtomic(file, JSON.stringify(cache), {noFollow: true})
    return undefined
  } catch (error) {
    return `it cannot be written: ${(error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))}`
  }
}
