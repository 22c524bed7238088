// The README's code blocks as printed: its "Programmatic API" examples (for test/e2e/api.test.ts and
// pack.test.ts), its CI recipes (recipes.test.ts) and its commands from NHS data (import.test.ts).
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {parse} from 'yaml'
import {edit, riverside, ROOT} from './helpers.js'

export const API_EXAMPLES = ['validate', 'lint', 'loadConfig', 'formatters'] as const

/** The `language` code block that follows `<!-- MARKER -->` in the README, as printed. */
export function readmeBlock(marker: string, language: string): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
  const match = new RegExp(`<!-- ${marker} -->\\n\`\`\`${language}\\n([\\s\\S]*?)\`\`\``).exec(readme)
  if (!match) throw new Error(`README has no ${language} block after <!-- ${marker} -->`)
  return match[1]!
}

/** The code block that follows `<!-- api: NAME -->` in the README, as printed. */
export const apiExample = (name: string): string => readmeBlock(`api: ${name}`, 'js')

/** The YAML block that follows `<!-- recipe: NAME -->` in the README, parsed. */
export const recipe = (name: string): Record<string, unknown> =>
  parse(readmeBlock(`recipe: ${name}`, 'yaml'), {strict: true, uniqueKeys: true}) as Record<string, unknown>

/** The command lines of the `sh` block that follows `<!-- MARKER -->`, without their comments. */
export const readmeCommands = (marker: string): string[] =>
  readmeBlock(marker, 'sh')
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter(Boolean)

/** An ES module example is one with an import statement; the others are CommonJS. */
export const exampleFile = (name: string): string => `${name}.${/^import /m.test(apiExample(name)) ? 'mjs' : 'cjs'}`

/** A small site: population 26,100, below the band (an error); list sizes five months old on 2026-11-01. */
export const smallSite = (): string =>
  edit(
    riverside(),
    ['listSize: 14250', 'listSize: 4250'],
    ['total: 5776000', 'total: 4176000'],
    ['amount: 5276000', 'amount: 3676000'],
    ['asOf: 2026-10-01', 'asOf: 2026-06-01'],
  )
