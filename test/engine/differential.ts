// Compares the fast parser with the full `yaml` path on one text: when the fast parser answers,
// its data, start line and every position must be those of `yaml`.
import {isDeepStrictEqual} from 'node:util'
import {fastParse} from '../../src/engine/parse/fast-parse.js'
import {parseFull} from '../../src/engine/parse/parse.js'
import {joinPointer} from '../../src/rule-api/pointer.js'

/** Every pointer into `data`, and one missing child of each container. */
export function pointersOf(data: unknown, at = ''): string[] {
  const list = [at]
  if (data !== null && typeof data === 'object') {
    list.push(`${at}/no-such-key`)
    const keys = Array.isArray(data) ? data.map((_, i) => String(i)) : Object.keys(data)
    for (const key of keys) list.push(...pointersOf((data as Record<string, unknown>)[key], at + joinPointer(key)))
  }
  return list
}

/** undefined when the paths agree (or the fast parser declines); otherwise what differs. */
export function difference(text: string): string | undefined {
  const fast = fastParse(text)
  if (!fast) return undefined
  const {documents} = parseFull(text)
  if (documents.length !== 1) return `yaml found ${documents.length} documents`
  const slow = documents[0]!
  if (slow.problems.length > 0) return `yaml found problems: ${slow.problems.map((p) => p.message).join('; ')}`
  if (!isDeepStrictEqual(fast.data, slow.data)) return `data differs: ${JSON.stringify(fast.data)} vs ${JSON.stringify(slow.data)}`
  if (fast.startLine !== slow.startLine) return `start line ${fast.startLine} vs ${slow.startLine}`
  for (const pointer of pointersOf(slow.data)) {
    for (const target of ['value', 'key'] as const) {
      const a = fast.locate(pointer, target)
      const b = slow.locate(pointer, target)
      if (!isDeepStrictEqual(a, b)) return `locate(${pointer}, ${target}): ${JSON.stringify(a)} vs ${JSON.stringify(b)}`
    }
    const a = fast.scalar(pointer)
    const b = slow.scalar(pointer)
    if (!isDeepStrictEqual(a, b)) return `scalar(${pointer}): ${JSON.stringify(a)} vs ${JSON.stringify(b)}`
  }
  return undefined
}
