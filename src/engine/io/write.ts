// The output layer: the one way pch writes files (--output, --fix, sync-list-sizes, init, import,
// report --output, schema --out, the cache).
// - A regular file is replaced atomically: a temp file beside it, fsync, then rename, so a reader
//   sees the old bytes or the new bytes, never a mix. The replaced file's mode, owner and group are
//   kept; a file with no write bit is refused; a link is written through to its target (the link
//   stays a link).
// - A device, a FIFO or standard output/error (/dev/stdout, /dev/fd/N) is written in place, never
//   replaced by a regular file, and its write errors (ENOSPC of /dev/full) fail the write.
// - A file pch read is not replaced if another process changed it since (checked just before the
//   rename): that file is named, the others still land.
// - A new file (`create`) is never written over a file that appeared meanwhile.
// - Several files are written in two phases (every temp file first, then every rename), so a
//   failure before the renames leaves every file as it was; SIGINT, SIGTERM and SIGHUP remove the
//   temp files and exit 130, 143 and 129.
import {
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs'
import path from 'node:path'

export interface FileWrite {
  file: string
  content: string | Uint8Array
  /** The bytes pch read from the file: it is not replaced if it holds anything else just before the rename. */
  read?: string | Uint8Array
  /** A new file: never written over one that exists (or appeared since pch looked). */
  create?: boolean
  /** Never through a symbolic link: one there is refused, and one that appears later is replaced, not followed (init). */
  noFollow?: boolean
}

/** A write pch refused or could not make, said for people (the CLI prints it as one line, exit 2). */
export class WriteError extends Error {
  override name = 'WriteError'
  constructor(
    message: string,
    /** The files that did land before the failure (the changed-meanwhile case). */
    readonly written: readonly string[] = [],
  ) {
    super(message)
  }
}

export function writeFileAtomic(file: string, content: string | Uint8Array, options: Omit<FileWrite, 'file' | 'content'> = {}): void {
  writeFilesAtomic([{file, content, ...options}])
}

type Staged =
  {kind: 'replace'; write: FileWrite; temp: string; target: string} | {kind: 'in-place'; write: FileWrite; target: string | number}

export function writeFilesAtomic(writes: readonly FileWrite[]): void {
  cleanUpOnSignals()
  const staged: Staged[] = []
  try {
    for (const write of writes) staged.push(attempt(write.file, () => stage(write)))
  } catch (error) {
    removeTemps(staged)
    throw error
  }
  // Devices and streams first: they cannot be undone, and one that fails (a full disk) stops the run
  // before any regular file is replaced.
  try {
    for (const s of staged) if (s.kind === 'in-place') attempt(s.write.file, () => writeInPlace(s.target, s.write))
  } catch (error) {
    removeTemps(staged)
    throw error
  }
  const replaced = staged.filter((s): s is Extract<Staged, {kind: 'replace'}> => s.kind === 'replace')
  const changed = replaced.filter((s) => s.write.read !== undefined && changedSince(s.target, s.write.read))
  for (const s of changed) removeQuietly(s.temp)
  // A rename that fails (the target's directory changed under us) stops the run: files renamed
  // already hold their complete new bytes, the rest their old bytes, and no temp file is left.
  const landed: string[] = []
  let done = 0
  const rest = replaced.filter((s) => !changed.includes(s))
  try {
    for (const s of rest) {
      attempt(s.write.file, () => commit(s))
      landed.push(s.write.file)
      done++
    }
  } catch (error) {
    removeTemps(rest.slice(done))
    throw error
  }
  if (changed.length > 0) {
    const names = changed.map((s) => shown(s.write.file)).join(', ')
    const others = landed.length === 0 ? '' : `; the other ${landed.length === 1 ? 'file was' : `${landed.length} files were`} written`
    throw new WriteError(
      `${names} changed since pch read ${changed.length === 1 ? 'it' : 'them'}; not written, so that change is kept${others}`,
      landed,
    )
  }
}

/**
 * Refuses, before any work, an output that is one of the run's inputs (a definition, the config, a
 * register): the same file by device and inode, whatever path or link names it.
 */
export function refuseInputsAsOutputs(outputs: readonly string[], inputs: readonly string[]): void {
  const targets = new Map<string, string>()
  for (const output of outputs) {
    if (ownDescriptor(output) !== undefined) continue
    const stats = statOrUndefined(output)
    if (stats?.isFile()) targets.set(`${stats.dev}:${stats.ino}`, output)
  }
  if (targets.size === 0) return
  for (const input of inputs) {
    const stats = statOrUndefined(input)
    const output = stats && targets.get(`${stats.dev}:${stats.ino}`)
    if (output === undefined) continue
    const same = path.resolve(output) === path.resolve(input) ? 'an input' : `${path.relative(process.cwd(), input) || input}, an input`
    throw new WriteError(`${output} is ${same} of this run; it would be overwritten, so nothing was written`)
  }
}

/** Makes the directory `file` goes in (as ESLint does for a report); a file in the way is said so. */
export function makeDirectoryFor(file: string): void {
  try {
    mkdirSync(path.dirname(path.resolve(file)), {recursive: true})
  } catch (error) {
    const {code} = error as NodeJS.ErrnoException
    if (code === 'EEXIST' || code === 'ENOTDIR')
      throw new WriteError(`Cannot write ${shown(file)}: a part of its path is a file, not a directory`)
    attempt(file, () => {
      throw error
    })
  }
}

/** Runs one step of writing `file` (or making its directory); a system error becomes a WriteError that names it, for people. */
export function attempt<T>(file: string, step: () => T): T {
  try {
    return step()
  } catch (error) {
    if (error instanceof WriteError) throw error
    const {code, message} = error as NodeJS.ErrnoException
    const reason = SYSTEM_REASONS[code ?? '']
    throw new WriteError(`Cannot write ${shown(file)}: ${reason ? `${reason} (${code})` : (code ?? message ?? String(error))}`)
  }
}

const SYSTEM_REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ENOENT: 'its directory does not exist',
  EEXIST: 'a file of that name exists',
  EIO: 'input/output error',
  EPIPE: 'the reader has gone',
  ENXIO: 'no reader or device behind it',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'the file is too large for the device',
}

