// fast-check arbitraries shared by the property suites: YAML-significant text, edits of real
// definitions, and JSON-like values. A failure prints its seed; FC_SEED=<seed> replays it.
import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import {globSync} from 'tinyglobby'
import {ROOT} from './helpers.js'

/** The examples and templates: real definitions to mutate. */
export const corpus = globSync(['examples/**/*.pch.yaml', 'templates/*.yaml'], {cwd: ROOT, absolute: true})
  .sort()
  .map((file) => readFileSync(file, 'utf8'))

/** Text that YAML gives meaning to, weighted towards what breaks parsers. */
export const yamlChar = fc.constantFrom(...' :#-[]{},\'"&*!|>?%@`~\n\t\r\\.0123456789aZé_'.split(''), '  ', ': ', '- ', '\n  ', '\n- ', ' #', '---', '...', '\u00a0', '\u2028', '\ufeff')

export const mutation = fc.oneof(
  fc.record({kind: fc.constant('insert' as const), at: fc.nat(), text: fc.array(yamlChar, {minLength: 1, maxLength: 3}).map((parts) => parts.join(''))}),
  fc.record({kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({min: 1, max: 4})}),
  fc.record({kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({min: -3, max: 3})}),
  fc.record({kind: fc.constant('line' as const), at: fc.nat(), to: fc.nat(), drop: fc.boolean()}),
)

/** Keys: plain names, and any short string. */
export const yamlKey = fc.oneof(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,8}$/), fc.string({maxLength: 6}))

/** Scalars, with the strings YAML 1.1 or a careless parser would read as something else. */
export const yamlScalar = fc.oneof(fc.string({maxLength: 12}), fc.integer(), fc.double({noNaN: false}), fc.boolean(), fc.constant(null), fc.constantFrom('yes', 'NO', '1:30', '0x1F', '0o17', '1e3', '.inf', '-.5', '2026-04-01', 'null', '~', 'a #b', 'x: y', '- z'))

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

export function mutate(text: string, m: Mutation): string {
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
