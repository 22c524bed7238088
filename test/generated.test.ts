// What scripts/generate-rules.js derives from the rule files is checked in as it would write it now.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
// @ts-expect-error: a plain JavaScript build script, without types
import {COMMAND, REGISTRY, ROOT, derived, generate} from '../scripts/generate-rules.js'
import {catalogue} from '../src/rules/index.js'

const onDisk = (file: string): string => readFileSync(path.join(ROOT as string, file), 'utf8')
const stale = (file: string): string => `${file} is stale: run ${COMMAND as string} (npm run build runs it)`

describe('generated from the rules', () => {
  it('the registry lists every rule file, by kind, in catalogue order', async () => {
    const {registry} = (await generate((url: string) => import(url))) as {registry: string}
    expect(onDisk(REGISTRY as string), stale(REGISTRY as string)).toBe(registry)
  })

  it.each(Object.entries(derived(catalogue) as Record<string, string>))('%s', (file, text) => {
    expect(onDisk(file), stale(file)).toBe(text)
  })

  it('fills every summary from x-pch-thresholds: no placeholder is left', () => {
    expect(catalogue.filter((m) => /\{[\w/.-]+\}/.test(m.summary)).map((m) => `${m.id}: ${m.summary}`)).toEqual([])
  })
})
