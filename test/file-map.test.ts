// The README's file map is the tree's: every file of the source folders, as scripts/file-map.js
// makes it from the files' own header comments.
import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'

const ROOT = new URL('..', import.meta.url)

describe('README file map', () => {
  it('lists every file as it is (node scripts/file-map.js --write brings it up to date)', () => {
    const map = execFileSync(process.execPath, ['scripts/file-map.js'], {cwd: ROOT, encoding: 'utf8'})
    const readme = readFileSync(new URL('README.md', ROOT), 'utf8')
    expect(readme).toContain(map.trimEnd())
    for (const file of ['src/engine/pipeline/run.ts', 'src/rule-api/rule.ts', 'scripts/file-map.js']) {
      expect(map).toContain(`  ${file.split('/').at(-1)} `)
    }
  })
})
