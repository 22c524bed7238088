// The fast path: a parser for the plain subset of YAML that PCH definitions are written in (block
// mappings and sequences, one-line plain and quoted scalars, one-line flow collections (nested too), comments),
// about twenty times faster than a full YAML parser. It knows what it does not know: anything
// outside the subset (anchors, tags, block scalars, multi-line scalars, several documents, tabs,
// duplicate keys, escapes...) returns undefined, and the file takes the full `yaml` path.
// Where it answers, its data and its positions are those `yaml` gives (test/engine/fast-parse.test.ts
// proves it over the examples, the templates and fuzzed inputs).
import {withLineFeeds} from './line-breaks.js'
import {parsePointer} from '../../rule-api/pointer.js'
import {DEFAULT_LIMITS, LineStarts, Positions, type ScalarSource, type SourceDocument} from './source.js'
import type {Range} from '../../rule-api/types.js'

interface ScalarNode {
  kind: 'scalar'
  start: number
  end: number
  quote: '"' | "'" | ''
}
interface KeyNode extends ScalarNode {
  name: string
}
interface MapNode {
  kind: 'map'
  flow: boolean
  start: number
  end: number
  pairs: Array<{key: KeyNode; value: Node}>
}
interface SeqNode {
  kind: 'seq'
  flow: boolean
  start: number
  end: number
  items: Node[]
}
type Node = ScalarNode | MapNode | SeqNode

/** Outside the subset: the caller parses the file with `yaml` instead. */
class Unsupported extends Error {}
const unsupported = (): never => {
  throw new Unsupported()
}

// Characters the subset allows: printable ASCII, line feeds, and printable non-ASCII (no tabs,
// no carriage returns of CRLF, no control characters, no byte-order marks or line separators).
const OUTSIDE = /[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/
// Keys that are not plain strings (YAML reads them as null or booleans), or that JavaScript treats specially.
const SPECIAL_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__)$/
const MAX_KEY = 1000
const SPACE = 32
const HASH = 35
const DASH = 45

/**
 * A definition in the plain subset, as a document; undefined when `yaml` must parse it.
 * Only the data is built at first: most files have no finding to place. A `locate` or `scalar`
 * goes through the text again the same way, recording only the nodes on the way to its pointer
 * (every other value is passed over by its lines' indentation, which the first pass has checked).
 */
export function fastParse(source: string, maxDepth: number = DEFAULT_LIMITS.maxDepth): SourceDocument | undefined {
  // A lone CR is a line break (as LF, offset for offset); CRLF is left to yaml.
  const text = withLineFeeds(source)
  if (OUTSIDE.test(text)) return undefined
  let parsed: {data: unknown; startLine: number}
  try {
    parsed = new FastParser(text, maxDepth, false).parse()
  } catch (error) {
    if (error instanceof Unsupported) return undefined
    throw error
  }
  // One recording parser a document, its lines scanned once however many places are asked for.
  let seeker: FastParser | undefined
  const seek = (pointer: string): {root: Node; positions: Positions} => {
    seeker ??= new FastParser(text, maxDepth, true)
    return {root: seeker.seek(parsePointer(pointer)), positions: seeker.positions!}
  }
  return {
    index: 0,
    startLine: parsed.startLine,
    problems: [],
    data: parsed.data,
    locate: (pointer, target = 'value') => locate(seek(pointer), pointer, target),
    scalar: (pointer) => scalarSource(seek(pointer).root, pointer),
  }
}

/**
 * The lines of the text parsed last, as offsets: those that carry content (not blank, not comments),
 * their indentation and ends, and where every line starts (for positions). Parsing is synchronous,
 * one text at a time, so every first pass reuses these arrays; a recording parser, which lives on,
 * keeps a copy, taken without scanning again when its text is still the last one scanned.
 */
const lines = {
  text: undefined as string | undefined,
  count: 0,
  starts: new Int32Array(512),
  indents: new Int32Array(512),
  ends: new Int32Array(512),
  lineCount: 0,
  lineStarts: new Int32Array(512),
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(array.length * 2)
  larger.set(array)
  return larger
}

