// The published package works on its own: `npm pack`, then the packed files with production
// dependencies only, then run the packed binary. No network: the lockfiles here carry no download
// addresses (omit-lockfile-registry-resolved), so an `npm ci` would need the registry; instead the
// production closure that `npm ls --omit=dev` reports is copied from this project's install.
import {execFileSync, spawnSync} from 'node:child_process'
import {cpSync, existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ROOT, tempDir} from '../helpers.js'

describe('npm pack', () => {
  it('produces a package that installs without dev dependencies and runs pch', () => {
    const work = tempDir('pch-pack-')
    const npm = (args: string[], cwd: string): string =>
      execFileSync('npm', args, {cwd, encoding: 'utf8', env: {...process.env, npm_config_audit: 'false', npm_config_fund: 'false'}})
    npm(['pack', '--pack-destination', work, '--silent'], ROOT)
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'))!
    execFileSync('tar', ['-xzf', tarball], {cwd: work})
    const pkg = path.join(work, 'package')
    expect(readdirSync(pkg).sort()).toEqual(['README.md', 'bin', 'dist', 'oclif.manifest.json', 'package.json', 'schemas', 'templates'])
    const production = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {cwd: ROOT, encoding: 'utf8'})
      .stdout.split('\n')
      .filter((line) => line.startsWith(path.join(ROOT, 'node_modules') + path.sep))
    expect(production.length).toBeGreaterThan(5)
    for (const dir of production) cpSync(dir, path.join(pkg, path.relative(ROOT, dir)), {recursive: true})
    expect(existsSync(path.join(pkg, 'node_modules', '@oclif', 'core'))).toBe(true)
    expect(existsSync(path.join(pkg, 'node_modules', 'vitest'))).toBe(false)
    expect(existsSync(path.join(pkg, 'node_modules', 'typescript'))).toBe(false)

    const help = spawnSync(process.execPath, [path.join(pkg, 'bin', 'run.js'), '--help'], {encoding: 'utf8'})
    expect(help.status).toBe(0)
    expect(help.stdout).toContain('validate')
    const check = spawnSync(process.execPath, [path.join(pkg, 'bin', 'run.js'), 'validate', path.join(ROOT, 'examples', 'riverside.pch.yaml')], {
      encoding: 'utf8',
      env: {...process.env, NO_COLOR: '1'},
    })
    expect([check.status, check.stdout]).toEqual([0, '✔ No problems in 1 file (1 definition)\n'])
    // init works from the package alone: its templates and the bundled schema its modeline names ship.
    const sites = path.join(work, 'sites')
    const init = spawnSync(process.execPath, [path.join(pkg, 'bin', 'run.js'), 'init', 'demo', '--yes', '--dir', sites], {encoding: 'utf8'})
    expect(init.status).toBe(0)
    const modeline = /^# yaml-language-server: \$schema=(.+)$/m.exec(readFileSync(path.join(sites, 'demo.pch.yaml'), 'utf8'))![1]!
    expect(path.resolve(sites, modeline)).toBe(path.join(pkg, 'dist', 'schemas', 'pch.bundle.schema.json'))
    expect(existsSync(path.resolve(sites, modeline))).toBe(true)
  }, 180_000)
})
