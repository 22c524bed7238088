// --cache: each file's phase 1 result, kept by a hash of its text and name. A file whose hash is
// unchanged is not parsed or checked again; repo-scope rules (phase 2) and exceptions, config and
// directives (phase 3) still run over every file, so results are those of a run without the cache.
// One cache file per mode; it is thrown away whole when anything else that shapes a result
// changes: pch's version, the config (its local rules too), the register, what the report needs, or (lint) today's date.
import {mkdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import type {CheckedFile, CheckOptions} from './check.js'
import {limitsOf} from './config.js'
import type {FileText} from './run.js'
import {crypto} from './lazy.js'
import {writeFileAtomic} from './write.js'

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

  /** The phase 1 result of `key` (an absolute path) if its hash is the one recorded. */
  get(key: string, hash: string): CheckedFile | undefined {
    const entry = this.entries.get(key)
    return entry && entry.hash === hash ? entry.file : undefined
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

  toJSON(): unknown {
    return {environment: this.environment, entries: [...this.entries]}
  }
}

/** A hash of what phase 1 reads of a file: its name, its path as shown, and its text. */
export function contentHash(filePath: string, name: string | undefined, text: FileText): string {
  return crypto().createHash('sha1')
    .update(`${name ?? ''}\0${filePath}\0`)
    .update(typeof text === 'string' || text instanceof Uint8Array ? text : `\0too large: ${text.tooLarge ?? 'stream'}`)
    .digest('base64')
}

/**
 * The shape of a cached phase 1 result: raised whenever CheckedFile changes, so that a cache written
 * by an earlier build of the same version is thrown away rather than misread.
 */
export const CACHE_FORMAT = 3

/** What, besides a file's own text, shapes its phase 1 result. */
export function cacheEnvironment(version: string, options: CheckOptions): string {
  const {mode, today, config, register, trusts, collectSites} = options
  return crypto().createHash('sha1')
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

/** The cache file of a mode in `location` (a directory). */
export function cacheFile(location: string, options: CheckOptions): string {
  return path.join(location, `${options.mode}${options.collectSites ? '-report' : ''}.json`)
}

/** The cache kept at `file`, or an empty one when it is missing, unreadable, damaged or stale. */
export function loadCache(file: string, environment: string): CheckCache {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as {environment?: unknown; entries?: unknown}
    if (saved.environment === environment && Array.isArray(saved.entries) && saved.entries.every(isEntry)) return new CheckCache(environment, saved.entries)
  } catch {
    // A cache is only ever an optimisation: anything wrong with it means starting afresh.
  }
  return new CheckCache(environment)
}

/** A saved entry of the current shape: [path, {hash, file}] (anything else means a damaged cache). */
function isEntry(entry: unknown): entry is [string, Entry] {
  if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string') return false
  const {hash, file} = (entry[1] ?? {}) as Partial<Entry>
  return typeof hash === 'string' && typeof file?.filePath === 'string' && typeof file.claims === 'string' && Array.isArray(file.findings) && Array.isArray(file.exceptions) && Array.isArray(file.directives)
}

/** Write the cache atomically (a reader never sees half a file); false when it cannot be written. */
export function saveCache(file: string, cache: CheckCache): boolean {
  if (!cache.dirty) return true
  try {
    mkdirSync(path.dirname(file), {recursive: true})
    writeFileAtomic(file, JSON.stringify(cache))
    return true
  } catch {
    return false
  }
}
