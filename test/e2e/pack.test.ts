// The published package works on its own: `npm pack`, then `npm install` of the tarball into an empty
// project, from the npm cache (`--offline`; the first run on a machine whose cache has the tarballs
// but not the registry's package documents falls back to `--prefer-offline`, which fetches only those
// documents), then the installed `pch` and the README's API examples run there.
import {execFileSync, spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {riverside, ROOT, useTempDir} from '../helpers.js'
import {apiExample, exampleFile, recipe, smallSite} from '../readme-examples.js'

const env = {...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', NO_COLOR: '1'}
const work = useTempDir('pch-pack-', 'all')
let project = ''
let tarball = ''
let files: string[] = []
const run = (command: string, args: string[], cwd = project): {status: number | null; stdout: string; stderr: string} => {
  const r = spawnSync(command, args, {cwd, encoding: 'utf8', env, timeout: 120_000})
  return {status: r.status, stdout: r.stdout, stderr: r.stderr}
}

beforeAll(() => {
  // dist/ is built (npm test builds first); `prepack` would build it again under the other tests' feet.
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work.path], {cwd: ROOT, encoding: 'utf8', env}),
  ) as Array<{filename: string; files: Array<{path: string}>}>
  files = packed!.files.map((f) => f.path)
  project = path.join(work.path, 'project')
  mkdirSync(project)
  writeFileSync(path.join(project, 'package.json'), '{"name": "uses-pch", "private": true}\n')
  tarball = path.join(work.path, packed!.filename)
  let install = run('npm', ['install', '--offline', tarball])
  if (install.status !== 0 && install.stderr.includes('ENOTCACHED')) install = run('npm', ['install', '--prefer-offline', tarball])
  expect(install.stderr).not.toMatch(/npm error/)
  expect(install.status).toBe(0)
  mkdirSync(path.join(project, 'sites'))
  writeFileSync(path.join(project, 'sites', 'riverside.pch.yaml'), riverside())
}, 240_000)

