// The fast path: a parser for the plain subset of YAML that PCH definitions are written in (block
// mappings and sequences, one-line plain and quoted scalars, one-line flow collections, comments),
// about twenty times faster than a full YAML parser. It knows what it does not know: anything
// outside the subset (anchors, tags, block scalars, multi-line scalars, several documents, tabs,
// duplicate keys, escapes...) returns undefined, and the file takes the full `yaml` path.
// Where it answers, its data and its positions are those `yaml` gives (test/engine/fast-parse.test.ts
// proves it over the examples, the templates and fuzzed inputs).
import {parsePointer} from './pointer.js'
import {DEFAULT_LIMITS, LineStarts, Positions, type ScalarSource, type SourceDocument} from './parse.js'
import type {Range} from './types.js'

interface ScalarNode {
  kind: 'scalar'
  start: number
  end: number
  quote: '"' | "'" | ''
  value: unknown
}
interface MapNode {
  kind: 'map'
  flow: boolean
  start: number
  end: number
  pairs: Array<{key: ScalarNode; value: Node}>
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

interface Line {
  /** Offset of the line's first character. */
  start: number
  /** Spaces before its first character. */
  indent: number
  text: string
}

// Characters the subset allows: printable ASCII, line feeds, and printable non-ASCII (no tabs,
// no carriage returns, no control characters, no byte-order marks or line separators).
const OUTSIDE = /[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/
// Keys that are not plain strings (YAML reads them as null or booleans), or that JavaScript treats specially.
const SPECIAL_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__)$/
const MAX_KEY = 1000

/** A definition in the plain subset, as a document; undefined when `yaml` must parse it. */
export function fastParse(text: string, maxDepth: number = DEFAULT_LIMITS.maxDepth): SourceDocument | undefined {
  if (OUTSIDE.test(text)) return undefined
  try {
    return new FastParser(text, maxDepth).document()
  } catch (error) {
    if (error instanceof Unsupported) return undefined
    throw error
  }
}

class FastParser {
  private readonly lines: Line[] = []
  private readonly lineCounter = new LineStarts()
  private index = 0
  /** Collections open around the one being read: deeper than the limit is left to yaml, which reports it. */
  private depth = 0

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {
    let start = 0
    for (;;) {
      this.lineCounter.addNewLine(start)
      const end = text.indexOf('\n', start)
      const raw = end === -1 ? text.slice(start) : text.slice(start, end)
      const indent = spaces(raw, 0)
      const rest = raw.slice(indent)
      // Blank lines and comment lines carry nothing.
      if (rest !== '' && rest[0] !== '#') this.lines.push({start, indent, text: raw})
      if (end === -1) break
      start = end + 1
    }
  }

