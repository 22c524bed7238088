// A whole run: resolve paths, read each file, check it, and collect results in a stable order.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {checkText} from './check.js'
import {resolvePaths, UsageError} from './load.js'
import type {FileResult, Message, RunOptions} from './types.js'

export interface RunInput extends RunOptions {
  paths: readonly string[]
  cwd?: string
  /** Text of `-`; read by the caller so the engine never touches process streams. */
  stdin?: string
  stdinFilename?: string
}

export function run(input: RunInput): FileResult[] {
  const cwd = input.cwd ?? process.cwd()
  return resolvePaths(input.paths, cwd).map((source) => {
    if (source.kind === 'stdin') {
      if (input.stdin === undefined) throw new UsageError('No standard input was given for -')
      return checkFile(input.stdinFilename ?? '<stdin>', input.stdin, input)
    }
    const filePath = displayPath(source.path, cwd)
    const text = decode(readFile(source.path))
    return typeof text === 'string' ? checkFile(filePath, text, input) : result(filePath, 0, [text])
  })
}

/** Check one file's text under a display name. */
export function checkFile(filePath: string, text: string, options: RunOptions): FileResult {
  const {documents, messages} = checkText(text, options)
  return result(filePath, documents, messages)
}

function result(filePath: string, documents: number, messages: Message[]): FileResult {
  return {
    filePath,
    documents,
    errorCount: messages.filter((m) => m.severity === 'error').length,
    warningCount: messages.filter((m) => m.severity === 'warning').length,
    messages,
  }
}

function readFile(file: string): Buffer {
  try {
    return readFileSync(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (code ?? 'unknown error')
    throw new UsageError(`Cannot read ${file}: ${why}`)
  }
}

const strictUtf8 = new TextDecoder('utf-8', {fatal: true})
const lenientUtf8 = new TextDecoder('utf-8')

/** The file's text without its byte-order mark, or a finding for text that is not UTF-8. */
function decode(bytes: Buffer): string | Message {
  try {
    return strictUtf8.decode(bytes)
  } catch {
    const before = lenientUtf8.decode(bytes).split('\uFFFD', 1)[0]!
    const lines = before.split('\n')
    const line = lines.length
    const column = lines.at(-1)!.length + 1
    return {
      ruleId: 'yaml/syntax',
      severity: 'error',
      message: 'The file is not UTF-8 text (it may be binary, or saved in another encoding)',
      line,
      column,
      endLine: line,
      endColumn: column + 1,
      path: '',
      characteristic: null,
      fixable: false,
    }
  }
}

/** Paths in output: relative to the working directory when below it, with forward slashes. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file)
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file
  return shown.split(path.sep).join('/')
}
