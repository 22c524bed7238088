// fast-check arbitraries shared by the property suites: YAML-significant text, edits of real
// definitions, and JSON-like values. A failure prints its seed; PCH_PROPERTY_SEED=<seed> replays it.
import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import {parseAllDocuments, stringify} from 'yaml'
import {globSync} from 'tinyglobby'
import {ROOT} from './helpers.js'

/** The examples and templates: real definitions to mutate. */
export const corpus = globSync(['examples/**/*.pch.yaml', 'templates/*.yaml'], {cwd: ROOT, absolute: true})
  .sort()
  .map((file) => readFileSync(file, 'utf8'))

/** Text that YAML gives meaning to, weighted towards what breaks parsers. */
export const yamlChar = fc.constantFrom(
  ...' :#-[]{},\'"&*!|>?%@`~\n\t\r\\.0123456789aZé_'.split(''),
  '  ',
  ': ',
  '- ',
  '\n  ',
  '\n- ',
  ' #',
  '---',
  '...',
  '\u00a0',
  '\u2028',
  '\ufeff',
)

/** Line breaks for a whole text (YAML 1.2 §5.4): all CR (old Mac), all CRLF (Windows), or a mix, taken in turn. */
export const lineBreaks: fc.Arbitrary<string[]> = fc.oneof(
  fc.constant<string[]>(['\r']),
  fc.constant<string[]>(['\r\n']),
  fc.array(fc.constantFrom('\n', '\r\n', '\r'), {minLength: 2, maxLength: 5}),
)

/** `text` with its line breaks (LF, CRLF or CR) replaced by `breaks`, one after another. */
export function withLineBreaks(text: string, breaks: readonly string[]): string {
  let next = 0
  return text.replace(/\r\n|\r|\n/g, () => breaks[next++ % breaks.length]!)
}

export const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.array(yamlChar, {minLength: 1, maxLength: 3}).map((parts) => parts.join('')),
  }),
  fc.record({kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({min: 1, max: 4})}),
  fc.record({kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({min: -3, max: 3})}),
  fc.record({kind: fc.constant('line' as const), at: fc.nat(), to: fc.nat(), drop: fc.boolean()}),
  fc.record({kind: fc.constant('breaks' as const), breaks: lineBreaks}),
)

/** Keys: plain names, and any short string. */
export const yamlKey = fc.oneof(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,8}$/), fc.string({maxLength: 6}))

/** Scalars, with the strings YAML 1.1 or a careless parser would read as something else. */
export const yamlScalar = fc.oneof(
  fc.string({maxLength: 12}),
  fc.integer(),
  fc.double({noNaN: false}),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('yes', 'NO', '1:30', '0x1F', '0o17', '1e3', '.inf', '-.5', '2026-04-01', 'null', '~', 'a #b', 'x: y', '- z'),
)

/** JSON-like values: scalars, lists and mappings, a few levels deep. */
export const {value: jsonLike} = fc.letrec((tie) => ({
  value: fc.oneof({depthSize: 'small'}, yamlScalar, tie('list'), tie('map')),
  list: fc.array(tie('value'), {maxLength: 4}),
  map: fc.dictionary(yamlKey, tie('value'), {maxKeys: 4}),
}))

export type Mutation =
  | {kind: 'insert'; at: number; text: string}
  | {kind: 'delete'; at: number; length: number}
  | {kind: 'indent'; at: number; by: number}
  | {kind: 'line'; at: number; to: number; drop: boolean}
  | {kind: 'breaks'; breaks: string[]}

export function mutate(text: string, m: Mutation): string {
  if (m.kind === 'breaks') return withLineBreaks(text, m.breaks)
  if (m.kind === 'insert') {
    const at = m.at % (text.length + 1)
    return text.slice(0, at) + m.text + text.slice(at)
  }
  if (m.kind === 'delete') {
    const at = m.at % (text.length + 1)
    return text.slice(0, at) + text.slice(at + m.length)
  }
  const lines = text.split('\n')
  const at = m.at % lines.length
  if (m.kind === 'indent') {
    lines[at] = m.by >= 0 ? ' '.repeat(m.by) + lines[at] : lines[at]!.replace(new RegExp(`^ {0,${-m.by}}`), '')
    return lines.join('\n')
  }
  const [line] = lines.splice(at, 1)
  if (!m.drop) lines.splice(m.to % (lines.length + 1), 0, line!)
  return lines.join('\n')
}

