// The regular expressions of local rules, matched in time linear in the text whatever the pattern
// (`^(a+)+$` over a long value takes no longer than any other pattern). A pattern a backtracking
// engine provably matches in linear time runs on JavaScript's own engine, ~30 times faster; any other
// runs on RE2 (the re2js package), which is linear for every pattern it accepts.
import {re2js} from '../rule-api/lazy.js'

/** What ajv needs of a compiled pattern; toString names it (ajv keeps one per toString()). */
export interface LinearPattern {
  test(text: string): boolean
  toString(): string
}

/** A pattern RE2 cannot match (lookaround, backreferences): the reason is RE2's. */
export class UnsupportedPattern extends Error {
  constructor(
    readonly pattern: string,
    reason: string,
  ) {
    super(reason)
  }
}

/** `pattern` compiled for linear-time matching, with ajv's `u` flag; throws UnsupportedPattern. */
export function linearPattern(pattern: string): LinearPattern {
  if (backtracksLinearly(pattern)) {
    try {
      const native = new RegExp(pattern, 'u')
      return {test: (text) => native.test(text), toString: () => `js:${pattern}`}
    } catch {
      // Not valid JavaScript syntax: RE2 decides.
    }
  }
  const {RE2JS} = re2js()
  try {
    const compiled = RE2JS.compile(pattern)
    return {test: (text) => compiled.test(text), toString: () => `re2:${pattern}`}
  } catch (error) {
    throw new UnsupportedPattern(pattern, (error as Error).message)
  }
}

const QUANTIFIER = /^(?:[*+?]|\{(\d+)(,(\d*))?\})\??/
/** Longer patterns, or exact counts larger, are left to RE2: their fixed length multiplies the work. */
const MAX_SIMPLE = 200

/**
 * True when a backtracking engine matches `pattern` in time linear in the text: a sequence of single
 * atoms (a character, an escape, a class, `.`), each with an optional quantifier, without groups,
 * alternation or backreferences, of which at most one has a variable length (`*`, `+`, `?`,
 * `{n,m}`), and that one only when the pattern starts with `^`. Then a failed match gives back at most
 * one character at a time from that one atom, each time checking the fixed-length rest: O(n x the
 * pattern's length), from the one starting place `^` allows (or, with no variable atom, from each).
 */
export function backtracksLinearly(pattern: string): boolean {
  if (pattern.length > MAX_SIMPLE) return false
  const anchored = pattern.startsWith('^')
  let at = anchored ? 1 : 0
  let variable = 0
  while (at < pattern.length) {
    const c = pattern[at]!
    if (c === '$' && at === pattern.length - 1) return variable === 0 || (variable === 1 && anchored)
    if (c === '\\') {
      const next = pattern[at + 1]
      if (next === undefined || /[1-9k]/.test(next)) return false // a backreference
      if ((next === 'p' || next === 'P' || next === 'u') && pattern[at + 2] === '{') {
        const close = pattern.indexOf('}', at)
        if (close === -1) return false
        at = close + 1
      } else at += next === 'u' ? 6 : next === 'x' ? 4 : next === 'c' ? 3 : 2
    } else if (c === '[') {
      let end = at + 1
      if (pattern[end] === '^') end++
      for (; end < pattern.length && pattern[end] !== ']'; end++) if (pattern[end] === '\\') end++
      if (end >= pattern.length) return false
      at = end + 1
    } else if ('()|*+?{}^$]'.includes(c)) {
      return false // a group, alternation, an anchor inside, or a quantifier with nothing to repeat
    } else at++
    const quantifier = QUANTIFIER.exec(pattern.slice(at))
    if (quantifier) {
      const [whole, count, range] = quantifier
      if (count !== undefined && Number(count) > MAX_SIMPLE) return false
      if (count === undefined || range !== undefined) variable++
      at += whole.length
    }
  }
  return variable === 0 || (variable === 1 && anchored)
}
