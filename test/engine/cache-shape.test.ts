// The cache file's shape: what pch writes is what it reads back, and an entry with any field of the
// wrong type, an unknown rule, a fix edit or a key pch never writes is refused.
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {isCacheEntry} from '../../src/engine/cache/cache-shape.js'
import {CheckCache} from '../../src/engine/cache/cache.js'
import {inspectText, type CheckOptions} from '../../src/engine/pipeline/check.js'
import {registry} from '../../src/rules/registry.js'
import {edit, riverside, TODAY} from '../helpers.js'

const base = riverside()
const config = {dir: process.cwd(), rules: new Map(), ignore: []}
const lint: CheckOptions = {mode: 'lint', registry, today: TODAY, config}
const report: CheckOptions = {...lint, collectSites: true}

/** The entries of a cache holding `text`'s phase 1 result, as the cache file holds them. */
function saved(text: string, options: CheckOptions = lint): unknown[] {
  const cache = new CheckCache('env')
  cache.set('/repo/riverside.pch.yaml', 'hash', inspectText('riverside.pch.yaml', text, options, 'riverside.pch.yaml'))
  return (JSON.parse(JSON.stringify(cache)) as {entries: unknown[]}).entries
}

type Entry = [string, {hash: string; file: {findings: Array<Record<string, unknown>>; claims: unknown; [key: string]: unknown}}]
const forged = (change: (entry: Entry) => void): unknown => {
  const entry = saved(edit(base, ['listSize: 14250', 'listSize: "14,250"']))[0] as Entry
  change(entry)
  return entry
}

describe('the cache file shape', () => {
  it('reads back every entry pch writes: findings, exceptions, directives, claims, several documents, sites', () => {
    const texts = [
      base,
      edit(base, ['listSize: 14250', 'listSize: "14,250"'], ['status: live', 'status: lve']),
      `${base}---\n${base}`,
      readFileSync(new URL('../../examples/rural-exception.pch.yaml', import.meta.url), 'utf8'),
      `# pch-disable-next-line workforce/voluntary-sector-partner\n${base}`,
      'apiVersion: pch/v1\nkind: [unclosed\n',
      '',
    ]
    const entries = texts.flatMap((text) => [lint, report].flatMap((options) => saved(text, options))) as Entry[]
    expect(entries.filter((entry) => !isCacheEntry(entry, registry))).toEqual([])
    // Each part of a result is there in some entry, so each part's shape was read back.
    const has = (part: string) => entries.some(([, {file}]) => Array.isArray(file[part]) && (file[part] as unknown[]).length > 0)
    expect(['findings', 'exceptions', 'directives', 'sites'].filter((part) => !has(part))).toEqual([])
    expect(entries.some(([, {file}]) => file.documents === 2 && file.claims !== '')).toBe(true)
  })

  it('holds no fix edits', () => {
    expect(
      inspectText('riverside.pch.yaml', edit(base, ['listSize: 14250', 'listSize: "14,250"']), lint, 'riverside.pch.yaml').findings[0]!.fix,
    ).toBeDefined()
    const [, {file}] = forged(() => {}) as Entry
    expect(file.findings.map((f) => [f.ruleId, f.fixable, 'fix' in f])).toEqual([['format/number', true, false]])
  })

  it.each<[string, (entry: Entry) => void]>([
    ['a fix edit', ([, e]) => void (e.file.findings[0]!.fix = {start: 0, end: 1, text: 'x'})],
    ['an unknown rule', ([, e]) => void (e.file.findings[0]!.ruleId = 'no/such-rule')],
    ['a line that is text', ([, e]) => void (e.file.findings[0]!.line = '1')],
    ['a negative column', ([, e]) => void (e.file.findings[0]!.column = -1)],
    ['an unknown severity', ([, e]) => void (e.file.findings[0]!.severity = 'fatal')],
    ['a key pch never writes', ([, e]) => void (e.file.findings[0]!.html = '<script>')],
    ['claims of no rule', ([, e]) => void (e.file.claims = '[99,"x"]')],
    ['claims that are not JSON', ([, e]) => void (e.file.claims = '[0,')],
    ['claims as a list', ([, e]) => void (e.file.claims = [])],
    ['a missing hash', ([, e]) => void delete (e as Partial<Entry[1]>).hash],
    ['findings that are not a list', ([, e]) => void (e.file.findings = {} as never)],
    ['a key that is not text', (entry) => void ((entry as unknown[])[0] = 1)],
  ])('refuses %s', (_what, change) => {
    expect(isCacheEntry(forged(change), registry)).toBe(false)
  })
})
