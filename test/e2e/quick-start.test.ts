// The README's Quick start: two commands; the first installs, builds, runs the main job on the bundled
// examples and exits 0. Here its part after the install and build runs against the built binary
// (a fresh clone runs all of it; the install and build are what every test run has already done).
import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ROOT, withoutNetwork} from '../helpers.js'

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
const block = /^## Quick start\n\n```sh\n([\s\S]*?)```/m.exec(readme)?.[1] ?? ''
const commands = block.trim().split('\n')

describe('README Quick start', () => {
  it('is two commands: install, build and run; then the whole suite', () => {
    expect(commands).toHaveLength(2)
    expect(commands[0]).toMatch(/^npm ci && npm run build && node bin\/run\.js validate /)
    expect(commands[1]).toBe('npm run test:all')
  })

  it('its first command, after the install and build, exits 0 and shows every example in the report', () => {
    const job = commands[0]!.replace(/^npm ci && npm run build && /, '')
    const r = spawnSync('sh', ['-c', job], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {...process.env, NO_COLOR: '1', NODE_OPTIONS: withoutNetwork(process.env.NODE_OPTIONS)},
      timeout: 120_000,
    })
    expect([r.status, r.stderr]).toEqual([0, ''])
    expect(r.stdout).toContain('\n✔ No problems in 3 files (4 definitions)\n')
    expect(r.stdout).toContain('# Primary Care Home compliance report')
    // The report counts the invalid examples too: sites that fail and definitions that cannot be read.
    expect(r.stdout).toMatch(/\d+ of \d+ sites meet all four characteristics/)
    expect(r.stdout).toContain('could not be read')
  })
})
