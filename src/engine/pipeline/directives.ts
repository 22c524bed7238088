// Inline `# pch-disable-next-line RULE[, RULE] -- reason` comments: which rules they silence on
// which line, and which of them cannot do what they say.
import {isLocked, type RuleSet} from '../../rule-api/registry.js'
import {LINE_BREAK} from '../parse/line-breaks.js'
import {didYouMeanRule} from '../../rule-api/suggest.js'
import type {Range} from '../../rule-api/types.js'

export interface Directive {
  /** The line the directive silences (the one after the comment). */
  line: number
  rules: string[]
  /** The comment itself (where lint/unused-disable-directive reports it). */
  range: Range
  /** In a file of several documents, the document of the line it silences. */
  documentIndex?: number
}

export interface DirectiveProblem {
  range: Range
  message: string
}

const DIRECTIVE = /^(\s*#\s*)pch-disable-next-line\b(.*)$/

/**
 * Directives of full-line comments, and the problems of those naming no, unknown or locked rules.
 * `insideScalar` gives the lines that are text of a multi-line scalar (a block scalar's `# ...` line
 * is content, not a comment); it is asked only when the file mentions pch-disable at all. `known`: the
 * run's rules (local ones included).
 */
export function parseDirectives(
  text: string,
  insideScalar: () => Set<number>,
  known: RuleSet,
): {directives: Directive[]; problems: DirectiveProblem[]} {
  const directives: Directive[] = []
  const problems: DirectiveProblem[] = []
  if (!text.includes('pch-disable')) return {directives, problems}
  const skipped = insideScalar()
  text.split(LINE_BREAK).forEach((raw, index) => {
    const match = DIRECTIVE.exec(raw)
    const line = index + 1
    if (!match || skipped.has(line)) return
    const range: Range = {line, column: match[1]!.indexOf('#') + 1, endLine: line, endColumn: raw.length + 1}
    const listed = match[2]!
      .split(/\s--\s|\s--$/)[0]!
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean)
    if (listed.length === 0) {
      problems.push({
        range,
        message: 'pch-disable-next-line must name the rules it silences, e.g. # pch-disable-next-line population/single-practice -- reason',
      })
      return
    }
    const rules: string[] = []
    for (const id of listed) {
      const meta = known.meta(id)
      if (!meta)
        problems.push({
          range,
          message: `pch-disable-next-line names an unknown rule "${id}"${didYouMeanRule(
            id,
            known.metas.map((m) => m.id),
          )}`,
        })
      else if (meta.compliance)
        problems.push({
          range,
          message: `${id} is a compliance rule: a comment cannot silence it; record an approved exception in metadata.exceptions`,
        })
      else if (isLocked(meta))
        problems.push({range, message: `${id} cannot be silenced: it decides whether a definition conforms to the format`})
      else rules.push(id)
    }
    if (rules.length > 0) directives.push({line: line + 1, rules, range})
  })
  return {directives, problems}
}
