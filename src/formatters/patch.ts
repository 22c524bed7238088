// A git-style unified patch (a/ and b/ paths) of one file's change, for the dry runs. The file
// headers are written as git writes them: a name is never written raw, so no name can forge a line.
import {diff} from '../rule-api/lazy.js'

export function patch(filePath: string, before: string, after: string): string {
  const {OMIT_HEADERS, formatPatch, structuredPatch} = diff()
  const hunks = formatPatch(structuredPatch(filePath, filePath, before, after, undefined, undefined, {context: 2}), OMIT_HEADERS)
  return `${fileHeader('---', `a/${filePath}`, filePath)}${fileHeader('+++', `b/${filePath}`, filePath)}${hunks}`
}

/** `--- a/NAME`: the name quoted as git quotes it, and a tab after a name with a space (so patch reads no date into it). */
function fileHeader(marker: string, prefixed: string, name: string): string {
  return `${marker} ${quotePath(prefixed)}${name.includes(' ') ? '\t' : ''}\n`
}

const ESCAPES: Readonly<Record<string, string>> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\v': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '"': '\\"',
  '\\': '\\\\',
}

/**
 * A path as git's core.quotePath writes it: as it is, unless it holds `"`, `\`, a control character
 * or a byte above 0x7f; then in double quotes, with C escapes and each other such byte in octal
 * (`café` is `"caf\303\251"`).
 */
export function quotePath(name: string): string {
  const bytes = Buffer.from(name, 'utf8')
  if (!bytes.some(needsQuote)) return name
  let out = ''
  for (const byte of bytes) {
    const char = String.fromCharCode(byte)
    out += ESCAPES[char] ?? (needsQuote(byte) ? `\\${byte.toString(8).padStart(3, '0')}` : char)
  }
  return `"${out}"`
}

function needsQuote(byte: number): boolean {
  return byte < 0x20 || byte === 0x22 || byte === 0x5c || byte >= 0x7f
}