  document(): SourceDocument {
    const {lines} = this
    if (lines[0] && /^---(?: +(?:#.*)?)?$/.test(lines[0].text)) this.index = 1
    for (const line of lines) {
      if (line.indent === 0 && /^(?:---|\.\.\.)(?: |$)/.test(line.text) && line !== lines[0]) unsupported()
    }
    const first = lines[this.index]
    if (!first || first.indent !== 0) return unsupported()
    const root = this.blockMap(this.index, 0)
    if (this.index !== lines.length) unsupported()
    const positions = new Positions(this.text, this.lineCounter)
    const data = toJS(root)
    return {
      index: 0,
      startLine: this.lineCounter.linePos(root.start).line,
      problems: [],
      data,
      locate: (pointer, target = 'value') => locate(positions, root, pointer, target),
      scalar: (pointer) => scalarSource(root, pointer),
    }
  }

  /** A block mapping whose first key is at `column` of line `at` (a compact mapping starts mid-line). */
  private blockMap(at: number, column: number): MapNode {
    this.enter()
    const start = this.lines[at]!.start + column
    // A block collection is located by its first line (Positions.blockStart): its end is never read.
    const map: MapNode = {kind: 'map', flow: false, start, end: start, pairs: []}
    while (this.index < this.lines.length) {
      const line = this.lines[this.index]!
      // The first key may follow a dash on its line; every other key starts its own line.
      if (this.index !== at) {
        if (line.indent < column) break
        if (line.indent > column) unsupported()
      }
      const key = keyAt(line, column)
      if (map.pairs.some((pair) => pair.key.value === key.value)) unsupported()
      map.pairs.push({key, value: this.valueAfter(line, column + (key.value as string).length + 1, column, true)})
    }
    this.depth--
    return map
  }

  private enter(): void {
    if (this.depth + 1 > this.maxDepth) unsupported()
    this.depth++
  }

  /** A block sequence whose dashes are at `column`. */
  private blockSeq(column: number): SeqNode {
    this.enter()
    const first = this.lines[this.index]!
    const seq: SeqNode = {kind: 'seq', flow: false, start: first.start + column, end: first.start + column, items: []}
    while (this.index < this.lines.length) {
      const line = this.lines[this.index]!
      if (line.indent < column) break
      if (line.indent > column || !isDash(line.text, column)) unsupported()
      seq.items.push(this.valueAfter(line, column + 1, column, false))
    }
    this.depth--
    return seq
  }

  /**
   * The value that follows a key's colon or an item's dash at `from` on `line`: inline (a scalar or
   * a flow collection), a compact mapping after a dash, or a block on the lines below.
   */
  private valueAfter(line: Line, from: number, column: number, inMap: boolean): Node {
    let at = from
    while (line.text[at] === ' ') at++
    const first = line.text[at]
    if (first === undefined || first === '#') {
      if (at === from && first !== undefined) unsupported()
      this.index++
      const next = this.lines[this.index]
      if (next && next.indent > column) return this.block(next.indent)
      // `key:` followed by its sequence's dashes at the key's own indentation.
      if (inMap && next && next.indent === column && isDash(next.text, column)) return this.blockSeq(column)
      return unsupported() // an empty value (null): left to yaml, which knows where it is
    }
    if (at === from) unsupported()
    if (!inMap && keyEnd(line.text, at) !== -1) return this.blockMap(this.index, at)
    if ((first === '[' || first === '{') && this.depth + 1 > this.maxDepth) unsupported()
    const node = inlineValue(line, at)
    this.index++
    const next = this.lines[this.index]
    if (next && next.indent > column) unsupported() // a continuation line or a misplaced block
    return node
  }

  private block(column: number): Node {
    const line = this.lines[this.index]!
    return isDash(line.text, column) ? this.blockSeq(column) : this.blockMap(this.index, column)
  }
}

/** YAML indents with spaces only (JavaScript's trim would also take no-break spaces). */
function spaces(text: string, from: number): number {
  let at = from
  while (text[at] === ' ') at++
  return at - from
}

/** Where the plain key at `column` of `text` ends (at its colon, which a space or the line's end follows); -1 if there is none. */
function keyEnd(text: string, column: number): number {
  let at = column
  let code = text.charCodeAt(at)
  // [A-Za-z_] then [A-Za-z0-9_-]*
  if (!((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95)) return -1
  do code = text.charCodeAt(++at)
  while ((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95 || code === 45)
  if (code !== 58) return -1 // ':'
  const after = text.charCodeAt(at + 1)
  return after === 32 || Number.isNaN(after) ? at : -1
}

/** The plain key (and its colon) at `column` of `line`. */
function keyAt(line: Line, column: number): ScalarNode {
  const end = keyEnd(line.text, column)
  if (end === -1) return unsupported()
  const name = line.text.slice(column, end)
  if (name.length > MAX_KEY || ('nNtTfF_'.includes(name[0]!) && SPECIAL_KEY.test(name))) unsupported()
  const start = line.start + column
  return {kind: 'scalar', start, end: start + name.length, quote: '', value: name}
}

/** `end` moved back over the spaces before it. */
function withoutSpaces(text: string, end: number): number {
  let at = end
  while (at > 0 && text[at - 1] === ' ') at--
  return at
}

function isDash(text: string, column: number): boolean {
  return text[column] === '-' && (text.length === column + 1 || text[column + 1] === ' ')
}

/** A scalar or a one-line flow collection starting at `at`, then nothing but a comment. */
function inlineValue(line: Line, at: number): Node {
  const {text} = line
  const first = text[at]!
  let node: Node
  let end: number
  if (first === '[' || first === '{') {
    ;[node, end] = flowCollection(line, at)
  } else if (first === '"' || first === "'") {
    ;[node, end] = quoted(line, at)
  } else {
    if (!plainStart(text, at)) unsupported()
    const comment = text.indexOf(' #', at)
    const raw = text.slice(at, withoutSpaces(text, comment === -1 ? text.length : comment))
    if (raw.includes(': ') || raw.endsWith(':')) unsupported()
    node = plain(raw, line.start + at)
    end = at + raw.length
  }
  trailing(text, end)
  return node
}

/** Only spaces, or spaces then a comment, may follow a value. */
function trailing(text: string, end: number): void {
  let at = end
  while (text[at] === ' ') at++
  if (at === text.length) return
  if (text[at] !== '#' || at === end) unsupported()
}

/** Characters that cannot begin a plain scalar, or that the subset leaves to yaml. */
function plainStart(text: string, at: number): boolean {
  const first = text[at]!
  if ('[]{},#&*!|>\'"%@`?:'.includes(first)) return false
  return !(first === '-' && (text[at + 1] === undefined || text[at + 1] === ' '))
}

function quoted(line: Line, at: number): [ScalarNode, number] {
  const {text} = line
  const quote = text[at] as '"' | "'"
  let value = ''
  let i = at + 1
  for (;;) {
    const next = text.indexOf(quote, i)
    if (next === -1) return unsupported() // a quoted scalar over several lines
    const part = text.slice(i, next)
    if (quote === '"' && part.includes('\\')) unsupported() // escapes: left to yaml
    value += part
    if (quote === "'" && text[next + 1] === "'") {
      value += "'"
      i = next + 2
      continue
    }
    i = next + 1
    break
  }
  return [{kind: 'scalar', start: line.start + at, end: line.start + i, quote, value}, i]
}

/** `[a, "b"]` or `{key: value, key: value}` on one line, of scalars only. */
function flowCollection(line: Line, at: number): [Node, number] {
  const {text} = line
  const isMap = text[at] === '{'
  const close = isMap ? '}' : ']'
  const items: Node[] = []
  const pairs: Array<{key: ScalarNode; value: Node}> = []
  let i = at + 1
  const skip = (): void => {
    while (text[i] === ' ') i++
  }
  skip()
  if (text[i] === close) i++
  else {
    for (;;) {
      skip()
      if (isMap) {
        const key = keyAt(line, i)
        if (pairs.some((pair) => pair.key.value === key.value)) unsupported()
        i += (key.value as string).length + 1
        if (text[i] !== ' ') unsupported()
        skip()
        pairs.push({key, value: flowScalar()})
      } else {
        items.push(flowScalar())
      }
      skip()
      if (text[i] === ',') {
        i++
        skip()
        if (text[i] === close || text[i] === ',') unsupported() // a trailing or empty entry
        continue
      }
      if (text[i] !== close) unsupported()
      i++
      break
    }
  }
  const start = line.start + at
  const end = line.start + i
  return [isMap ? {kind: 'map', flow: true, start, end, pairs} : {kind: 'seq', flow: true, start, end, items}, i]

  function flowScalar(): ScalarNode {
    const first = text[i]
    if (first === '"' || first === "'") {
      const [node, end] = quoted(line, i)
      i = end
      return node
    }
    if (first === undefined || !plainStart(text, i)) return unsupported()
    let end = i
    while (end < text.length && !',[]{}:#'.includes(text[end]!)) end++
    if (text[end] === ':' || text[end] === '#' || end === text.length) unsupported()
    const raw = text.slice(i, withoutSpaces(text, end))
    const node = plain(raw, line.start + i)
    i += raw.length
    return node
  }
}

/** A plain scalar, resolved by the YAML 1.2 core schema exactly as `yaml` resolves it. */
function plain(raw: string, start: number): ScalarNode {
  return {kind: 'scalar', start, end: start + raw.length, quote: '', value: resolvePlain(raw)}
}

function resolvePlain(raw: string): unknown {
  // Most values are words: only these first characters can begin a null, a boolean or a number.
  if (raw !== '' && !'~nNtTfF0123456789+-.'.includes(raw[0]!)) return raw
  if (/^(?:~|[Nn]ull|NULL)?$/.test(raw)) return null
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(raw)) return raw[0] === 't' || raw[0] === 'T'
  if (/^0o[0-7]+$/.test(raw)) return parseInt(raw.slice(2), 8)
  if (/^[-+]?[0-9]+$/.test(raw)) return parseInt(raw, 10)
  if (/^0x[0-9a-fA-F]+$/.test(raw)) return parseInt(raw.slice(2), 16)
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(raw)) {
    return raw.slice(-3).toLowerCase() === 'nan' ? NaN : raw[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(raw) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(raw)) return parseFloat(raw)
  return raw
}

function toJS(node: Node): unknown {
  if (node.kind === 'scalar') return node.value
  if (node.kind === 'seq') return node.items.map(toJS)
  const object: Record<string, unknown> = {}
  for (const {key, value} of node.pairs) object[key.value as string] = toJS(value)
  return object
}

/** The node at `pointer`: as far as it goes, the pair it was reached through, and whether it got there. */
function walk(root: Node, pointer: string): {node: Node; key: ScalarNode | undefined; complete: boolean} {
  let node: Node = root
  let key: ScalarNode | undefined
  for (const part of parsePointer(pointer)) {
    if (node.kind === 'map') {
      const pair = node.pairs.find((p) => p.key.value === part)
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

function locate(positions: Positions, root: Node, pointer: string, target: 'value' | 'key'): Range {
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
