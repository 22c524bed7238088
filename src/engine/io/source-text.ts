// A source (a file, standard input, an editor's text) -> its text as a check reads it: bytes, a
// byte-order mark noted, strict UTF-8, held to the size limit; and the name it is shown by.
import path from 'node:path'
import {UsageError, type Source} from './load.js'
import {cannotRead, decode, readBounded, type Bounded} from './read.js'

/** The texts a run is given rather than reads: standard input (`-`), and an editor's unsaved ones. */
export interface SourceTexts {
  /** Bytes (or text) of `-`; read by the caller so the engine never touches process streams. */
  stdin?: string | Uint8Array
  stdinFilename?: string
  /** Texts to check instead of the files' contents (after --fix), by absolute path. */
  overrides?: ReadonlyMap<string, string>
}

/**
 * A file's text without its byte-order mark; its bytes when they are not UTF-8; or, when it is over
 * the limit, its size (undefined for a stream, a device or standard input, read only up to the limit).
 */
export type FileText = string | Uint8Array | {tooLarge: number | undefined}

export interface ReadSource {
  filePath: string
  name: string | undefined
  text: FileText
  bom: boolean
  /** Not a regular file (a FIFO, a device): reading it again would not give the same text. */
  once: boolean
}

/** Standard input and files are read alike: bytes, a byte-order mark noted, strict UTF-8. */
export function read(source: Source, input: SourceTexts, cwd: string, maxFileSize: number): ReadSource {
  if (source.kind === 'stdin') {
    if (input.stdin === undefined) throw new UsageError('No standard input was given for -')
    const size = typeof input.stdin === 'string' ? Buffer.byteLength(input.stdin) : input.stdin.length
    const content = size > maxFileSize ? {text: {tooLarge: undefined}, bom: false} : fromBytes(input.stdin)
    return {...content, filePath: input.stdinFilename ?? '<stdin>', name: input.stdinFilename, once: false}
  }
  const filePath = displayPath(source.path, cwd)
  const override = input.overrides?.get(source.path)
  if (override !== undefined) {
    // An editor's text is held to the limit as the file on disk would be.
    const size = Buffer.byteLength(override)
    return {...(size > maxFileSize ? {text: {tooLarge: size}, bom: false} : fromBytes(override)), filePath, name: filePath, once: false}
  }
  const got = readFile(source.path, maxFileSize)
  return {...('bytes' in got ? fromBytes(got.bytes) : {text: got, bom: false}), filePath, name: filePath, once: 'bytes' in got && got.once}
}

/** A definition file's text (without a byte-order mark, noted), its bytes when they are not UTF-8, or its size over the limit. */
export function readDefinition(file: string, maxFileSize: number): {text: FileText; bom: boolean} {
  const got = readFile(file, maxFileSize)
  return 'bytes' in got ? fromBytes(got.bytes) : {text: got, bom: false}
}

function fromBytes(content: string | Uint8Array): {text: string | Uint8Array; bom: boolean} {
  if (typeof content === 'string') return {text: content.replace(/^\uFEFF/, ''), bom: content.startsWith('\uFEFF')}
  const bom = content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf
  return {text: decode(content) ?? Uint8Array.from(content), bom}
}

/** The file's bytes, or, over `maxFileSize`, its size (then it is not read; see FileText). */
function readFile(file: string, maxFileSize: number): Bounded {
  try {
    return readBounded(file, maxFileSize)
  } catch (error) {
    throw cannotRead(file, error)
  }
}

/** Paths in output: relative to the working directory when below it, with forward slashes. */
export function displayPath(file: string, cwd: string): string {
  // Below the working directory (the common case): what path.relative would give, without its work.
  const prefix = cwd.endsWith(path.sep) ? cwd : cwd + path.sep
  if (path.sep === '/' && file.startsWith(prefix) && path.isAbsolute(cwd)) {
    const below = file.slice(prefix.length)
    // Only a normalised path (no empty, `.` or `..` segment, no trailing slash), as the walk gives.
    if (below !== '' && !/(?:^|\/)\.{0,2}(?:\/|$)/.test(below)) return below
  }
  const relative = path.relative(cwd, file)
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file
  return shown.split(path.sep).join('/')
}
