// Text from a definition (names, ids, file names, messages that quote values), made safe for each
// place pch writes it: one function per format, called where the text is emitted. A control
// character is never written as itself: it is shown as a C-style escape (\x1b, \u0085, \n), so a
// person sees what is there and no terminal, page, spreadsheet or CI log acts on it.

/** C0 controls (U+0000-U+001F), DEL (U+007F) and C1 controls (U+0080-U+009F). */

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g

const NAMED: Readonly<Record<string, string>> = {'\t': '\\t', '\n': '\\n', '\r': '\\r'}

/** One character as a C-style escape: \t, \n, \r by name, other C0 and DEL as \xNN, the rest as \uNNNN. */
export function visible(character: string): string {
  const code = character.codePointAt(0)!
  return NAMED[character] ?? (code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`)
}

/** Every control character but those in `keep` (which the format can hold) as its escape. */
const escapeControls = (text: string, keep = ''): string => text.replace(CONTROL, (c) => (keep.includes(c) ? c : visible(c)))

/** One line on a terminal (stylish, the report's table, pch's own messages): every control, tab too (it would break the columns). */
export const forTerminal = (text: string): string => escapeControls(text)

/** A GitHub workflow command's message: controls shown, then %, CR and LF percent-encoded as GitHub requires. */
export const forGithubData = (text: string): string =>
  escapeControls(text, '\t\n\r').replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')

/** A GitHub workflow command's property value: the message's escaping, plus its separators : and ,. */
export const forGithubProperty = (text: string): string => forGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')

/** Characters XML 1.0 cannot hold, even as references, besides the controls (lone surrogates, U+FFFE, U+FFFF). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/**
 * XML text and attribute values (JUnit): controls and what XML 1.0 forbids shown as escapes, the five
 * entities escaped, and tab and line breaks as character references, which parsers keep (a raw one
 * in an attribute becomes a space, and a raw \r becomes \n).
 */
export const forXml = (text: string): string =>
  escapeControls(text, '\t\n\r')
    .replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')

const HTML_ENTITIES: Readonly<Record<string, string>> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}

/** HTML text and attribute values: controls shown (tab and line breaks are white space), markup escaped. */
export const forHtml = (text: string): string => escapeControls(text, '\t\n\r').replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!)

/**
 * A Markdown table cell or inline text: controls shown, a line break as a space (as Markdown itself
 * reads one; a raw one would end a table row), HTML escaped as entities, and every character that
 * could start inline markup (emphasis, code, links, strikethrough, a cell border, a GitHub
 * @mention) or, at the start, a block (heading, quote, list) escaped with a backslash, so the page
 * shows the text as it is.
 */
export const forMarkdown = (text: string): string =>
  escapeControls(text.replace(/\r\n|\r|\n/g, ' '), '\t')
    .replace(/[\\`*_[\]|~@]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^([#+=-])/, '\\$1')

/**
 * One RFC 4180 CSV cell. Text is neutralised as OWASP advises against formula injection: a cell
 * that begins with =, +, -, @, tab or CR gets a leading single quote, so a spreadsheet shows it as
 * text. A number pch computed is written as it is, a negative one with its minus: a number carries
 * no formula. Controls but tab and line breaks (which a quoted cell holds) are shown as escapes.
 */
export function forCsvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string') {
    text = escapeControls(text, '\t\n\r')
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
