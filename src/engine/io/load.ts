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

/** Expand PATHS in order, without repeats. Throws UsageError for a path that matches nothing. */
export function resolvePaths(args: readonly string[], cwd = process.cwd(), ignored?: (file: string) => boolean): Source[] {
  const seen = new Set<string>()
  const sources: Source[] = []
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
      if (sources.some((s) => s.kind === 'stdin')) throw new UsageError('Standard input (-) can be given only once')
      sources.push({kind: 'stdin'})
      continue
    }
    const absolute = path.resolve(cwd, arg)
    const stats = statOrUndefined(absolute)
    if (stats?.isDirectory()) {
      const files = walk(absolute).filter((file) => !ignored?.(file.path))
      if (files.length === 0) throw new UsageError(`No *.pch.yaml or *.pch.yml files found in ${arg}`)
      for (const file of files) add(file.path, file.real, file.path)
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
 * Every definition file below a directory, sorted, with its real path; follows links but never
 * loops. Only links are stat'ed: a plain file's real path is its directory's plus its name.
 */
function walk(root: string): Array<{path: string; real: string | undefined}> {
  const found: Array<{path: string; real: string | undefined}> = []
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
        found.push({path: full, real: plain ? flat(path.join(real, name)) : undefined})
      }
    }
  }
  visit(root)
  return found
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
