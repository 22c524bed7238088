// YAML 1.2 line breaks (§5.4): CRLF, CR and LF alike. The one place that knows a lone CR (old Mac
// text) ends a line too, for the parsers, the line index and the directives.

/** One line break: CRLF, CR or LF (CRLF first, so it counts once). */
export const LINE_BREAK = /\r\n|\r|\n/

/**
 * `text` with every lone CR as LF: what `yaml` and the fast parser read (they know LF and CRLF).
 * A character for a character, so every offset, and so every line, column and fix edit, is the
 * same in both texts; YAML reads any line break in a scalar's content as LF anyway.
 */
export function withLineFeeds(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text
}
