// The regular expressions of local rules, matched in time linear in the text whatever the pattern
// (`^(a+)+$` over a long value takes no longer than any other pattern). A pattern a backtracking
// engine provably matches in linear time, forwards or (`...$`) on the text turned round, runs on
// JavaScript's own engine, ~30 times faster, and spares a run loading RE2 (~25 ms); any other runs on
// RE2 (the re2js package), which is linear for every pattern it accepts.
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
  const engine = engineOf(pattern)
  if (engine !== 're2') {
    try {
      if (engine.reversed === undefined) {
        const native = new RegExp(pattern, 'u')
        return {test: (text) => native.test(text), toString: () => `js:${pattern}`}
      }
      // `X$` matches a text where `^X'` (X backwards) matches the text backwards.
      const reversed = new RegExp(engine.reversed, 'u')
      new RegExp(pattern, 'u') // the pattern itself must be valid JavaScript syntax
      let fallback: LinearPattern | undefined
      return {
        test: (text) =>
          // A lone surrogate could pair with another once the text is turned round: RE2 decides.
          LONE_SURROGATE.test(text) ? (fallback ??= re2Pattern(pattern)).test(text) : reversed.test(backwards(text)),
        toString: () => `js-reversed:${pattern}`,
      }
    } catch (error) {
      if (error instanceof UnsupportedPattern) throw error
      // Not valid JavaScript syntax: RE2 decides.
    }
  }
  return re2Pattern(pattern)
}

function re2Pattern(pattern: string): LinearPattern {
  const {RE2JS} = re2js()
  try {
    const compiled = RE2JS.compile(pattern)
    return {test: (text) => compiled.test(text), toString: () => `re2:${pattern}`}
  } catch (error) {
    throw new UnsupportedPattern(pattern, (error as Error).message)
  }
}

/** A surrogate not in a pair (the `u` flag reads each as a character of category Cs). */
const LONE_SURROGATE = /\p{Cs}/u

/** A text's characters (code points) in the opposite order. */
function backwards(text: string): string {
  let result = ''
  for (const character of text) result = character + result
  return result
}

const QUANTIFIER = /^(?:[*+?]|\{(\d+)(,(\d*))?\})\??/
/** Longer patterns, or exact counts larger, are left to RE2: their fixed length multiplies the work. */
const MAX_SIMPLE = 200
/** Ways through a pattern's alternatives beyond which it is left to RE2 (each way is tried from each start). */
const MAX_PATHS = 64

/** A pattern as the backtracking analysis reads it: items in sequence, alternatives of groups. */
type Item = {atom: string} | {open: string; alternatives: Item[][]}
interface Shape {
  start: boolean
  end: boolean
  alternatives: Item[][]
  /** Atoms of variable length (`*`, `+`, `?`, `{n,m}`) in the whole pattern. */
  variables: number
  /** Ways through the alternatives. */
  paths: number
  /**
   * Only what JavaScript and RE2 read alike (characters, classes, `\d \w \b` and their negations,
   * escaped punctuation, `\n \t \r \f \v`; no `.` or `\s`): RE2 then stands in for a reversed
   * pattern on a text that cannot be turned round.
   */
  plain: boolean
}

/** An escape JavaScript (with `u`) and RE2 read alike: `\d \w \b`, their negations, `\n \t \r \f \v`, or punctuation. */
const PLAIN_ESCAPE = /^\\(?:[dDwWbBntrfv]|[^0-9A-Za-z])/

/**
 * Which engine matches `pattern` in time linear in the text: JavaScript's, forwards (`reversed`
 * undefined) or on the text backwards (`reversed`: the pattern to use, anchored at the start), or RE2.
 *
 * A pattern a backtracking engine provably matches in linear time is a sequence of atoms (a
 * character, an escape, a class, `.`), each with an optional quantifier, and of groups of
 * alternatives that are never quantified (no nested repetition), with at most MAX_PATHS ways through
 * its alternatives, and either no atom of variable length (then each start costs at most the ways
 * times the pattern's length), or one, with the pattern anchored by `^` (then the one start gives back
 * at most one character at a time from that atom, each time checking the fixed-length rest: O(n x the
 * ways x the pattern's length)). A pattern anchored by `$` alone, with that one variable atom, is
 * matched backwards: `X$` finds a match in a text exactly where `^X'` (X with every sequence in the
 * opposite order) does in the text turned round, which is the anchored case.
 */
