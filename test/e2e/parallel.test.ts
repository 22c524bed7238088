// Worker threads and --cache change how fast a run is, never what it says: byte-identical output
// and exit codes with one thread or many, with and without the cache, cold or warm, and after a
// file changes under a warm cache.
import {copyFileSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {generateRepository} from '../../bench/generate.js'
import {cli, expectOneLineFailure, TODAY, useTempDir} from '../helpers.js'

const temp = useTempDir('pch-parallel-', 'all')
let repo: string

beforeAll(() => {
  repo = path.join(temp.path, 'programme')
  // Enough files for `auto` to start a worker on any machine with two cores or more.
  generateRepository(repo, 900, 7)
  const odd = path.join(repo, 'odd')
  mkdirSync(odd)
  // Files that take the full YAML path, and a site copied under another name: a repo-scope
  // finding whose two places are checked by different threads.
  writeFileSync(path.join(odd, 'broken.pch.yaml'), 'apiVersion: pch/v1\nkind: [unclosed\n')
  writeFileSync(path.join(odd, 'latin1.pch.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]))
  writeFileSync(
    path.join(odd, 'anchors.pch.yaml'),
    readFileSync(path.join(repo, 'region-001', 'site-150.pch.yaml'), 'utf8').replace('currency: GBP', 'currency: &c GBP'),
  )
  copyFileSync(path.join(repo, 'region-000', 'site-3.pch.yaml'), path.join(odd, 'zz-copy.pch.yaml'))
})

const lint = (...extra: string[]) => cli(['lint', 'programme', '--today', TODAY, '-f', 'json', ...extra], {cwd: temp.path})

describe('threads and the cache change nothing but speed', () => {
  it('gives byte-identical output and exit code with 1, 2, 4 and auto threads', () => {
    const one = lint('--concurrency', 'off')
    expect(one.status).toBe(1)
    const results = JSON.parse(one.stdout) as Array<{filePath: string; messages: Array<{ruleId: string}>}>
    expect(results).toHaveLength(904)
    // Each copy and its original carry the repo-scope findings.
    expect(results.filter((r) => r.messages.some((m) => m.ruleId === 'metadata/duplicate-id')).map((r) => r.filePath)).toEqual([
      'programme/odd/anchors.pch.yaml',
      'programme/odd/zz-copy.pch.yaml',
      'programme/region-000/site-3.pch.yaml',
      'programme/region-001/site-150.pch.yaml',
    ])
    // NODE_DEBUG=worker makes Node log each worker thread it starts: proof that the threads ran.
    // auto: a worker per extra core on 3 cores or more (904 files: at most 2 workers of 400 files).
    const cores = availableParallelism()
    const workers = {'2': 1, '4': 3, auto: cores < 3 ? 0 : Math.min(cores - 1, 2)}
    for (const [threads, started] of Object.entries(workers)) {
      const many = cli(['lint', 'programme', '--today', TODAY, '-f', 'json', '--concurrency', threads], {
        cwd: temp.path,
        env: {NODE_DEBUG: 'worker'},
      })
      expect(many.stderr.match(/^WORKER \d+: \[0\] created Worker with ID \d+$/gm) ?? [], `--concurrency ${threads}`).toHaveLength(started)
      expect(many.stderr).not.toMatch(/^pch: /m)
      expect(many.status).toBe(1)
      expect(many.stdout === one.stdout, `--concurrency ${threads}`).toBe(true)
    }
    const validate = (threads: string) =>
      cli(['validate', 'programme', '--today', TODAY, '-f', 'json', '--concurrency', threads], {cwd: temp.path})
    expect(validate('4').stdout).toBe(validate('off').stdout)
  })

  it('gives the same output with --cache, cold and warm, and sees a changed file', () => {
    const plain = lint()
    const cold = lint('--cache', '--cache-location', 'cache')
    const warm = lint('--cache', '--cache-location', 'cache')
    expect(cold.stdout === plain.stdout && warm.stdout === plain.stdout).toBe(true)
    expect([cold.status, warm.status]).toEqual([1, 1])
    expect(readFileSync(path.join(temp.path, 'cache', 'lint.json'), 'utf8')).toContain('"environment"')
    // One file changes under the warm cache: the result is that of a run without a cache.
    const file = path.join(repo, 'region-004', 'site-420.pch.yaml')
    writeFileSync(file, readFileSync(file, 'utf8').replace(/listSize: (\d+)/, 'listSize: "many"'))
    const changed = lint('--cache', '--cache-location', 'cache', '--concurrency', 'off')
    const fresh = lint()
    expect(changed.stdout === fresh.stdout).toBe(true)
    expect(changed.stdout).not.toBe(plain.stdout)
    expect(lint('--cache', '--cache-location', 'cache', '--concurrency', '4').stdout === fresh.stdout).toBe(true)
  })

  it("takes an unchanged file's result from the cache instead of checking it again, in one thread or many", () => {
    lint('--cache', '--cache-location', 'marked')
    const file = path.join(temp.path, 'marked', 'lint.json')
    const saved = JSON.parse(readFileSync(file, 'utf8')) as {entries: Array<[string, {file: {documents: number}}]>}
    const target = path.join(repo, 'region-002', 'site-250.pch.yaml')
    const entry = saved.entries.find(([key]) => key === target)!
    // A mark no check would produce: seen in the output only if the cached result is used.
    entry[1].file.documents = 7
    writeFileSync(file, JSON.stringify(saved))
    for (const threads of ['off', '4']) {
      const results = JSON.parse(lint('--cache', '--cache-location', 'marked', '--concurrency', threads).stdout) as Array<{
        filePath: string
        documents: number
      }>
      expect(results.find((r) => r.filePath === 'programme/region-002/site-250.pch.yaml')?.documents).toBe(7)
      expect(results.filter((r) => r.documents === 7)).toHaveLength(1)
    }
  })

  it('starts afresh from a damaged cache file, and a different config is a different cache', () => {
    mkdirSync(path.join(temp.path, 'damaged'), {recursive: true})
    writeFileSync(path.join(temp.path, 'damaged', 'lint.json'), '{"environment": 1, "entr')
    expect(lint('--cache', '--cache-location', 'damaged').stdout === lint().stdout).toBe(true)
    writeFileSync(path.join(temp.path, '.pchrc.yaml'), 'rules:\n  workforce/voluntary-sector-partner: off\n')
    try {
      expect(lint('--cache', '--cache-location', 'damaged').stdout === lint().stdout).toBe(true)
    } finally {
      writeFileSync(path.join(temp.path, '.pchrc.yaml'), 'rules: {}\n')
    }
  })

  it('a new limit is a different cache; an entry of another shape is never read', () => {
    const fresh = lint()
    lint('--cache', '--cache-location', 'limits')
    writeFileSync(path.join(temp.path, '.pchrc.yaml'), 'limits:\n  maxDepth: 3\n')
    try {
      const shallow = lint()
      expect(shallow.stdout).toContain('nested more than 3 levels deep')
      expect(lint('--cache', '--cache-location', 'limits').stdout === shallow.stdout).toBe(true)
    } finally {
      writeFileSync(path.join(temp.path, '.pchrc.yaml'), 'rules: {}\n')
    }
    // A cache of the right environment whose entries are of an older shape (claims as a list).
    lint('--cache', '--cache-location', 'limits')
    const file = path.join(temp.path, 'limits', 'lint.json')
    const saved = JSON.parse(readFileSync(file, 'utf8')) as {
      environment: string
      entries: Array<[string, {hash: string; file: {claims: unknown}}]>
    }
    for (const [, entry] of saved.entries) entry.file.claims = [{ruleId: 'metadata/duplicate-id', key: 'x'}]
    writeFileSync(file, JSON.stringify(saved))
    const reread = lint('--cache', '--cache-location', 'limits')
    expect({status: reread.status, stderr: reread.stderr}).toEqual({status: 1, stderr: ''})
    expect(reread.stdout === fresh.stdout).toBe(true)
  })

  it('refuses a --concurrency that is not auto, off or a number', () => {
    expectOneLineFailure(
      lint('--concurrency', 'lots'),
      /^pch: --concurrency must be auto, off or a number of threads from 1 to 999, not "lots"$/m,
    )
  })
})
