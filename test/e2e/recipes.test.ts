// The README's CI recipes are real: each parses, names what it produces consistently, and its
// command line runs (with the built binary in place of the published package; pack.test.ts runs the
// GitHub Actions line from the packed tarball); the pre-commit recipe's rev is a commit of this
// repository that serves the hook and builds when packed.
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {beforeEach, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {BIN, edit, riverside, ROOT, tempDir} from '../helpers.js'
import {recipe} from '../readme-examples.js'

const git = (...args: string[]): {status: number | null; stdout: string} => {
  const r = spawnSync('git', args, {cwd: ROOT, encoding: 'utf8'})
  return {status: r.status, stdout: r.stdout}
}
/** A clone with all its history (a shallow clone, or a copy without .git, cannot say whether a commit exists). */
const fullHistory = git('rev-parse', '--is-shallow-repository').stdout.trim() === 'false'

const PACKAGE = 'npx --yes --package pch-toolkit pch'

/** Run a recipe's shell line with the built binary in place of the published package. */
function runLine(line: string, cwd: string, env: Record<string, string> = {}): {status: number | null; stdout: string} {
  expect(line.startsWith(`${PACKAGE} `)).toBe(true)
  const command = line.replace(PACKAGE, `"${process.execPath}" "${BIN}"`)
  const result = spawnSync('bash', ['-c', command], {
    cwd,
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', ...env},
  })
  return {status: result.status, stdout: result.stdout}
}

let dir: string
beforeEach(() => {
  dir = tempDir('pch-recipe-')
  mkdirSync(path.join(dir, 'sites'))
  writeFileSync(path.join(dir, 'sites', 'riverside.pch.yaml'), riverside())
})

const small = (): void =>
  writeFileSync(
    path.join(dir, 'sites', 'riverside.pch.yaml'),
    edit(riverside(), ['listSize: 14250', 'listSize: 4250'], ['total: 5776000', 'total: 4176000'], ['amount: 5276000', 'amount: 3676000']),
  )

describe('README recipes', () => {
  it('GitHub Actions: annotations on stdout, SARIF written to the file the upload step reads', () => {
    const workflow = recipe('github-actions') as {jobs: {pch: {steps: Array<{run?: string; uses?: string; with?: {sarif_file?: string}}>}}}
    const steps = workflow.jobs.pch.steps
    const run = steps.find((s) => s.run?.includes(' pch '))!.run!
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!
    const clean = runLine(run, dir, {GITHUB_ACTIONS: 'true'})
    expect(clean).toEqual({status: 0, stdout: ''})
    const sarif = JSON.parse(readFileSync(path.join(dir, upload.with!.sarif_file!), 'utf8'))
    expect(sarif.version).toBe('2.1.0')
    small()
    const failing = runLine(run, dir, {GITHUB_ACTIONS: 'true'})
    expect(failing.status).toBe(1)
    expect(failing.stdout).toMatch(
      /^::error file=sites\/riverside\.pch\.yaml,line=\d+,col=5,.*title=population\/size-band::Registered population 26,100/,
    )
  })

  it('GitLab CI: stylish on stdout, JUnit written to the file the artifact reports', () => {
    const job = (recipe('gitlab-ci') as {pch: {script: string[]; artifacts: {reports: {junit: string}}}}).pch
    small()
    const result = runLine(job.script[0]!, dir)
    expect(result.status).toBe(1)
    expect(result.stdout).toContain('population/size-band')
    const junit = readFileSync(path.join(dir, job.artifacts.reports.junit), 'utf8')
    expect(junit).toContain('<failure type="population/size-band"')
  })

  it.runIf(fullHistory)(
    'pre-commit: rev is a full commit hash of this repository, whose tree serves the hook and builds when packed, quietly',
    () => {
      const {rev, hooks} = (recipe('pre-commit') as {repos: Array<{rev: string; hooks: Array<{id: string}>}>}).repos[0]!
      expect(rev).toMatch(/^[0-9a-f]{40}$/)
      expect(git('cat-file', '-e', `${rev}^{commit}`).status).toBe(0)
      const served = parse(git('show', `${rev}:.pre-commit-hooks.yaml`).stdout) as Array<{id: string; language: string}>
      expect(served.find((h) => h.id === hooks[0]!.id)?.language).toBe('node')
      // pre-commit installs a node hook with npm pack, which runs prepack: the build. It takes npm pack's
      // standard output for the tarball's name, so npm must not print the build there (.npmrc).
      expect((JSON.parse(git('show', `${rev}:package.json`).stdout) as {scripts: Record<string, string>}).scripts.prepack).toBe(
        'npm run build',
      )
      expect(git('show', `${rev}:.npmrc`).stdout).toMatch(/^foreground-scripts=false$/m)
    },
  )

  it('pre-commit, repo: local: the same hook as this repository serves, with the package of this version as its dependency', () => {
    const local = (recipe('pre-commit-local') as {repos: Array<{repo: string; hooks: Array<Record<string, unknown>>}>}).repos[0]!
    expect(local.repo).toBe('local')
    const {additional_dependencies: dependencies, ...hook} = local.hooks[0]!
    const served = (parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>).find(
      (h) => h.id === hook.id,
    )!
    const {description: _description, ...same} = served
    expect(hook).toEqual(same)
    const {name, version} = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {name: string; version: string}
    expect(dependencies).toEqual([`${name}@${version}`])
  })

  it('pre-commit: the config names a hook this repository serves, whose entry runs on matching files', () => {
    const config = recipe('pre-commit') as {repos: Array<{hooks: Array<{id: string}>}>}
    const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{
      id: string
      entry: string
      files: string
      language: string
    }>
    const hook = hooks.find((h) => h.id === config.repos[0]!.hooks[0]!.id)!
    expect(hook.language).toBe('node')
    const files = ['sites/riverside.pch.yaml', 'README.md'].filter((f) => new RegExp(hook.files).test(f))
    expect(files).toEqual(['sites/riverside.pch.yaml'])
    const line = `${PACKAGE} ${hook.entry.replace(/^pch /, '')} ${files.join(' ')}`
    expect(runLine(line, dir)).toEqual({status: 0, stdout: '✔ No problems in 1 file (1 definition)\n'})
    small()
    expect(runLine(line, dir).status).toBe(1)
    expect(existsSync(path.join(dir, 'sites', 'riverside.pch.yaml'))).toBe(true)
  })
})
