// Command-line paths -> the definition files to check: files, directories, globs and stdin.
import {readdirSync, realpathSync, statSync, type Dirent} from 'node:fs'
import path from 'node:path'
import {picomatch, tinyglobby} from '../../rule-api/lazy.js'

/** A fault of the run itself (exit 2), not of a definition. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

export const DEFINITION_FILE = /\.pch\.ya?ml$/
const SKIPPED_DIRS = new Set(['node_modules', '.git'])

export type Source = {kind: 'file'; path: string} | {kind: 'stdin'}

/**
 * The sources of a run, in order, held compact (issue 20): their paths in long strings of a
 * thousand each rather than an object and a string apiece (at 50,000 files, 3 MB rather than 6).
 * `at` and the iterator make each source's object when it is asked for.
 */
export class SourceList implements Iterable<Source> {
  static readonly PIECE = 1024
  /** The paths of each full piece, end to end, and where each begins (and the last ends). */
  private readonly pieces: Array<{paths: string; starts: Uint32Array}> = []
  /** The paths of the piece being filled ('' for standard input). */
  private filling: string[] = []
  private stdin = -1

  constructor(sources: Iterable<Source> = []) {
    for (const source of sources) this.push(source)
  }

  get hasStdin(): boolean {
    return this.stdin !== -1
  }

  get length(): number {
    return this.pieces.length * SourceList.PIECE + this.filling.length
  }

  push(source: Source): void {
    if (source.kind === 'stdin') this.stdin = this.length
    this.filling.push(source.kind === 'stdin' ? '' : source.path)
    if (this.filling.length < SourceList.PIECE) return
    const starts = new Uint32Array(SourceList.PIECE + 1)
    this.filling.forEach((file, i) => (starts[i + 1] = starts[i]! + file.length))
    this.pieces.push({paths: this.filling.join(''), starts})
    this.filling = []
  }

  at(index: number): Source | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.length) return undefined
    if (index === this.stdin) return {kind: 'stdin'}
    const piece = this.pieces[Math.floor(index / SourceList.PIECE)]
    const at = index % SourceList.PIECE
    return {kind: 'file', path: piece ? piece.paths.slice(piece.starts[at], piece.starts[at + 1]) : this.filling[at]!}
  }

  *[Symbol.iterator](): Iterator<Source> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!
  }

  map<T>(each: (source: Source, index: number) => T): T[] {
    return Array.from(this, each)
  }
}

/** Expand PATHS in order, without repeats. Throws UsageError for a path that matches nothing. */
export function resolvePaths(args: readonly string[], cwd = process.cwd(), ignored?: (file: string) => boolean): SourceList {
  const seen = new Set<string>()
  const sources = new SourceList()
  // One file reached twice (two paths, a linked directory) is checked once: repo-scope rules
  // would otherwise compare it with itself.
  // A walked file's path is absolute and normalised already: it is not resolved again.
  const add = (file: string, known?: string, absolute = path.resolve(cwd, file)): void => {
    let real = known ?? absolute
    if (known === undefined) {
      try {
        real = realpathSync.native(absolute)
      } catch {
        // checked (and reported) when read
      }
    }
    if (!seen.has(real)) {
      seen.add(real)
      sources.push({kind: 'file', path: flat(absolute)})
    }
  }
  for (const arg of args.length === 0 ? ['.'] : args) {
    if (arg === '-') {
      if (sources.hasStdin) throw new UsageError('Standard input (-) can be given only once')
      sources.push({kind: 'stdin'})
      continue
    }
    const absolute = path.resolve(cwd, arg)
    const stats = statOrUndefined(absolute)
    if (stats?.isDirectory()) {
      let found = 0
      walk(absolute, (file, real) => {
        if (ignored?.(file)) return
        found++
        add(file, real, file)
      })
      if (found === 0) throw new UsageError(`No *.pch.yaml or *.pch.yml files found in ${arg}`)
    } else if (stats) {
      add(absolute)
    } else if (tinyglobby().isDynamicPattern(arg)) {
      const files = tinyglobby()
        .globSync(arg, {cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**']})
        .filter((file) => !ignored?.(file))
        .sort()
      if (files.length === 0) throw new UsageError(`No files match the pattern ${arg}`)
      for (const file of files) add(file)
    } else {
      throw new UsageError(`Path not found: ${arg}`)
    }
  }
  return sources
}

/**
 * The path as one flat string. path.resolve and path.join build a path segment by segment, and V8
 * keeps such a string as a tree of its pieces until it is read: a run keeps every source's path,
 * and at 50,000 files the trees took 17 MB against 6 MB flat (and the walk's peak 57 MB of heap).
 * Reading a character flattens it.
 */
function flat(file: string): string {
  file.charCodeAt(0)
  return file
}

function statOrUndefined(file: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(file)
  } catch {
    return undefined
  }
}

/**
 * Every definition file below a directory, in sorted order, with its real path (undefined for a
 * link, to be resolved); follows links but never loops. Only links are stat'ed: a plain file's real
 * path is its directory's plus its name, the very string of its path where no link is on the way
 * (a run of 50,000 files holds its paths once, not twice, until the walk ends).
 */
function walk(root: string, found: (file: string, real: string | undefined) => void): void {
  const visited = new Set<string>()
  const visit = (dir: string): void => {
    let real: string
    try {
      real = realpathSync.native(dir)
    } catch {
      return
    }
    if (visited.has(real)) return
    visited.add(real)
    let entries: Dirent[]
    try {
      entries = readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    } catch (error) {
      throw new UsageError(`Cannot read directory ${dir}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`)
    }
    for (const entry of entries) {
      const {name} = entry
      // Flat at once: until the walk ends, the pieces path.join built them from would be kept with them.
      const full = flat(path.join(dir, name))
      // Links (and entries of a type the file system did not say) are stat'ed to see what they are.
      const plain = entry.isFile() || entry.isDirectory()
      const stats = plain ? entry : statOrUndefined(full)
      if (stats?.isDirectory()) {
        if (!SKIPPED_DIRS.has(name)) visit(full)
      } else if (stats?.isFile() && DEFINITION_FILE.test(name)) {
        found(full, !plain ? undefined : real === dir ? full : flat(path.join(real, name)))
      }
    }
  }
  visit(root)
}

/** The config's `ignore` globs as a matcher of absolute paths (relative to the config's directory); none without globs. */
export function ignoreMatcher(config: {dir: string; ignore: readonly string[]}): ((file: string) => boolean) | undefined {
  if (config.ignore.length === 0) return undefined
  // "archive", "archive/" and "/archive/**" name a directory as "archive/**" does.
  const patterns = config.ignore.flatMap((raw) => {
    const pattern = raw.replace(/^\//, '').replace(/\/$/, '')
    return /[*?[\]{}]/.test(pattern) ? [pattern] : [pattern, `${pattern}/**`]
  })
  const matches = picomatch()(patterns, {dot: true})
  return (file) => {
    const relative = path.relative(config.dir, file).split(path.sep).join('/')
    return !relative.startsWith('../') && matches(relative)
  }
}