function scanLines(text: string): void {
  let start = 0
  let count = 0
  let lineCount = 0
  for (;;) {
    if (lineCount === lines.lineStarts.length) lines.lineStarts = grown(lines.lineStarts)
    lines.lineStarts[lineCount++] = start
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    let first = start
    while (text.charCodeAt(first) === SPACE) first++
    // Blank lines and comment lines carry nothing.
    if (first < end && text.charCodeAt(first) !== HASH) {
      if (count === lines.starts.length) for (const key of ['starts', 'indents', 'ends'] as const) lines[key] = grown(lines[key])
      lines.starts[count] = start
      lines.indents[count] = first - start
      lines.ends[count] = end
      count++
    }
    if (end === text.length) break
    start = end + 1
  }
  Object.assign(lines, {text, count, lineCount})
}

/**
 * One pass over the text. The lines that carry content (not blank, not comments) are kept as
 * offsets; every method reads `text` between them. With `record`, each method also leaves the
 * node of the value it read in `node`, for locate.
 */
class FastParser {
  /** Each content line's first offset, its indentation (spaces) and its end (its line feed, or the text's end). */
  private readonly starts: Int32Array
  private readonly indents: Int32Array
  private readonly ends: Int32Array
  /** How many content lines there are. */
  private readonly count: number
  private index = 0
  /** The root mapping's first line (after a `---`). */
  private rootLine = 0
  /** Collections open around the one being read: deeper than the limit is left to yaml, which reports it. */
  private depth = 0
  /** Recording: the node of the value last read. */
  private node: Node | undefined
  /** Recording: the pointer's parts, and how many of them the value being read is under. */
  private path: readonly string[] = []
  private level = 0
  /** Recording: the text's positions, for locate. */
  readonly positions: Positions | undefined
  /** The offset after the inline value (scalar or flow collection) last read. */
  private after = 0

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
    private readonly record: boolean,
  ) {
    if (lines.text !== text) scanLines(text)
    const {count} = lines
    this.count = count
    if (record) {
      this.starts = lines.starts.slice(0, count)
      this.indents = lines.indents.slice(0, count)
      this.ends = lines.ends.slice(0, count)
      this.positions = new Positions(text, new LineStarts(lines.lineStarts.slice(0, lines.lineCount)))
    } else {
      ;({starts: this.starts, indents: this.indents, ends: this.ends} = lines)
    }
  }

  parse(): {data: unknown; startLine: number} {
    const data = this.root()
    const rootStart = this.starts[this.rootLine]!
    let startLine = 1
    for (let at = this.text.indexOf('\n'); at !== -1 && at < rootStart; at = this.text.indexOf('\n', at + 1)) startLine++
    return {data, startLine}
  }

  /** Recording: the root node, with only the nodes on the way to the pointer of `parts` below it. */
  seek(parts: readonly string[]): Node {
    this.index = this.rootLine = this.depth = this.level = 0
    this.path = parts
    this.root()
    return this.node!
  }

  /**
   * Recording: whether the value of a mapping's key, or of a sequence's item (by its index), is on the
   * way to the pointer (reading it one level further down); if not, its lines are passed over: those
   * indented beyond `column`, and in a mapping the dashes of a sequence at the key's own column.
   */
  private follows(part: string | number, line: number, column: number, inMap: boolean): boolean {
    const want = this.path[this.level]
    if (want !== undefined && (inMap ? want === part : Number(want) === part)) {
      this.level++
      return true
    }
    const {starts, indents, ends, text, count} = this
    let next = line + 1
    while (
      next < count &&
      (indents[next]! > column || (inMap && indents[next] === column && isDash(text, starts[next]! + column, ends[next]!)))
    )
      next++
    this.index = next
    return false
  }

  private root(): unknown {
    const {starts, indents, ends, text} = this
    if (this.count > 0 && /^---(?: +(?:#.*)?)?$/.test(text.slice(starts[0], ends[0]))) this.index = this.rootLine = 1
    for (let i = 1; i < this.count; i++) {
      if (indents[i] === 0 && /^(?:---|\.\.\.)(?: |$)/.test(text.slice(starts[i], Math.min(starts[i]! + 4, ends[i]!)))) unsupported()
    }
    if (this.index >= this.count || indents[this.index] !== 0) return unsupported()
    const data = this.blockMap(this.index, 0)
    if (this.index !== this.count) unsupported()
    return data
  }

  /** A block mapping whose first key is at `column` of line `at` (a compact mapping starts mid-line). */
  private blockMap(at: number, column: number): Record<string, unknown> {
    this.enter()
    const {starts, indents, ends, text} = this
    const object: Record<string, unknown> = {}
    const pairs: MapNode['pairs'] | undefined = this.record ? [] : undefined
    while (this.index < this.count) {
      const line = this.index
      // The first key may follow a dash on its line; every other key starts its own line.
      if (line !== at) {
        if (indents[line]! < column) break
        if (indents[line]! > column) unsupported()
      }
      const keyStart = starts[line]! + column
      const key = keyAt(text, keyStart, ends[line]!)
      if (pairs && !this.follows(key, line, column, true)) continue
      this.addPair(object, pairs, key, keyStart, this.valueAfter(line, keyStart + key.length + 1, column, true))
      if (pairs) this.level--
    }
    this.depth--
    // A block collection is located by its first line (Positions.blockStart): its end is never read.
    const start = starts[at]! + column
    if (pairs) this.node = {kind: 'map', flow: false, start, end: start, pairs}
    return object
  }

  /**
   * A mapping's pair just read: recording, its node (the data is not built again: the first pass
   * built it and found no fault); otherwise its value, a repeated key being left to yaml.
   */
  private addPair(
    object: Record<string, unknown>,
    pairs: MapNode['pairs'] | undefined,
    key: string,
    keyStart: number,
    value: unknown,
  ): void {
    if (pairs)
      return void pairs.push({key: {kind: 'scalar', start: keyStart, end: keyStart + key.length, quote: '', name: key}, value: this.node!})
    if (Object.hasOwn(object, key)) unsupported()
    object[key] = value
  }

  /** A sequence's item just read: recording, its node (at its index: items passed over leave holes); otherwise its value. */
  private addItem(array: unknown[], items: Node[] | undefined, value: unknown, index: number): void {
    if (items) items[index] = this.node!
    else array.push(value)
  }

  private enter(): void {
    if (this.depth + 1 > this.maxDepth) unsupported()
    this.depth++
  }

  /** A block sequence whose dashes are at `column`. */
  private blockSeq(column: number): unknown[] {
    this.enter()
    const {starts, indents, ends, text} = this
    const start = starts[this.index]! + column
    const array: unknown[] = []
    const items: Node[] | undefined = this.record ? [] : undefined
    let item = 0
    while (this.index < this.count) {
      const line = this.index
      if (indents[line]! < column) break
      if (indents[line]! > column || !isDash(text, starts[line]! + column, ends[line]!)) unsupported()
      const index = item++
      if (items && !this.follows(index, line, column, false)) continue
      this.addItem(array, items, this.valueAfter(line, starts[line]! + column + 1, column, false), index)
      if (items) this.level--
    }
    this.depth--
    if (items) this.node = {kind: 'seq', flow: false, start, end: start, items}
    return array
  }

  /**
   * The value that follows a key's colon or an item's dash at offset `from` on `line`: inline (a
   * scalar or a flow collection), a compact mapping after a dash, or a block on the lines below.
   */
  private valueAfter(line: number, from: number, column: number, inMap: boolean): unknown {
    const {text, starts, indents, ends} = this
    const end = ends[line]!
    let at = from
    while (text.charCodeAt(at) === SPACE) at++
    if (at >= end || text.charCodeAt(at) === HASH) {
      if (at === from && at < end) unsupported()
      const next = ++this.index
      if (next < this.count && indents[next]! > column) return this.block(indents[next]!)
      // `key:` followed by its sequence's dashes at the key's own indentation.
      if (inMap && next < this.count && indents[next] === column && isDash(text, starts[next]! + column, ends[next]!))
        return this.blockSeq(column)
      return unsupported() // an empty value (null): left to yaml, which knows where it is
    }
    if (at === from) unsupported()
    if (!inMap && keyEnd(text, at, end) !== -1) return this.blockMap(this.index, at - starts[line]!)
    const first = text.charCodeAt(at)
    if ((first === 91 || first === 123) && this.depth + 1 > this.maxDepth) unsupported() // [ {
    const value = this.inlineValue(at, end)
    const next = ++this.index
    if (next < this.count && indents[next]! > column) unsupported() // a continuation line or a misplaced block
    return value
  }

  private block(column: number): unknown {
    const start = this.starts[this.index]! + column
    return isDash(this.text, start, this.ends[this.index]!) ? this.blockSeq(column) : this.blockMap(this.index, column)
  }

  /** A scalar or a one-line flow collection from `at`, then nothing but a comment before `end`. */
  private inlineValue(at: number, end: number): unknown {
    const {text} = this
    const first = text.charCodeAt(at)
    let value: unknown
    if (first === 91 || first === 123) value = this.flowCollection(at, end)
    else if (first === 34 || first === 39) value = this.quoted(at, end)
    else {
      if (!plainStart(text, at, end)) unsupported()
      // The rest of the line, searched natively: a comment ends the value; ': ' in it is a mapping.
      const rest = text.slice(at, end)
      const comment = rest.indexOf(' #')
      this.after = withoutSpaces(text, comment === -1 ? end : at + comment)
      const raw = this.after === end ? rest : text.slice(at, this.after)
      if (raw.includes(': ') || raw.endsWith(':')) unsupported()
      value = this.plain(raw, at)
    }
    trailing(text, this.after, end)
    return value
  }

  private scalarNode(start: number, end: number, quote: ScalarNode['quote']): void {
    this.node = {kind: 'scalar', start, end, quote}
  }

  /** A plain scalar, resolved by the YAML 1.2 core schema exactly as `yaml` resolves it. */
  private plain(raw: string, start: number): unknown {
    if (!this.record) return resolvePlain(raw)
    this.scalarNode(start, start + raw.length, '')
    return undefined
  }

  /** A quoted scalar on one line (`after` is the offset after its closing quote). */
  private quoted(at: number, end: number): string {
    const {text} = this
    const quote = text[at] as '"' | "'"
    let value = ''
    let i = at + 1
    for (;;) {
      const next = text.indexOf(quote, i)
      if (next === -1 || next >= end) return unsupported() // a quoted scalar over several lines
      const part = text.slice(i, next)
      if (quote === '"' && part.includes('\\')) unsupported() // escapes: left to yaml
      value += part
      if (quote === "'" && text.charCodeAt(next + 1) === 39) {
        value += "'"
        i = next + 2
        continue
      }
      i = next + 1
      break
    }
    if (this.record) this.scalarNode(at, i, quote)
    this.after = i
    return value
  }

  /** `[a, "b"]` or `{key: value, key: [a, {key: value}]}` on one line, of scalars and such collections. */
  private flowCollection(at: number, end: number): unknown {
    const {text} = this
    this.enter() // a collection inside is one level deeper
    const isMap = text.charCodeAt(at) === 123
    const close = isMap ? 125 : 93 // } ]
    const object: Record<string, unknown> | undefined = isMap ? {} : undefined
    const array: unknown[] | undefined = isMap ? undefined : []
    const pairs: MapNode['pairs'] | undefined = this.record && isMap ? [] : undefined
    const items: Node[] | undefined = this.record && !isMap ? [] : undefined
    let i = at + 1
    const skip = (): void => {
      while (text.charCodeAt(i) === SPACE) i++
    }
    skip()
    if (text.charCodeAt(i) === close) i++
    else {
      for (;;) {
        skip()
        if (i >= end) unsupported()
        if (isMap) {
          const key = keyAt(text, i, end)
          const keyStart = i
          i += key.length + 1
          if (text.charCodeAt(i) !== SPACE) unsupported()
          skip()
          this.addPair(object!, pairs, key, keyStart, this.flowScalar(i, end))
        } else {
          this.addItem(array!, items, this.flowScalar(i, end), items?.length ?? 0)
        }
        i = this.after
        skip()
        if (i < end && text.charCodeAt(i) === 44) {
          // ,
          i++
          skip()
          if (i < end && (text.charCodeAt(i) === close || text.charCodeAt(i) === 44)) unsupported() // a trailing or empty entry
          continue
        }
        if (i >= end || text.charCodeAt(i) !== close) unsupported()
        i++
        break
      }
    }
    if (pairs) this.node = {kind: 'map', flow: true, start: at, end: i, pairs}
    if (items) this.node = {kind: 'seq', flow: true, start: at, end: i, items}
    this.after = i
    this.depth--
    return object ?? array
  }

  /** A scalar inside a flow collection, from `i`, or a collection inside it (on the same line). */
  private flowScalar(i: number, end: number): unknown {
    const {text} = this
    const first = text.charCodeAt(i)
    if (first === 34 || first === 39) return this.quoted(i, end)
    if (first === 91 || first === 123) return this.flowCollection(i, end) // [ {
    if (i >= end || !plainStart(text, i, end)) return unsupported()
    // In a flow collection a dash begins a plain scalar only before a character that may go on one.
    if (first === DASH && i + 1 < end && ',[]{}'.includes(text[i + 1]!)) unsupported()
    let stop = i
    while (stop < end && !flowStop(text.charCodeAt(stop))) stop++
    if (stop === end || text.charCodeAt(stop) === 58 || text.charCodeAt(stop) === HASH) unsupported() // : #
    const raw = text.slice(i, withoutSpaces(text, stop))
    this.after = i + raw.length
    return this.plain(raw, i)
  }
}

/** Characters that end a plain scalar in a flow collection: , [ ] { } : # */
function flowStop(code: number): boolean {
  return code === 44 || code === 91 || code === 93 || code === 123 || code === 125 || code === 58 || code === HASH
}

/** Where the plain key at offset `at` ends (at its colon, which a space or the line's end follows); -1 if there is none. */
function keyEnd(text: string, at: number, end: number): number {
  let code = text.charCodeAt(at)
  // [A-Za-z_] then [A-Za-z0-9_/-]* (a `/` for the rule ids of a config: local/NAME, population/...)
  if (!((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95)) return -1
  do code = text.charCodeAt(++at)
  while (
    at < end &&
    ((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95 || code === 45 || code === 47)
  )
  if (at >= end || code !== 58) return -1 // ':'
  return at + 1 === end || text.charCodeAt(at + 1) === SPACE ? at : -1
}

/** The plain key (before its colon) at offset `at`. */
function keyAt(text: string, at: number, end: number): string {
  const keyEnds = keyEnd(text, at, end)
  if (keyEnds === -1) return unsupported()
  const length = keyEnds - at
  // The same few dozen keys recur in every definition: a key seen before is that same string, which
  // spares a new string and, as a property name, its lookup in V8's table of names.
  const slot = (length * 31 + text.charCodeAt(at) * 7 + text.charCodeAt(keyEnds - 1)) & (KEYS.length - 1)
  const known = KEYS[slot]
  if (known !== undefined && known.length === length && text.startsWith(known, at)) return known
  const name = text.slice(at, keyEnds)
  if (name.length > MAX_KEY || ('nNtTfF_'.includes(name[0]!) && SPECIAL_KEY.test(name))) unsupported()
  KEYS[slot] = name
  return name
}
/** Keys seen, by a hash of their length and first and last characters (a collision only costs a slice). */
const KEYS: Array<string | undefined> = new Array(512).fill(undefined)

/** `end` moved back over the spaces before it. */
function withoutSpaces(text: string, end: number): number {
  let at = end
  while (at > 0 && text.charCodeAt(at - 1) === SPACE) at--
  return at
}

/** A dash at offset `at` that a space or the line's end follows. */
function isDash(text: string, at: number, end: number): boolean {
  return at < end && text.charCodeAt(at) === DASH && (at + 1 === end || text.charCodeAt(at + 1) === SPACE)
}

/** Only spaces, or spaces then a comment, may follow a value before the line's `end`. */
function trailing(text: string, after: number, end: number): void {
  let at = after
  while (at < end && text.charCodeAt(at) === SPACE) at++
  if (at === end) return
  if (text.charCodeAt(at) !== HASH || at === after) unsupported()
}

/** Characters that cannot begin a plain scalar, or that the subset leaves to yaml. */
function plainStart(text: string, at: number, end: number): boolean {
  const code = text.charCodeAt(at)
  // [ ] { } , # & * ! | > ' " % @ ` ? :
  if (code < 128 && CANNOT_START_PLAIN[code] === 1) return false
  return !(code === DASH && (at + 1 === end || text.charCodeAt(at + 1) === SPACE))
}
const CANNOT_START_PLAIN = new Uint8Array(128)
for (const char of '[]{},#&*!|>\'"%@`?:') CANNOT_START_PLAIN[char.charCodeAt(0)] = 1

// The core schema's numbers (tested, not matched: a match would be garbage for every number).
const INT = /^[-+]?[0-9]+$/
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$|^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/
const OCT = /^0o[0-7]+$/
const HEX = /^0x[0-9a-fA-F]+$/
const INF_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/

function resolvePlain(raw: string): unknown {
  if (raw === '') return null
  const first = raw.charCodeAt(0)
  switch (first) {
    case 126: // ~
      return raw === '~' ? null : raw
    case 110: // n
    case 78: // N
      return raw === 'null' || raw === 'Null' || raw === 'NULL' ? null : raw
    case 116: // t
    case 84: // T
      return raw === 'true' || raw === 'True' || raw === 'TRUE' ? true : raw
    case 102: // f
    case 70: // F
      return raw === 'false' || raw === 'False' || raw === 'FALSE' ? false : raw
  }
  // Most values are words: only a digit, a sign or a point can begin a number. The kinds cannot
  // overlap, so the order of the tests is free.
  if (!((first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46)) return raw
  if (INT.test(raw)) return parseInt(raw, 10)
  if (FLOAT.test(raw)) return parseFloat(raw)
  if (OCT.test(raw)) return parseInt(raw.slice(2), 8)
  if (HEX.test(raw)) return parseInt(raw.slice(2), 16)
  if (INF_NAN.test(raw))
    return raw.slice(-3).toLowerCase() === 'nan' ? NaN : first === DASH ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY
  return raw
}

/** The node at `pointer`: as far as it goes, the pair it was reached through, and whether it got there. */
function walk(root: Node, pointer: string): {node: Node; key: ScalarNode | undefined; complete: boolean} {
  let node: Node = root
  let key: ScalarNode | undefined
  for (const part of parsePointer(pointer)) {
    if (node.kind === 'map') {
      const pair = node.pairs.find((p) => p.key.name === part)
      if (!pair) return {node, key, complete: false}
      key = pair.key
      node = pair.value
    } else if (node.kind === 'seq') {
      const item = node.items[Number(part)]
      if (item === undefined || !/^\d+$/.test(part)) return {node, key, complete: false}
      key = undefined
      node = item
    } else {
      return {node, key, complete: false}
    }
  }
  return {node, key, complete: true}
}

function locate({root, positions}: {root: Node; positions: Positions}, pointer: string, target: 'value' | 'key'): Range {
  const {node, key, complete} = walk(root, pointer)
  const block = node.kind !== 'scalar' && !node.flow
  if ((target === 'key' || !complete || block) && key) return positions.offsets(key.start, key.end)
  return block ? positions.blockStart(node.start) : positions.offsets(node.start, node.end)
}

function scalarSource(root: Node, pointer: string): ScalarSource | undefined {
  const {node, complete} = walk(root, pointer)
  if (!complete || node.kind !== 'scalar') return undefined
  return {start: node.start, end: node.end, quote: node.quote}
}
