// The README's "Programmatic API" examples as printed (for test/e2e/api.test.ts and pack.test.ts).
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {edit, riverside, ROOT} from './helpers.js'

export const API_EXAMPLES = ['validate', 'lint', 'loadConfig', 'formatters'] as const

/** The code block that follows `<!-- api: NAME -->` in the README, as printed. */
export function apiExample(name: string): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
  const match = new RegExp(`<!-- api: ${name} -->\\n\`\`\`js\\n([\\s\\S]*?)\`\`\``).exec(readme)
  if (!match) throw new Error(`README has no API example ${name}`)
  return match[1]!
}

/** An ES module example is one with an import statement; the others are CommonJS. */
export const exampleFile = (name: string): string => `${name}.${/^import /m.test(apiExample(name)) ? 'mjs' : 'cjs'}`

/** A small site: population 26,100, below the band (an error); list sizes five months old on 2026-11-01. */
export const smallSite = (): string =>
  edit(riverside(), ['listSize: 14250', 'listSize: 4250'], ['total: 5776000', 'total: 4176000'], ['amount: 5276000', 'amount: 3676000'], ['asOf: 2026-10-01', 'asOf: 2026-06-01'])
