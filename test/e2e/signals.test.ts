// An interrupted run leaves no temporary file (cli.md "Safety"): `lint --fix` over 3,000 files is
// interrupted by SIGINT, SIGTERM and SIGHUP at moments spread over a whole run. After each, every
// file holds its old bytes or its new bytes, no temp file is left, and the exit says the signal:
// 130, 143 or 129 from pch's handler once writing has begun, or death by the signal before then.
import {spawnSync} from 'node:child_process'
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
  return text.replaceAll('A81001', code(1)).replaceAll('A81002', code(2)).replaceAll('A81004', code(3)).replace('id: riverside ', `id: s${i} `)
}
const oldText = (i: number) => site(fixable, i)
const newText = (i: number) => site(riverside(), i)
const name = (i: number) => `s${i}.pch.yaml`

function setUp(): void {
  for (let i = 0; i < FILES; i++) writeFileSync(path.join(temp.path, name(i)), oldText(i))
}

/** lint --fix of every file, sent `signal` after `ms` (never, when undefined). */
function lintFix(ms?: number, signal?: NodeJS.Signals) {
  const started = Date.now()
  const r = spawnSync(process.execPath, [BIN, 'lint', '.', '--fix', '--today', TODAY], {
    cwd: temp.path,
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1', NODE_OPTIONS: withoutNetwork(process.env.NODE_OPTIONS)},
    ...(ms === undefined ? {timeout: 120_000} : {timeout: ms, killSignal: signal}),
  })
  return {status: r.status, signal: r.signal, stderr: r.stderr, ms: Date.now() - started}
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

describe(`lint --fix over ${FILES.toLocaleString('en-GB')} files, interrupted`, () => {
  it('at moments spread over a run, by each signal: every file old or new, no temp file, the signal\'s exit', () => {
    setUp()
    const whole = lintFix()
    expect([whole.status, whole.stderr]).toEqual([0, ''])
    expect(states()).toEqual({old: 0, new: FILES})
    const outcomes: string[] = []
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']
    for (const [n, fraction] of [0.35, 0.6, 0.85].entries()) {
      setUp()
      const signal = signals[n % 3]!
      const r = lintFix(Math.max(50, Math.round(whole.ms * fraction)), signal)
      const counts = states()
      // Killed before writing began (nothing changed), or pch's handler after the write in progress.
      if (r.signal === signal) expect(counts).toEqual({old: FILES, new: 0})
      else if (r.status === EXIT[signal]) expect(counts.old + counts.new).toBe(FILES)
      else expect([r.status, counts]).toEqual([0, {old: 0, new: FILES}])
      outcomes.push(r.signal ?? String(r.status))
    }
    // At least one signal came while pch was writing (its handler's exit code), or the moments say nothing.
    expect(outcomes.some((o) => ['130', '143', '129'].includes(o)), outcomes.join(' ')).toBe(true)
  }, 300_000)
})