export function engineOf(pattern: string): 're2' | {reversed?: string} {
  const shape = shapeOf(pattern)
  if (shape === undefined) return 're2'
  if (shape.variables === 0 || (shape.variables === 1 && shape.start)) return {}
  if (shape.variables === 1 && shape.end && shape.plain) return {reversed: `^${shape.alternatives.map(reverse).join('|')}`}
  return 're2'
}

/** True when a backtracking engine matches `pattern` forwards in linear time (engineOf). */
export function backtracksLinearly(pattern: string): boolean {
  const engine = engineOf(pattern)
  return engine !== 're2' && engine.reversed === undefined
}

function reverse(sequence: readonly Item[]): string {
  return sequence
    .map((item) => ('atom' in item ? item.atom : `${item.open}${item.alternatives.map(reverse).join('|')})`))
    .reverse()
    .join('')
}

/** The pattern's shape, or undefined when it is outside what the analysis reads (groups quantified, lookaround, backreferences...). */
function shapeOf(pattern: string): Shape | undefined {
  if (pattern.length > MAX_SIMPLE) return undefined
  const start = pattern.startsWith('^')
  const end = pattern.endsWith('$') && !pattern.endsWith('\\$')
  const body = pattern.slice(start ? 1 : 0, end ? pattern.length - 1 : pattern.length)
  let at = 0
  let variables = 0
  let plain = true
  const sequence = (): Item[] | undefined => {
    const items: Item[] = []
    while (at < body.length && body[at] !== '|' && body[at] !== ')') {
      const from = at
      const c = body[at]!
      if (c === '(') {
        const open = body.startsWith('(?:', at) ? '(?:' : body[at + 1] === '?' ? undefined : '('
        if (open === undefined) return undefined // lookaround, a named group, flags: RE2 decides
        at += open.length
        const inner = alternatives()
        if (inner === undefined || body[at] !== ')') return undefined
        at++
        if (QUANTIFIER.test(body.slice(at)) || body[at] === '{') return undefined // a repeated group
        items.push({open, alternatives: inner})
        continue
      }
      if (c === '\\') {
        const next = body[at + 1]
        if (next === undefined || /[1-9k]/.test(next)) return undefined // a backreference
        if (!PLAIN_ESCAPE.test(body.slice(at, at + 2))) plain = false
        if ((next === 'p' || next === 'P' || next === 'u') && body[at + 2] === '{') {
          const close = body.indexOf('}', at)
          if (close === -1) return undefined
          at = close + 1
        } else at += next === 'u' ? 6 : next === 'x' ? 4 : next === 'c' ? 3 : 2
      } else if (c === '[') {
        let close = at + 1
        if (body[close] === '^') close++
        for (; close < body.length && body[close] !== ']'; close++) {
          if (body[close] !== '\\') continue
          if (!PLAIN_ESCAPE.test(body.slice(close, close + 2))) plain = false
          close++
        }
        // `[]` and `[^]` are JavaScript's (RE2 reads a first `]` as a member), as is `[` inside.
        if (close === at + 1 || (close === at + 2 && body[at + 1] === '^') || body.slice(at + 1, close).includes('[')) plain = false
        if (close >= body.length) return undefined
        at = close + 1
      } else if ('*+?{}^$]'.includes(c)) {
        return undefined // an anchor inside, or a quantifier with nothing to repeat
      } else {
        if (c === '.') plain = false
        at++
      }
      const quantifier = QUANTIFIER.exec(body.slice(at))
      if (quantifier) {
        const [whole, count, range] = quantifier
        if (count !== undefined && Number(count) > MAX_SIMPLE) return undefined
        if (count === undefined || range !== undefined) variables++
        at += whole.length
      }
      items.push({atom: body.slice(from, at)})
    }
    return items
  }
  const alternatives = (): Item[][] | undefined => {
    const found: Item[][] = []
    for (;;) {
      const items = sequence()
      if (items === undefined) return undefined
      found.push(items)
      if (body[at] !== '|') return found
      at++
    }
  }
  const top = alternatives()
  if (top === undefined || at !== body.length) return undefined
  // `^a|b$` anchors one alternative each: left to RE2.
  if (top.length > 1 && (start || end)) return undefined
  const paths = pathsOf(top)
  if (paths > MAX_PATHS) return undefined
  return {start, end, alternatives: top, variables, paths, plain}
}

function pathsOf(alternatives: readonly Item[][]): number {
  let sum = 0
  for (const sequence of alternatives) {
    let product = 1
    for (const item of sequence) if ('open' in item) product *= pathsOf(item.alternatives)
    sum += product
  }
  return sum
}
