// The one write helper under faults injected mid-run, where the end-to-end tests cannot reach: a
// file that vanishes between two writes, a write that fails part-way (ENOSPC), a rename that fails.
// After each, every file is its old bytes or its complete new bytes, and no temporary file is left.
import * as fs from 'node:fs'
import {readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {tempDir} from '../helpers.js'

/** The fault to inject: called before each fs call the helper makes; it may act, or throw. */
const fault: {before?: (call: string, args: unknown[]) => void} = {}

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>()
  const wrap = <F extends (...args: never[]) => unknown>(name: string, f: F): F =>
    ((...args: Parameters<F>) => {
      fault.before?.(name, args)
      return f(...args)
    }) as F
  return {
    ...actual,
    openSync: wrap('openSync', actual.openSync),
    writeSync: wrap('writeSync', actual.writeSync),
    renameSync: wrap('renameSync', actual.renameSync),
  }
})

const {writeFilesAtomic} = await import('../../src/engine/io/write.js')

let dir: string
const names = ['a.pch.yaml', 'b.pch.yaml', 'c.pch.yaml']
const oldBytes = (name: string): string => `old ${name}\n`.repeat(100)
const newBytes = (name: string): string => `new ${name}\n`.repeat(300)
const writes = (): Array<{file: string; content: string}> => names.map((name) => ({file: path.join(dir, name), content: newBytes(name)}))

beforeEach(() => {
  dir = tempDir('pch-write-')
  for (const name of names) writeFileSync(path.join(dir, name), oldBytes(name), {mode: 0o640})
})
afterEach(() => {
  delete fault.before
})

/** Each file's state: 'old', 'new' or 'missing'; anything else (a partial file) fails the test. */
function states(): Record<string, string> {
  expect(
    readdirSync(dir).filter((name) => !names.includes(name)),
    'temporary files left',
  ).toEqual([])
  return Object.fromEntries(
    names.map((name) => {
      const file = path.join(dir, name)
      if (!fs.existsSync(file)) return [name, 'missing']
      const text = readFileSync(file, 'utf8')
      const state = text === oldBytes(name) ? 'old' : text === newBytes(name) ? 'new' : `partial (${text.length} bytes)`
      return [name, state]
    }),
  )
}

/** Counts calls of one kind, and acts at the nth. */
function at(call: string, nth: number, act: (args: unknown[]) => void): void {
  let seen = 0
  fault.before = (name, args) => {
    if (name === call && ++seen === nth) act(args)
  }
}

describe('writeFilesAtomic under injected faults', () => {
  it('without a fault writes every file whole and keeps its mode', () => {
    writeFilesAtomic(writes())
    expect(states()).toEqual({'a.pch.yaml': 'new', 'b.pch.yaml': 'new', 'c.pch.yaml': 'new'})
    expect(statSync(path.join(dir, 'b.pch.yaml')).mode & 0o777).toBe(0o640)
  })

  it('a file that vanishes while the first is staged: the run completes, and it holds its complete new bytes', () => {
    at('openSync', 2, () => rmSync(path.join(dir, 'b.pch.yaml')))
    writeFilesAtomic(writes())
    expect(states()).toEqual({'a.pch.yaml': 'new', 'b.pch.yaml': 'new', 'c.pch.yaml': 'new'})
  })

  // A failing call: its name, at which call, the error's code and message, and each file's state after.
  it.each([
    {
      fault: 'a full disk part-way through the second file',
      call: 'writeSync',
      nth: 2,
      code: 'ENOSPC',
      message: 'no space left on device, write',
      after: ['old', 'old', 'old'],
    },
    {
      fault: 'a rename that fails after the first',
      call: 'renameSync',
      nth: 2,
      code: 'EXDEV',
      message: 'cross-device link not permitted, rename',
      after: ['new', 'old', 'old'],
    },
    {
      fault: 'a directory that turns read-only before the third file is staged',
      call: 'openSync',
      nth: 3,
      code: 'EACCES',
      message: 'permission denied, open',
      after: ['old', 'old', 'old'],
    },
  ])('$fault: the files end $after, no temporary file left', ({call, nth, code, message, after}) => {
    at(call, nth, () => {
      throw Object.assign(new Error(`${code}: ${message}`), {code})
    })
    expect(() => writeFilesAtomic(writes())).toThrow(new RegExp(code))
    expect(states()).toEqual(Object.fromEntries(names.map((name, i) => [name, after[i]])))
  })
})
