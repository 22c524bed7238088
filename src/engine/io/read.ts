// The one reader of every input pch takes (definitions, the config, registers, extracts, stdin): never more than a byte limit, whatever the file is.
import {closeSync, fstatSync, openSync, readSync} from 'node:fs'
import {UsageError} from './load.js'
import {formatNumber} from '../../rule-api/messages.js'

/** The limit of a register (--ods) or an extract (--from): far above any NHS file (epraccur.csv is ~3 MB). */
export const DATA_FILE_LIMIT = 256 * 1024 * 1024
/** The limit of a register or an extract, with its name for messages. */
export const DATA_FILE = {limit: DATA_FILE_LIMIT, limitName: 'the limit for registers and extracts'} as const
/** The limit of an earlier run's output a run compares with (--baseline, --compare) or a suppressions file. */
export const EARLIER_RUN_FILE = {limit: DATA_FILE_LIMIT, limitName: 'the limit for baselines, suppressions and previous reports'} as const

/** A file's bytes, or, over the limit, its size (undefined for a FIFO, a device or a stream, read only up to the limit). */
export type Bounded = {bytes: Buffer; once: boolean} | {tooLarge: number | undefined}

/** Reads `file` up to `limit` bytes; a regular file over it by `fstat`, without reading it. Throws the file system's error. */
export function readBounded(file: string, limit: number): Bounded {
  const fd = openSync(file, 'r')
  try {
    const stat = fstatSync(fd)
    if (stat.size > limit) return {tooLarge: stat.size}
    // A regular file's size is trusted, except 0: /proc files and some network file systems say 0.
    if (stat.isFile() && stat.size > 0) return {bytes: readWhole(fd, stat.size), once: false}
    const bytes = readUpTo(fd, limit)
    return 'tooLarge' in bytes ? bytes : {bytes, once: !stat.isFile()}
  } finally {
    closeSync(fd)
  }
}

/** What a failed read's error code means, for people. */
const WHY: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of its path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ELOOP: 'too many symbolic links (a loop?)',
  ENAMETOOLONG: 'the name is too long',
  EIO: 'an input/output error of the disk',
}

/** "Cannot read NAME: permission denied": the one wording of a file that cannot be opened or read. */
export function cannotRead(shown: string, error: unknown): UsageError {
  return new UsageError(`Cannot read ${shown}: ${whyFailed(error)}`)
}

/** A file system error in words ("no such file"), or its code when it has no wording here. */
export function whyFailed(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  return (code !== undefined && WHY[code]) || (code ?? String(error))
}

/** The wording of an input over its limit: `size` when known (a regular file), else "more than". */
export function tooLargeMessage(size: number | undefined, limit: number, limitName: string): string {
  return size === undefined
    ? `more than the limit of ${formatNumber(limit)} bytes (${limitName}); it was not read beyond it`
    : `${formatNumber(size)} bytes, more than the limit of ${formatNumber(limit)} (${limitName}); it was not read`
}

export interface DataFile {
  /** The name shown in errors. */
  shown: string
  limit: number
  /** What sets the limit, for the message ("limits.maxFileSize in the config"). */
  limitName: string
  /** What the file should be, for the message when it is not text ("an ODS practice register (epraccur.csv)"). */
  expected: string
}

/** A config, register or extract as UTF-8 text without a byte-order mark; a UsageError (exit 2) naming it when it cannot be read, is over the limit or is not UTF-8. */
export function readDataText(file: string, {shown, limit, limitName, expected}: DataFile): string {
  let got: Bounded
  try {
    got = readBounded(file, limit)
  } catch (error) {
    throw cannotRead(shown, error)
  }
  if ('tooLarge' in got) throw new UsageError(`${shown} is ${tooLargeMessage(got.tooLarge, limit, limitName)}`)
  const text = decode(got.bytes)
  if (text === undefined) throw new UsageError(`${shown}: not UTF-8 text; expected ${expected}`)
  return text
}

/** A stream (standard input) read up to one byte past `limit`; the caller reports it as too large. */
export async function readStreamBounded(stream: NodeJS.ReadableStream & {destroy(): void}, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer)
    total += (chunk as Buffer).length
    if (total > limit) {
      stream.destroy()
      break
    }
  }
  return Buffer.concat(chunks)
}

/**
 * Files up to 64 KB (every definition) are read into this one buffer: a new buffer for each file
 * costs the kernel fresh pages to fault in on every read, which came to a fifth of a run's time. The
 * bytes never outlive the read: they are decoded at once, and copied when they are not text.
 */
const scratch = Buffer.allocUnsafe(64 * 1024)

/** A regular file of `size` bytes, in one read as a rule (readFileSync would ask its size again). */
function readWhole(fd: number, size: number): Buffer {
  const bytes = size <= scratch.length ? scratch : Buffer.allocUnsafe(size)
  let total = 0
  while (total < size) {
    const read = readSync(fd, bytes, total, size - total, null)
    if (read === 0) break // shorter than it was a moment ago
    total += read
  }
  return total === bytes.length ? bytes : bytes.subarray(0, total)
}

/** A FIFO, a device or a /proc file has no size to trust: read it up to one byte past the limit. */
function readUpTo(fd: number, limit: number): Buffer | {tooLarge: undefined} {
  const chunks: Buffer[] = []
  let total = 0
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 16, limit + 1 - total))
    const read = readSync(fd, chunk, 0, chunk.length, null)
    if (read === 0) return Buffer.concat(chunks)
    chunks.push(chunk.subarray(0, read))
    total += read
    if (total > limit) return {tooLarge: undefined}
  }
}

const strictUtf8 = new TextDecoder('utf-8', {fatal: true})

/** The bytes as text without a byte-order mark, or undefined when they are not UTF-8. */
export function decode(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes)
  } catch {
    return undefined
  }
}
