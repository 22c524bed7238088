// An interrupted run leaves no temporary file (cli.md "Safety"): `lint --fix` over 3,000 files is
// interrupted by SIGINT, SIGTERM and SIGHUP at moments spread over a whole run. After each, every
// file holds its old bytes or its new bytes, no temp file is left, and the exit says the signal:
// 130, 143 or 129 from pch's handler once writing has begun, or death by the signal before then.
import {spawn, spawnSync} from 'node:child_process'
import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {BIN, edit, riverside, TODAY, useTempDir, withoutNetwork} from '../helpers.js'

const FILES = 3000
const temp = useTempDir('pch-signals-', 'all')
const fixable = edit(riverside(), ['listSize: 14250', 'listSize: "14,250"'])
/** Site i: its own id and practice codes, so that no practice is shared. */
const site = (text: string, i: number): string => {
  const code = (k: number) => `B${String(i * 3 + k).padStart(5, '0')}`
  return text
    .replaceAll('A81001', code(1))
    .replaceAll('A81002', code(2))
    .replaceAll('A81004', code(3))
    .replace('id: riverside ', `id: s${i} `)
}
const oldText = (i: number) => site(fixable, i)
const newText = (i: number) => site(riverside(), i)
const name = (i: number) => `s${i}.pch.yaml`

function setUp(): void {
  for (let i = 0; i < FILES; i++) writeFileSync(path.join(temp.path, name(i)), oldText(i))
}

/** lint --fix of every file, run to its end. */
function lintFix() {
  const r = spawnSync(process.execPath, [BIN, 'lint', '.', '--fix', '--today', TODAY], {
    cwd: temp.path,
    encoding: 'utf8',
    env: ENV,
    timeout: 120_000,
  })
  return {status: r.status, stderr: r.stderr}
}

/**
 * lint --fix of every file, sent `signal` at `moment`: after `ms` milliseconds, or as soon as its
 * first temp file is seen (writing has begun: the temp files of every fixed file are staged first).
 */
function interrupted(
  signal: NodeJS.Signals,
  moment: {ms: number} | 'writing',
): Promise<{status: number | null; signal: NodeJS.Signals | null}> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'lint', '.', '--fix', '--today', TODAY], {cwd: temp.path, env: ENV, stdio: 'ignore'})
    const send = () => child.kill(signal)
    let timer: NodeJS.Timeout | undefined
    if (moment === 'writing') {
      timer = setInterval(() => {
        if (readdirSync(temp.path).some((n) => n.endsWith('.tmp'))) {
          clearInterval(timer)
          send()
        }
      }, 2)
    } else timer = setTimeout(send, moment.ms)
    child.on('exit', (status, killedBy) => {
      clearInterval(timer)
      clearTimeout(timer)
      resolve({status, signal: killedBy})
    })
  })
}

/** Each file old or new, no other file in the directory. */
function states(): {old: number; new: number} {
  const names = readdirSync(temp.path).sort()
  expect(names.filter((n) => !/^s\d+\.pch\.yaml$/.test(n))).toEqual([])
  const counts = {old: 0, new: 0}
  for (let i = 0; i < FILES; i++) {
    const text = readFileSync(path.join(temp.path, name(i)), 'utf8')
    if (text === oldText(i)) counts.old++
    else if (text === newText(i)) counts.new++
    else throw new Error(`${name(i)} is neither its old nor its new text`)
  }
  return counts
}

const EXIT: Record<string, number> = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129}
const ENV = {...process.env, NO_COLOR: '1', NODE_OPTIONS: withoutNetwork(process.env.NODE_OPTIONS)}

describe(`lint --fix over ${FILES.toLocaleString('en-GB')} files, interrupted`, () => {
  it("before it writes, and by each signal while it writes: every file old or new, no temp file, the signal's exit", async () => {
    setUp()
    expect(lintFix()).toEqual({status: 0, stderr: ''})
    expect(states()).toEqual({old: 0, new: FILES})
    // Before any write: killed by the signal (no handler yet), nothing changed.
    setUp()
    const early = await interrupted('SIGINT', {ms: 150})
    expect(early).toEqual({status: null, signal: 'SIGINT'})
    expect(states()).toEqual({old: FILES, new: 0})
    // While writing: pch's handler, after the write in progress has ended whole, removes every temp file.
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      setUp()
      const r = await interrupted(signal, 'writing')
      const counts = states()
      expect([r, counts.old + counts.new]).toEqual([{status: EXIT[signal], signal: null}, FILES])
    }
  }, 300_000)
})
