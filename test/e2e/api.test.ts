// The README's "Programmatic API" examples, run exactly as printed against the built package (ESM and
// CommonJS), in a project where `pch-toolkit` resolves to this repository, as it would once installed.
import {spawnSync} from 'node:child_process'
import {mkdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {beforeEach, describe, expect, it} from 'vitest'
import {ROOT, tempDir} from '../helpers.js'
import {API_EXAMPLES, apiExample, exampleFile, smallSite} from '../readme-examples.js'

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')

let dir: string
const run = (name: string): {status: number | null; stdout: string; stderr: string} => {
  writeFileSync(path.join(dir, exampleFile(name)), apiExample(name))
  const r = spawnSync(process.execPath, [exampleFile(name)], {cwd: dir, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
  return {status: r.status, stdout: r.stdout, stderr: r.stderr}
}

beforeEach(() => {
  dir = tempDir('pch-api-')
  mkdirSync(path.join(dir, 'node_modules'))
  symlinkSync(ROOT, path.join(dir, 'node_modules', 'pch-toolkit'), 'dir')
  mkdirSync(path.join(dir, 'sites'))
  writeFileSync(path.join(dir, 'sites', 'riverside.pch.yaml'), smallSite())
})

describe('README: Programmatic API', () => {
  it('has an example for each of validate, lint, loadConfig and formatters, in both module systems', () => {
    expect([...readme.matchAll(/<!-- api: (\w+) -->/g)].map((m) => m[1])).toEqual([...API_EXAMPLES])
    expect(API_EXAMPLES.map(exampleFile)).toEqual(['validate.mjs', 'lint.mjs', 'loadConfig.mjs', 'formatters.cjs'])
  })

  it('validate: the stylish report and exit code of pch validate', () => {
    const cli = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'run.js'), 'validate', 'sites/'], {
      cwd: dir,
      encoding: 'utf8',
      env: {...process.env, NO_COLOR: '1'},
    })
    const r = run('validate')
    expect(r).toEqual({status: 1, stdout: cli.stdout, stderr: ''})
    expect(r.stdout).toMatch(/^sites\/riverside\.pch\.yaml\n {2}\d+:5 {2}error {2}Registered population 26,100 is below 30,000/)
  })

  it('lint: every finding with its place, rule and message, on the given day', () => {
    const r = run('lint')
    expect(r.status).toBe(0)
    expect(r.stderr).toBe('')
    const json = spawnSync(
      process.execPath,
      [path.join(ROOT, 'bin', 'run.js'), 'lint', 'sites/', '--today', '2026-11-01', '--format', 'json'],
      {cwd: dir, encoding: 'utf8'},
    )
    const expected = (
      JSON.parse(json.stdout) as Array<{
        filePath: string
        messages: Array<{line: number; column: number; severity: string; ruleId: string; message: string}>
      }>
    ).flatMap(({filePath, messages}) => messages.map((m) => `${filePath}:${m.line}:${m.column} ${m.severity} ${m.ruleId}: ${m.message}\n`))
    expect(expected.length).toBeGreaterThan(0)
    expect(r.stdout).toBe(expected.join(''))
  })

  it('loadConfig: the config the CLI would find, and a run under it', () => {
    expect(run('loadConfig')).toEqual({status: 0, stdout: 'no config\n1 files, 0 warnings\n', stderr: ''})
    writeFileSync(
      path.join(dir, '.pchrc.yaml'),
      'rules:\n  population/stale-list-sizes: [warning, { maxAgeMonths: 3 }]\n  workforce/voluntary-sector-partner: off\n',
    )
    const r = run('loadConfig')
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe(
      `config: ${path.join(dir, '.pchrc.yaml')}\npopulation/stale-list-sizes {"severity":"warning","options":{"maxAgeMonths":3}}\nworkforce/voluntary-sector-partner {"severity":"off","options":{}}\n1 files, 1 warnings\n`,
    )
  })

  it('formatters (CommonJS): the SARIF and JUnit files pch --format writes, byte for byte', () => {
    expect(run('formatters')).toEqual({status: 0, stdout: 'stylish json junit sarif github\n', stderr: ''})
    for (const [format, file] of [
      ['sarif', 'pch.sarif'],
      ['junit', 'pch-junit.xml'],
    ] as const) {
      const cli = spawnSync(
        process.execPath,
        [path.join(ROOT, 'bin', 'run.js'), 'validate', 'sites/riverside.pch.yaml', '--today', '2026-11-01', '--format', format],
        {cwd: dir, encoding: 'utf8'},
      )
      expect(readFileSync(path.join(dir, file), 'utf8')).toBe(cli.stdout)
    }
  })
})

describe('the package API, ESM and CommonJS', () => {
  it('require() and import give the same functions', async () => {
    const esm = (await import(path.join(ROOT, 'dist', 'index.js'))) as Record<string, unknown>
    const cjs = createRequire(path.join(ROOT, 'package.json'))(path.join(ROOT, 'dist', 'cjs', 'index.cjs')) as Record<string, unknown>
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort())
    expect(Object.keys(cjs.formatters as object)).toEqual(['stylish', 'json', 'junit', 'sarif', 'github'])
  })
})