describe('npm pack and npm install of the tarball', () => {
  it('packs a build step before packing, a licence, and nothing the package does not need', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {scripts: Record<string, string>; files: string[]}
    expect(pkg.scripts.prepack).toBe('npm run build')
    expect([...new Set(files.map((f) => f.split('/')[0]))].sort()).toEqual([
      'LICENSE',
      'README.md',
      'bin',
      'dist',
      'oclif.manifest.json',
      'package.json',
      'schemas',
      'templates',
    ])
    expect(files.filter((f) => /\.(ts|tsx|mts|cts)$/.test(f) && !/\.d\.c?ts$/.test(f))).toEqual([])
    expect(files.filter((f) => /(^|\/)(test|src|bench|scripts|node_modules)\//.test(f))).toEqual([])
    for (const needed of [
      'bin/run.js',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cjs/index.cjs',
      'dist/cjs/index.d.cts',
      'dist/cli/oclif.cjs',
      'dist/schemas/pch.bundle.schema.json',
    ]) {
      expect(files).toContain(needed)
    }
    expect(readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) 2026 pch-toolkit contributors\n/)
    expect(existsSync(path.join(project, 'node_modules', 'pch-toolkit', 'LICENSE'))).toBe(true)
    expect(existsSync(path.join(project, 'node_modules', 'vitest'))).toBe(false)
    expect(existsSync(path.join(project, 'node_modules', 'typescript'))).toBe(false)
  })

  it('builds in prepare when nothing is built: npm runs only prepare (not prepack) for a git URL dependency', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {scripts: Record<string, string>}
    expect(pkg.scripts.prepare).toBe('node scripts/prepare.js')
    expect(readFileSync(path.join(ROOT, 'scripts', 'prepare.js'), 'utf8')).toMatch(
      /if \(!existsSync\(new URL\('\.\.\/dist\/index\.js', import\.meta\.url\)\)\) execSync\('npm run build'/,
    )
  })

  it("the README's GitHub Actions line, from the tarball as the README says (--package ./vendor/TARBALL)", () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
    const vendored = `./vendor/${path.basename(tarball)}`
    expect(readme).toContain(`| \`${vendored}\` |`)
    const steps = (recipe('github-actions') as {jobs: {pch: {steps: Array<{run?: string}>}}}).jobs.pch.steps
    const line = steps.find((s) => s.run?.includes(' pch '))!.run!
    expect(line).toContain('--package pch-toolkit ')
    const dir = path.join(work.path, 'vendoring')
    mkdirSync(path.join(dir, 'vendor'), {recursive: true})
    cpSync(tarball, path.join(dir, vendored))
    cpSync(path.join(project, 'sites', 'riverside.pch.yaml'), path.join(dir, 'sites', 'riverside.pch.yaml'))
    // npx installs the tarball's dependencies from the npm cache (this machine may have no network).
    const r = spawnSync('bash', ['-c', line.replace('--package pch-toolkit ', `--package ${vendored} `)], {
      cwd: dir,
      encoding: 'utf8',
      env: {...env, GITHUB_ACTIONS: 'true', npm_config_prefer_offline: 'true'},
      timeout: 120_000,
    })
    expect([r.status, r.stdout]).toEqual([0, ''])
    expect((JSON.parse(readFileSync(path.join(dir, 'pch.sarif'), 'utf8')) as {version: string}).version).toBe('2.1.0')
  })

  it('npx pch --version, validate, lint --format sarif', () => {
    expect(run('npx', ['pch', '--version'])).toEqual({
      status: 0,
      stdout: `pch-toolkit/0.1.0 ${process.platform}-${process.arch} node-${process.version}\n`,
      stderr: '',
    })
    expect(run('npx', ['pch', 'validate', 'sites/riverside.pch.yaml'])).toEqual({
      status: 0,
      stdout: '✔ No problems in 1 file (1 definition)\n',
      stderr: '',
    })
    writeFileSync(path.join(project, 'sites', 'small.pch.yaml'), smallSite().replace('id: riverside', 'id: small'))
    const lint = run('npx', ['pch', 'lint', 'sites/small.pch.yaml', '--format', 'sarif', '--today', '2026-11-01'])
    expect([lint.status, lint.stderr]).toEqual([1, ''])
    const sarif = JSON.parse(lint.stdout) as {
      version: string
      runs: Array<{tool: {driver: {version: string}}; results: Array<{ruleId: string}>}>
    }
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs[0]!.tool.driver.version).toBe('0.1.0')
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toContain('population/size-band')
  })

  it('init --yes writes a definition whose schema modeline points into the installed package', () => {
    const init = run('npx', ['pch', 'init', 'demo', '--yes', '--dir', 'new', '--today', '2026-11-01'])
    expect(init.status).toBe(0)
    const modeline = /^# yaml-language-server: \$schema=(.+)$/m.exec(readFileSync(path.join(project, 'new', 'demo.pch.yaml'), 'utf8'))![1]!
    expect(path.resolve(project, 'new', modeline)).toBe(
      path.join(project, 'node_modules', 'pch-toolkit', 'dist', 'schemas', 'pch.bundle.schema.json'),
    )
    expect(existsSync(path.resolve(project, 'new', modeline))).toBe(true)
  })

  it('report --format html', () => {
    const report = run('npx', [
      'pch',
      'report',
      'sites/riverside.pch.yaml',
      '--format',
      'html',
      '--output',
      'report.html',
      '--today',
      '2026-11-01',
    ])
    expect([report.status, report.stderr]).toEqual([0, ''])
    const html = readFileSync(path.join(project, 'report.html'), 'utf8')
    expect(html).toMatch(/^<!doctype html>/i)
    expect(html).toContain('riverside')
  })

  it('the README API examples, an ES module and a CommonJS script, with a formatter', () => {
    cpSync(path.join(project, 'sites', 'riverside.pch.yaml'), path.join(project, 'one', 'sites', 'riverside.pch.yaml'))
    const one = path.join(project, 'one')
    for (const name of ['validate', 'formatters']) writeFileSync(path.join(one, exampleFile(name)), apiExample(name))
    expect(exampleFile('validate')).toBe('validate.mjs')
    expect(exampleFile('formatters')).toBe('formatters.cjs')
    expect(run(process.execPath, ['validate.mjs'], one)).toEqual({
      status: 0,
      stdout: '✔ No problems in 1 file (1 definition)\n',
      stderr: '',
    })
    expect(run(process.execPath, ['formatters.cjs'], one)).toEqual({status: 0, stdout: 'stylish json junit sarif github\n', stderr: ''})
    expect((JSON.parse(readFileSync(path.join(one, 'pch.sarif'), 'utf8')) as {version: string}).version).toBe('2.1.0')
    expect(readFileSync(path.join(one, 'pch-junit.xml'), 'utf8')).toMatch(/^<\?xml/)
  })
})
