// YAML text -> documents (YAML 1.2 core schema), structural errors, and JSON Pointer -> line:column.
import type {Document, LineCounter, Node, Pair} from 'yaml'
import {fastParse} from './fast-parse.js'
import {DEFAULT_LIMITS, Positions, type ScalarSource, type SourceDocument} from './source.js'
import {withLineFeeds} from './line-breaks.js'
import {parsePointer} from '../../rule-api/pointer.js'
import {yaml} from '../../rule-api/lazy.js'
import type {Problem, Range} from '../../rule-api/types.js'

export {DEFAULT_LIMITS, type Limits, type ScalarSource, type SourceDocument} from './source.js'

/** Aliases one document may expand; an "alias bomb" hits this long before it hurts. */
export const MAX_ALIAS_COUNT = 1000

export interface ParsedSource {
  documents: SourceDocument[]
  /** Lines that lie inside a multi-line scalar's text (after its first line): not comments. */
  scalarLines(): Set<number>
}

const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`))

/**
 * Parse every document of a file, whatever its line breaks (LF, CRLF, CR: positions count each as
 * one). Empty documents (a trailing `---`, a file of comments) are dropped.
 * A file in the plain subset of YAML takes the fast parser, which gives the same data and positions.
 */
export function parseSource(source: string, maxDepth: number = DEFAULT_LIMITS.maxDepth): ParsedSource {
  const quick = fastParse(source, maxDepth)
  // The subset has no multi-line scalars: no line is inside one.
  if (quick) return {documents: [quick], scalarLines: () => new Set()}
  return parseFull(source, maxDepth)
}

/** parseSource with the full YAML parser, whatever the text (what the fast path must agree with). */
export function parseFull(source: string, maxDepth: number = DEFAULT_LIMITS.maxDepth): ParsedSource {
  // yaml knows LF and CRLF, not a lone CR: it reads the same text with LF there, offset for offset.
  const text = withLineFeeds(source)
  // yaml takes minutes over megabytes of deeply nested flow collections. When a quick count of
  // brackets passes the limit, yaml reads the text only up to that bracket: the documents before it
  // are whole, and the first collection too deep (found by depthProblem) is where it is in the whole
  // text. If the count was fooled (brackets in strings), the whole text is read after all.
  const cut = deepFlowAt(text, maxDepth)
  if (cut !== -1) {
    const prefix = parseWithYaml(text.slice(0, cut + 1), maxDepth)
    const deep = prefix.documents.findIndex((doc) => doc.problems.some((problem) => tooDeep.has(problem)))
    if (deep !== -1) return {documents: prefix.documents.slice(0, deep + 1), scalarLines: prefix.scalarLines}
  }
  return parseWithYaml(text, maxDepth)
}

/** The offset of the first `[` or `{` that opens more than `maxDepth` brackets, or -1. */
function deepFlowAt(text: string, maxDepth: number): number {
  let depth = 0
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at)
    if (code === 91 || code === 123) {
      if (++depth > maxDepth) return at
    } else if ((code === 93 || code === 125) && depth > 0) depth--
  }
  return -1
}

/** Depth problems (depthProblem's), to tell them from other yaml/syntax problems. */
const tooDeep = new WeakSet<Problem>()

function parseWithYaml(text: string, maxDepth: number): ParsedSource {
  const lineCounter = new (yaml().LineCounter)()
  const docs = yaml().parseAllDocuments(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    version: '1.2',
    schema: 'core',
    merge: false,
    strict: true,
    // A mapping key that is itself a collection becomes its text (schema then reports the key);
    // yaml's warning about it would go to standard error, which pch keeps for its own one line.
    logLevel: 'error',
  })
  const list = Array.isArray(docs) ? docs : [docs]
  const locator = new Locator(text, lineCounter)
  const documents: SourceDocument[] = []
  for (const doc of list) {
    if (isEmpty(doc)) continue
    const index = documents.length
    // Depth first: the checks after it walk the tree recursively.
    const deep = depthProblem(doc, maxDepth, locator)
    const problems = deep ? [deep] : structuralProblems(doc, text, locator)
    let data: unknown
    if (problems.length === 0) {
      try {
        data = doc.toJS({maxAliasCount: MAX_ALIAS_COUNT})
      } catch (error) {
        problems.push(aliasProblem(doc, error, locator))
      }
    }
    documents.push({
      index,
      startLine: lineCounter.linePos((doc.contents as Node | null)?.range?.[0] ?? doc.range[0]).line,
      problems,
      data,
      locate: (pointer, target = 'value') => locator.locate(doc, pointer, target),
      scalar: (pointer) => locator.scalar(doc, pointer),
    })
  }
  const scalarLines = (): Set<number> => {
    const lines = new Set<number>()
    for (const doc of list) {
      yaml().visit(doc, {
        Scalar(_key, node) {
          if (!node.range) return
          const first = lineCounter.linePos(node.range[0]).line
          // range[1] is exclusive: a block scalar's range ends at the start of the next line.
          const last = lineCounter.linePos(Math.max(node.range[0], node.range[1] - 1)).line
          for (let line = first + 1; line <= last; line++) lines.add(line)
        },
      })
    }
    return lines
  }
  return {documents, scalarLines}
}

/** toJS failed: an alias that names no anchor, or more aliases than a definition can need. */
function aliasProblem(doc: Document.Parsed, error: unknown, locator: Locator): Problem {
  if (/Unresolved alias/.test(String((error as Error)?.message))) {
    let at: Range | undefined
    yaml().visit(doc, {
      Alias(_key, node) {
        if (!at && node.range && node.resolve(doc) === undefined) at = locator.offsets(node.range[0], node.range[1])
      },
    })
    return {
      ruleId: 'yaml/syntax',
      path: '',
      message: 'A YAML alias (*name) refers to no anchor (&name) defined before it',
      at: at ?? locator.rangeOf(doc.contents as Node | null),
    }
  }
  return {
    ruleId: 'yaml/syntax',
    path: '',
    message: 'Too many YAML aliases: the document expands beyond what a PCH definition needs (possible alias bomb)',
    at: locator.rangeOf(doc.contents as Node | null),
  }
}

/** The first collection nested deeper than `maxDepth` (found without recursion), as a yaml/syntax problem. */
function depthProblem(doc: Document.Parsed, maxDepth: number, locator: Locator): Problem | undefined {
  // [node, depth, the key it is the value of]; a block collection is shown at its key, as elsewhere.
  const stack: Array<[node: unknown, depth: number, key?: unknown]> = [[doc.contents, 0]]
  while (stack.length > 0) {
    const [node, depth, key] = stack.pop()!
    if (!yaml().isCollection(node)) continue
    if (depth + 1 > maxDepth) {
      const message = `The document is nested more than ${maxDepth.toLocaleString('en-GB')} levels deep (a definition needs about 7; limits.maxDepth in the config)`
      const at = !node.flow && yaml().isNode(key) ? key : node
      const problem: Problem = {ruleId: 'yaml/syntax', path: '', message, at: locator.rangeOf(at as Node)}
      tooDeep.add(problem)
      return problem
    }
    // Children pushed last first, so the first collection too deep is the first in the text.
    for (const item of [...(node.items as unknown[])].reverse()) {
      if (yaml().isPair(item)) stack.push([item.value, depth + 1, item.key], [item.key, depth + 1])
      else stack.push([item, depth + 1])
    }
  }
  return undefined
}

/** A document with nothing in it: a trailing `---`, or only comments. */
function isEmpty(doc: Document.Parsed): boolean {
  const contents = doc.contents as Node | null
  return doc.errors.length === 0 && (contents === null || (yaml().isScalar(contents) && contents.value === null && contents.source === ''))
}

function structuralProblems(doc: Document.Parsed, text: string, locator: Locator): Problem[] {
  const problems: Problem[] = []
  // Duplicate keys are separate faults; after the first syntax error the parser's later errors are
  // mostly its own confusion, so only that first one is reported (as ESLint does).
  const syntax = doc.errors.find((error) => error.code !== 'DUPLICATE_KEY')
  for (const error of syntax ? [syntax] : doc.errors) {
    const duplicate = error.code === 'DUPLICATE_KEY'
    problems.push({
      ruleId: duplicate ? 'yaml/duplicate-key' : 'yaml/syntax',
      path: '',
      message: duplicate ? 'A key appears twice in the same mapping; keys must be unique' : syntaxMessage(error.code, error.message),
      at: locator.offsets(error.pos[0], error.pos[1]),
    })
  }
  if (problems.length > 0) return problems
  // Every tag outside the YAML 1.2 core schema: custom (!foo), language (!!js/...) and YAML 1.1 (!!timestamp, !!set, ...).
  yaml().visit(doc, {
    Node(_key, node) {
      if (node.tag && node.tag !== '!' && !CORE_TAGS.has(node.tag) && node.range) {
        const [start, end] = tagRange(text, node.range[0])
        problems.push(tagProblem(node.tag, locator.offsets(start, end)))
      }
    },
  })
  return problems
}

/** The tag written before a node's value (the node's own range starts at the value). */
function tagRange(text: string, valueStart: number): [number, number] {
  let end = valueStart
  while (end > 0 && /\s/.test(text[end - 1]!)) end--
  let start = end
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--
  return text[start] === '!' ? [start, end] : [valueStart, valueStart]
}

function tagProblem(tag: string, at: Range): Problem {
  const shown = tag.replace(/^tag:yaml\.org,2002:/, '!!')
  return {
    ruleId: 'yaml/unsupported-tag',
    path: '',
    message: `Tag ${shown} is not supported: a PCH definition holds plain values only (tags are never executed)`,
    at,
  }
}

function syntaxMessage(code: string, message: string): string {
  if (code === 'RESOURCE_EXHAUSTION') return 'The YAML is nested too deeply to check; a PCH definition needs only a few levels'
  return `YAML syntax error: ${firstLine(message)}`
}

function firstLine(text: string): string {
  return text
    .split('\n', 1)[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim()
}

/** Turns JSON Pointers into 1-based line:column ranges over a `yaml` document. */
class Locator extends Positions {
  constructor(
    private readonly source: string,
    lineCounter: LineCounter,
  ) {
    super(source, lineCounter)
  }

  /** A node's own range; a block collection shows just its first line. */
  rangeOf(node: Node | null | undefined): Range {
    if (!node?.range) return {line: 1, column: 1, endLine: 1, endColumn: 1}
    const [start, valueEnd] = node.range
    if (yaml().isCollection(node) && !node.flow) return this.blockStart(start)
    return this.offsets(start, valueEnd)
  }

  locate(doc: Document.Parsed, pointer: string, target: 'value' | 'key'): Range {
    const {node, pair, complete} = this.walk(doc, pointer)
    // A key at fault, a missing key (reported at its parent's key), or a block collection: show the key.
    const wantKey = target === 'key' || !complete || (yaml().isCollection(node) && !node.flow)
    if (wantKey && pair && yaml().isScalar(pair.key)) return this.rangeOf(pair.key as Node)
    return this.rangeOf(node)
  }

  /** Only a plain or quoted scalar written in place (not through an alias, not tagged) can be fixed. */
  scalar(doc: Document.Parsed, pointer: string): ScalarSource | undefined {
    const {node, complete, viaAlias} = this.walk(doc, pointer)
    if (!complete || viaAlias || !yaml().isScalar(node) || !node.range || node.tag) return undefined
    if (node.type !== 'PLAIN' && node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE') return undefined
    const [start, end] = node.range
    const first = this.source[start]
    return {start, end, quote: first === '"' || first === "'" ? first : ''}
  }

  private walk(doc: Document.Parsed, pointer: string): {node: Node | null; pair: Pair | undefined; complete: boolean; viaAlias: boolean} {
    let node = doc.contents as Node | null
    let pair: Pair | undefined
    let viaAlias = false
    for (const part of parsePointer(pointer)) {
      if (yaml().isAlias(node)) {
        viaAlias = true
        node = (node.resolve(doc) as Node | undefined) ?? null
      }
      if (yaml().isMap(node)) {
        const found = node.items.find((item) => yaml().isPair(item) && yaml().isScalar(item.key) && String(item.key.value) === part)
        if (!found) return {node, pair, complete: false, viaAlias}
        pair = found as Pair
        node = (found.value as Node | null) ?? (found.key as Node)
      } else if (yaml().isSeq(node)) {
        const item = node.items[Number(part)] as Node | undefined
        if (item === undefined || !/^\d+$/.test(part)) return {node, pair, complete: false, viaAlias}
        pair = undefined
        node = item
      } else {
        return {node, pair, complete: false, viaAlias}
      }
    }
    if (yaml().isAlias(node)) viaAlias = true
    return {node, pair, complete: true, viaAlias}
  }
}
