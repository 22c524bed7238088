// npm run build builds only when an input changed (scripts/build.js), shown in a small project of
// its own whose whole build counts its runs, so this test never rebuilds dist/ under the other tests.
import {spawnSync} from 'node:child_process'
import {existsSync, readFileSync, rmSync, writeFileSync, mkdirSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ROOT, tempDir, withoutNetwork} from './helpers.js'

const SCRIPT = path.join(ROOT, 'scripts', 'build.js')
const UP_TO_DATE = 'pch build: up to date (nothing changed since the last build)\n'

/** A project whose build:full writes the outputs the script checks and adds a line to built.log (or fails). */
function project(): string {
  const dir = tempDir('pch-build-')
  const write = (name: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), text)
  }
  write('package.json', JSON.stringify({private: true, type: 'module', scripts: {'build:full': 'node make.js'}}))
  write(
    'make.js',
    "import fs from 'node:fs'\nif (fs.existsSync('fail')) process.exit(3)\nfs.mkdirSync('dist', {recursive: true})\nfs.writeFileSync('dist/index.js', '')\nfs.writeFileSync('oclif.manifest.json', '{}')\nfs.appendFileSync('built.log', 'built\\n')\n",
  )
  write('src/a.ts', 'export const a = 1\n')
  write('src/deep/b.ts', 'export const b = 2\n')
  write('tsconfig.json', '{}\n')
  return dir
}

function build(dir: string): {status: number | null; stdout: string; builds: number} {
  const env = {...process.env, npm_config_update_notifier: 'false', NODE_OPTIONS: withoutNetwork(process.env.NODE_OPTIONS)}
  const r = spawnSync(process.execPath, [SCRIPT], {cwd: dir, encoding: 'utf8', env})
  const log = path.join(dir, 'built.log')
  return {status: r.status, stdout: r.stdout, builds: existsSync(log) ? readFileSync(log, 'utf8').split('\n').length - 1 : 0}
}

describe('npm run build (scripts/build.js)', () => {
  it('builds once, and a second run with nothing changed does nothing', () => {
    const dir = project()
    expect(build(dir)).toMatchObject({status: 0, builds: 1})
    expect(build(dir)).toEqual({status: 0, stdout: UP_TO_DATE, builds: 1})
  })

  it('builds again when an input changes, is added or goes, or an output is gone', () => {
    const dir = project()
    expect(build(dir).builds).toBe(1)
    const changes = [
      () => writeFileSync(path.join(dir, 'src/deep/b.ts'), 'export const b = 3\n'),
      () => writeFileSync(path.join(dir, 'src/c.ts'), ''),
      () => rmSync(path.join(dir, 'src/a.ts')),
      () => writeFileSync(path.join(dir, 'tsconfig.json'), '{"compilerOptions": {}}\n'),
      () => rmSync(path.join(dir, 'dist'), {recursive: true}),
    ]
    changes.forEach((change, i) => {
      change()
      expect(build(dir)).toMatchObject({status: 0, builds: i + 2})
      expect(build(dir)).toEqual({status: 0, stdout: UP_TO_DATE, builds: i + 2})
    })
    // Not an input: a file outside src/, schemas/, scripts/, templates/, bin/, package*.json, tsconfig*.
    writeFileSync(path.join(dir, 'notes.md'), 'x\n')
    expect(build(dir).builds).toBe(changes.length + 1)
  })

  it("after a build that fails, builds again (its exit status is the build's)", () => {
    const dir = project()
    writeFileSync(path.join(dir, 'fail'), '')
    expect(build(dir)).toMatchObject({status: 3, builds: 0})
    rmSync(path.join(dir, 'fail'))
    expect(build(dir)).toMatchObject({status: 0, builds: 1})
    expect(build(dir)).toEqual({status: 0, stdout: UP_TO_DATE, builds: 1})
  })
})