/** Arbitrary text: YAML's significant characters, tokens, and any Unicode at all. */
export const yamlText = fc
  .array(
    fc.oneof(
      yamlChar,
      fc.constantFrom('apiVersion: pch/v1\n', 'kind: PrimaryCareHome\n', 'spec:\n  ', 'a: ', '&a ', '*a', '!!str ', '|\n  ', '? '),
      fc.string({unit: 'grapheme', maxLength: 3}),
    ),
    {maxLength: 60},
  )
  .map((parts) => parts.join(''))

/** JSON-like values written by yaml in any of its styles, as a whole document or under a definition's head, with LF or other line breaks. */
export const yamlValues = fc
  .tuple(
    jsonLike,
    fc.boolean(),
    fc.constantFrom<'any' | 'block' | 'flow'>('any', 'block', 'flow'),
    fc.constantFrom<'PLAIN' | 'QUOTE_DOUBLE'>('PLAIN', 'QUOTE_DOUBLE'),
    fc.option(lineBreaks, {freq: 3}),
  )
  .map(([value, asDefinition, collectionStyle, defaultStringType, breaks]) => {
    const text = stringify(asDefinition ? {apiVersion: 'pch/v1', kind: 'PrimaryCareHome', metadata: value, spec: value} : value, {
      collectionStyle,
      defaultStringType,
    })
    return breaks ? withLineBreaks(text, breaks) : text
  })

/** What a mutation puts in place of a value. */
const replacement = fc.oneof(
  jsonLike,
  fc.constantFrom(
    1e308,
    -1e308,
    2 ** 53 + 1,
    5e-324,
    -0,
    Number.MAX_SAFE_INTEGER * 1000,
    'ℵ₀ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u202eevil\u202c \u200b',
    '',
    ' ',
    '0',
    'null',
  ),
  fc.string({unit: 'grapheme', maxLength: 20}),
  fc.nat(80).map((depth) => Array.from({length: depth}).reduce<unknown>((inner) => [inner], 'deep')),
)

/** A path into the data: a list of choices, each taken modulo the keys or items there. */
type Edit = {path: number[]; kind: 'delete' | 'replace' | 'add'; value: unknown; key: string}
const edit = fc.record({
  path: fc.array(fc.nat(), {minLength: 1, maxLength: 6}),
  kind: fc.constantFrom<Edit['kind']>('delete', 'replace', 'add'),
  value: replacement,
  key: yamlKey,
})

function applyEdit(data: unknown, {path, kind, value, key}: Edit): unknown {
  const root = {root: data} as Record<string, unknown>
  let parent: Record<string, unknown> | unknown[] = root
  let at: string | number = 'root'
  for (const choice of path) {
    const node: unknown = (parent as Record<string | number, unknown>)[at]
    if (node === null || typeof node !== 'object') break
    const keys: Array<string | number> = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node)
    if (keys.length === 0) break
    parent = node as Record<string, unknown>
    at = keys[choice % keys.length]!
  }
  const container = parent as Record<string | number, unknown>
  if (kind === 'replace') container[at] = value
  else if (kind === 'add' && container[at] !== null && typeof container[at] === 'object' && !Array.isArray(container[at]))
    (container[at] as Record<string, unknown>)[key] = value
  else if (Array.isArray(container)) container.splice(at as number, 1)
  else delete container[at]
  return root.root
}

/** The examples and templates with their data edited, then a few characters edited too. */
export const mutatedDefinitions = fc
  .tuple(fc.nat(corpus.length - 1), fc.array(edit, {minLength: 1, maxLength: 4}), fc.array(mutation, {maxLength: 2}))
  .map(([which, edits, characters]) => {
    const data = edits.reduce(applyEdit, parseAllDocuments(corpus[which]!).map((doc) => doc.toJS() as unknown)[0])
    return characters.reduce(mutate, stringify(data))
  })

export const properties: Array<[name: string, arbitrary: fc.Arbitrary<string>]> = [
  ['arbitrary YAML-significant text', yamlText],
  ['JSON-like values written as YAML', yamlValues],
  ['the real definitions with data and characters mutated', mutatedDefinitions],
]
