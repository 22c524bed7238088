// Golden files: each formatter over the fixed result set, compared byte for byte. The golden files
// were produced by the formatters once and then checked by eye; a change here is a change to an
// output contract and must be deliberate: regenerate with UPDATE_GOLDEN=1 npx vitest run
// test/formatters/golden.test.ts, then review the diff line by line.
import {readFileSync, writeFileSync} from 'node:fs'
import {Chalk} from 'chalk'
import {describe, expect, it} from 'vitest'
import {FORMATS, loadFormatter, type FormatName} from '../../src/formatters/index.js'
import {context, fixture} from './fixture.js'

const GOLDEN: Record<FormatName, string> = {
  stylish: 'stylish.txt',
  json: 'json.json',
  junit: 'junit.xml',
  sarif: 'sarif.sarif.json',
  github: 'github.txt',
}

const goldenFile = (format: FormatName): URL => new URL(`golden/${GOLDEN[format]}`, import.meta.url)
const golden = (format: FormatName): string => readFileSync(goldenFile(format), 'utf8')
const format = async (name: FormatName, color = context.color): Promise<string> => (await loadFormatter(name))(fixture, {...context, color})

// ANSI escape sequences (CSI ... m) as chalk writes them.

const ANSI = /\u001b\[[0-9;]*m/

describe('formatters: golden output', () => {
  it('has a golden file for every format', () => {
    expect(Object.keys(GOLDEN).sort()).toEqual([...FORMATS].sort())
  })

  for (const name of FORMATS) {
    it(`${name} matches golden/${GOLDEN[name]} byte for byte`, async () => {
      const out = await format(name)
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(goldenFile(name), out)
      expect(Buffer.from(out, 'utf8').equals(Buffer.from(golden(name), 'utf8'))).toBe(true)
      // The same comparison again as strings, for a readable diff when it fails.
      expect(out).toBe(golden(name))
    })
  }

  it('is deterministic and does not mutate its input', async () => {
    const before = JSON.stringify(fixture)
    for (const name of FORMATS) expect(await format(name)).toBe(await format(name))
    expect(JSON.stringify(fixture)).toBe(before)
  })

  it('json round-trips to the fixture exactly', async () => {
    expect(JSON.parse(await format('json'))).toEqual(fixture)
  })

  it('github escapes data (%, CR, LF) and properties (also : and ,)', async () => {
    const lines = (await format('github')).split('\n')
    expect(lines.at(-1)).toBe('')
    // One annotation per finding: no message may break a line.
    expect(lines.slice(0, -1)).toHaveLength(fixture.reduce((n, r) => n + r.messages.length, 0))
    for (const line of lines.slice(0, -1))
      expect(line).toMatch(/^::(error|warning|notice) file=[^:,]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:,]*::/)
    expect(lines[0]).toContain(`file=sites/100%25 <a&b>%2C "c%3Ad" 'e' café.pch.yaml,`)
    expect(lines[2]).toMatch(/::Line one%0Aline two%0D%0Aline three%0Dend \\x01 café$/)
  })

  it('junit shows XML-forbidden characters as escapes and escapes the five entities', async () => {
    const xml = await format('junit')

    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/)
    expect(xml).toContain('line three&#13;end \\x01 café')
    expect(xml).toContain('name="sites/100% &lt;a&amp;b&gt;, &quot;c:d&quot; &apos;e&apos; café.pch.yaml"')
  })
})

describe('formatters: stylish colour', () => {
  it('emits ANSI colour with a level-1 chalk', async () => {
    const out = await format('stylish', new Chalk({level: 1}))
    expect(out).toMatch(ANSI)
    expect(out).toContain('\u001b[31merror  \u001b[39m') // red severity
    expect(out).toContain('\u001b[4msites/broken.pch.yaml\u001b[24m') // underlined file
    // Without the escapes it is the plain output.

    expect(out.replace(/\u001b\[[0-9;]*m/g, '')).toBe(golden('stylish'))
  })

  it('emits no ANSI escapes with a level-0 chalk', async () => {
    expect(await format('stylish', new Chalk({level: 0}))).not.toMatch(ANSI)
  })
})
