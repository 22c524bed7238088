// The README's CI recipes are real: each parses, names what it produces consistently, and its
// command line runs (with the built binary in place of the published package).
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {beforeEach, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {BIN, edit, riverside, ROOT, tempDir} from '../helpers.js'

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')

/** The YAML block that follows `<!-- recipe: NAME -->` in the README, parsed. */
function recipe(name: string): Record<string, unknown> {
  const match = new RegExp(`<!-- recipe: ${name} -->\\n\`\`\`yaml\\n([\\s\\S]*?)\`\`\``).exec(readme)
  if (!match) throw new Error(`README has no recipe ${name}`)
  return parse(match[1]!, {strict: true, uniqueKeys: true}) as Record<string, unknown>
}

const PACKAGE = 'npx --yes --package pch-toolkit pch'

/** Run a recipe's shell line with the built binary in place of the published package. */
function runLine(line: string, cwd: string, env: Record<string, string> = {}): {status: number | null; stdout: string} {
  expect(line.startsWith(`${PACKAGE} `)).toBe(true)
  const command = line.replace(PACKAGE, `"${process.execPath}" "${BIN}"`)
  const result = spawnSync('bash', ['-c', command], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', ...env}})
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
    expect(failing.stdout).toMatch(/^::error file=sites\/riverside\.pch\.yaml,line=\d+,col=5,.*title=population\/size-band::Registered population 26,100/)
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

  it('pre-commit: the config names a hook this repository serves, whose entry runs on matching files', () => {
    const config = recipe('pre-commit') as {repos: Array<{hooks: Array<{id: string}>}>}
    const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{id: string; entry: string; files: string; language: string}>
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
