// Reading a source: sizes that cannot be trusted, and paths as output shows them.
import {existsSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {displayPath, read} from '../../src/engine/io/source-text.js'

describe('read', () => {
  // /proc files say their size is 0: read to the end, as readFileSync would.
  it.runIf(existsSync('/proc/self/status'))('a regular file whose size reads 0 is read to its end', () => {
    const {text, once} = read({kind: 'file', path: '/proc/self/status'}, {}, '/', 1_000_000)
    expect([typeof text === 'string' && text.startsWith('Name:'), once]).toEqual([true, false])
  })
})

describe('displayPath', () => {
  it.each([
    ['/repo/sites/a.pch.yaml', '/repo', 'sites/a.pch.yaml'],
    ['/repo/sites/a.pch.yaml', '/repo/', 'sites/a.pch.yaml'],
    ['/repo/.hidden/a.pch.yaml', '/repo', '.hidden/a.pch.yaml'],
    ['/elsewhere/a.pch.yaml', '/repo', '/elsewhere/a.pch.yaml'],
    ['/repo', '/repo', '/repo'],
    // Not normalised (the walk never gives these): as path.relative reads them.
    ['/repo//a.pch.yaml', '/repo', 'a.pch.yaml'],
    ['/repo/./a.pch.yaml', '/repo', 'a.pch.yaml'],
    ['/repo/x/../a.pch.yaml', '/repo', 'a.pch.yaml'],
    ['/repo/x/', '/repo', 'x'],
    ['/repo/../a.pch.yaml', '/repo', '/repo/../a.pch.yaml'],
  ])('%s from %s is %s', (file, cwd, shown) => {
    expect(displayPath(file, cwd)).toBe(shown)
  })
})