/** A file as messages name it: relative to the working directory when it is inside it. */
function shown(file: string): string {
  const absolute = path.resolve(file)
  return absolute !== process.cwd() && isInside(absolute, process.cwd()) ? path.relative(process.cwd(), absolute) : file
}

/** Whether `file` is `dir` or below it (by path, links not followed). */
export function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

/** /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: the process's own descriptor, written as it is. */
function ownDescriptor(file: string): number | undefined {
  const lexical = path.resolve(file)
  if (lexical === '/dev/stdout') return 1
  if (lexical === '/dev/stderr') return 2
  const match = /^\/(?:dev|proc\/self)\/fd\/(\d{1,9})$/.exec(lexical)
  return match ? Number(match[1]) : undefined
}

/** The file a write lands in: a link's target, so the link stays a link. */
function resolveTarget(file: string): string {
  const target = path.resolve(file)
  try {
    return realpathSync(target)
  } catch {
    return target
  }
}

/** Whether `file` is itself a symbolic link (false when it does not exist). */
export function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink()
  } catch {
    return false
  }
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file)
  } catch {
    return undefined
  }
}

function stage(write: FileWrite): Staged {
  const fd = ownDescriptor(write.file)
  if (fd !== undefined) return {kind: 'in-place', write, target: fd}
  if (write.noFollow && isLink(write.file)) throw new WriteError(`${shown(write.file)} is a symbolic link; pch does not write through it`)
  const target = write.noFollow ? path.resolve(write.file) : resolveTarget(write.file)
  const existing = statOrUndefined(target)
  if (existing && write.create) throw new WriteError(`${shown(write.file)} exists; not written`)
  if (existing && !existing.isFile()) {
    if (existing.isDirectory()) throw new WriteError(`Cannot write ${shown(write.file)}: it is a directory`)
    return {kind: 'in-place', write, target}
  }
  if (existing) refuseUnwritable(shown(write.file), existing)
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`)
  const mode = existing ? existing.mode & 0o7777 : 0o666
  const tempFd = openSync(temp, 'wx', mode)
  temps.add(temp)
  try {
    if (existing) {
      fchmodSync(tempFd, mode)
      keepOwner(tempFd, shown(write.file), existing)
    }
    writeAll(tempFd, write.content)
    fsyncSync(tempFd)
  } catch (error) {
    closeSync(tempFd)
    removeQuietly(temp)
    throw error
  }
  closeSync(tempFd)
  return {kind: 'replace', write, temp, target}
}

/**
 * A file with no write bit is not replaced, even by root (whose writes no mode stops): someone made
 * it read-only. (A file of another user that root cannot write is kept from change by keepOwner.)
 */
function refuseUnwritable(shown: string, stats: Stats): void {
  const mode = (stats.mode & 0o777).toString(8).padStart(4, '0')
  if ((stats.mode & 0o222) === 0) throw new WriteError(`${shown} is read-only (mode ${mode}); not written`)
}

/** The replacement keeps the owner and group of the file it replaces (as root, for a file of another user). */
function keepOwner(fd: number, shown: string, stats: Stats): void {
  const uid = process.getuid?.()
  const gid = process.getgid?.()
  if (uid === undefined || (stats.uid === uid && stats.gid === gid)) return
  try {
    fchownSync(fd, stats.uid, stats.gid)
  } catch {
    throw new WriteError(`Cannot keep the owner and group of ${shown} (${stats.uid}:${stats.gid}); not written`)
  }
}

function writeAll(fd: number, content: string | Uint8Array): void {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
  let written = 0
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written)
}

/** A device, FIFO or descriptor: written where it is (no truncation of a file stdout appends to). */
function writeInPlace(target: string | number, write: FileWrite): void {
  if (typeof target === 'number') {
    writeAll(target, write.content)
    return
  }
  const fd = openSync(target, constants.O_WRONLY)
  try {
    writeAll(fd, write.content)
  } finally {
    closeSync(fd)
  }
}

function changedSince(target: string, read: string | Uint8Array): boolean {
  const expected = typeof read === 'string' ? Buffer.from(read, 'utf8') : read
  try {
    return !readFileSync(target).equals(expected)
  } catch {
    return true
  }
}

function commit(s: Extract<Staged, {kind: 'replace'}>): void {
  if (s.write.create) {
    // link() fails if the name exists: a file that appeared since pch looked is never replaced.
    try {
      linkSync(s.temp, s.target)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST')
        throw new WriteError(`${shown(s.write.file)} appeared while pch was writing it; not written`)
      throw error
    } finally {
      removeQuietly(s.temp)
    }
    return
  }
  renameSync(s.temp, s.target)
  temps.delete(s.temp)
}

function removeTemps(staged: readonly Staged[]): void {
  for (const s of staged) if (s.kind === 'replace') removeQuietly(s.temp)
}

function removeQuietly(file: string): void {
  temps.delete(file)
  try {
    unlinkSync(file)
  } catch {
    // never created or already gone
  }
}

/** Temp files that exist now: what a signal must remove. */
const temps = new Set<string>()
const SIGNALS = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const
let listening = false

/**
 * From the first write on, an interrupting signal removes every temp file and exits with 128 + its
 * number. Writes are synchronous, so the handler runs once the write in progress has finished or
 * failed; it stays installed, since a signal that arrives during a write is only seen afterwards.
 */
function cleanUpOnSignals(): void {
  if (listening) return
  listening = true
  for (const [signal, code] of Object.entries(SIGNALS)) {
    process.on(signal, () => {
      for (const temp of [...temps]) removeQuietly(temp)
      process.exit(code)
    })
  }
  // A signal that came during a (synchronous) write waits in the event loop; should the run end
  // first, one more turn of the loop delivers it, so the exit code still says it was interrupted.
  process.once('beforeExit', () => setImmediate(() => {}))
}
