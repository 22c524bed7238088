// Shared test helpers: the riverside example, precise edits of it, findings as compact strings,
// and the built CLI run as a child process.
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {beforeAll, beforeEach, expect, onTestFinished} from 'vitest'
import {fileURLToPath} from 'node:url'
import {checkText} from '../src/engine/pipeline/run.js'
import {registry} from '../src/rules/registry.js'
import type {Config} from '../src/engine/config/config.js'
import type {Message, Mode} from '../src/rule-api/types.js'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
export const BIN = fileURLToPath(new URL('../bin/run.js', import.meta.url))
export const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url))
export const TODAY = '2026-11-01'

export const riverside = (): string => readFileSync(new URL('../examples/riverside.pch.yaml', import.meta.url), 'utf8')

/** Replace each `from` (which must occur exactly once) with `to`. */
export function edit(text: string, ...edits: Array<[from: string | RegExp, to: string]>): string {
  let out = text
  for (const [from, to] of edits) {
    const count =
      typeof from === 'string'
        ? out.split(from).length - 1
        : (out.match(new RegExp(from.source, `${from.flags.replace('g', '')}g`)) ?? []).length
    if (count !== 1) throw new Error(`edit: expected exactly one match of ${String(from)}, found ${count}`)
    out = out.replace(from, to)
  }
  return out
}

/** "ruleId@line:column" for each finding, in output order (`config`: a run with that config). */
export function findings(text: string, mode: Mode = 'validate', today = TODAY, config?: Config): string[] {
  return checkText(text, {mode, registry, today, ...(config ? {config} : {})}).messages.map(short)
}

export function messages(text: string, mode: Mode = 'validate', today = TODAY): Message[] {
  return checkText(text, {mode, registry, today}).messages
}

export const short = (m: Pick<Message, 'ruleId' | 'line' | 'column'>): string => `${m.ruleId}@${m.line}:${m.column}`

/** 1-based line of the first line containing `needle` (so tests name places by content, not by number). */
export function lineOf(text: string, needle: string, after = 0): number {
  const lines = text.split('\n')
  const index = lines.findIndex((line, i) => i >= after && line.includes(needle))
  if (index === -1) throw new Error(`lineOf: ${needle} not found`)
  return index + 1
}

export interface CliResult {
  status: number | null
  stdout: string
  stderr: string
}

/** The guard that ends any process that opens a socket (exit 99), added to NODE_OPTIONS. */
export const NO_NETWORK = fileURLToPath(new URL('./no-network.cjs', import.meta.url))
export const withoutNetwork = (nodeOptions = ''): string => `${nodeOptions} --require ${JSON.stringify(NO_NETWORK)}`.trim()

/** Run the built binary (npm run build first) with NO_COLOR and without GitHub's environment. */
export function cli(args: string[], options: {cwd?: string; input?: string; env?: Record<string, string>; uid?: number} = {}): CliResult {
  const env: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1'}
  delete env.GITHUB_ACTIONS
  Object.assign(env, options.env)
  env.NODE_OPTIONS = withoutNetwork(env.NODE_OPTIONS)
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
    ...(options.uid === undefined ? {} : {uid: options.uid, gid: options.uid}),
  })
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}

/**
 * A fresh temporary directory, removed when the current test finishes (passed or failed). Call it
 * in a test or a beforeEach; every temporary directory of the tests comes from here or useTempDir.
 */
export function tempDir(prefix: string): string {
  let dir = ''
  // Registered first: outside a test this throws before anything is created.
  onTestFinished(() => {
    rmSync(dir, {recursive: true, force: true})
  })
  dir = mkdtempSync(path.join(tmpdir(), prefix))
  return dir
}

/**
 * A fresh temporary directory for each test (scope 'each'), or one shared by every test of the file
 * or describe that calls this (scope 'all'), removed after it; and a writer into it.
 */
export function useTempDir(
  prefix: string,
  scope: 'each' | 'all' = 'each',
): {readonly path: string; write(name: string, content: string | Uint8Array): string} {
  let current = ''
  if (scope === 'each') {
    beforeEach(() => {
      current = tempDir(prefix)
    })
  } else {
    beforeAll(() => {
      current = mkdtempSync(path.join(tmpdir(), prefix))
      const dir = current
      return () => rmSync(dir, {recursive: true, force: true})
    })
  }
  return {
    get path() {
      return current
    },
    write(name, content) {
      const file = path.join(current, name)
      mkdirSync(path.dirname(file), {recursive: true})
      writeFileSync(file, content)
      return file
    },
  }
}

/** A failed run: exit 2, nothing on stdout, exactly one line on stderr matching `pattern`, no stack trace. */
export function expectOneLineFailure(r: CliResult, pattern: RegExp): void {
  expect(r.status).toBe(2)
  expect(r.stdout).toBe('')
  expect(r.stderr).toMatch(/^[^\n]+\n$/)
  expect(r.stderr).toMatch(pattern)
  expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+\)?$/m)
}

/** The one line of a register or extract read no further than its size limit (a device, an endless pipe). */
export const overDataLimit = (name: string): RegExp =>
  new RegExp(
    `^pch: ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is more than the limit of 268,435,456 bytes \\(the limit for registers and extracts\\); it was not read beyond it\\n$`,
  )
