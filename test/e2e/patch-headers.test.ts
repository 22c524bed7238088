// --fix-dry-run's file headers name each file as git does (core.quotePath), so that no file name can
// forge a line of the patch: the exact bytes for odd names, the same headers as `git diff` writes,
// and GNU patch applying a patch whose file name holds header lines to that file and no other.
import {spawnSync} from 'node:child_process'
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {cli, edit, riverside, TODAY, useTempDir} from '../helpers.js'

const base = riverside()
/** One fixable finding (`format/number`), so --fix-dry-run prints a patch. */
const fixable = edit(base, ['listSize: 14250', 'listSize: "14,250"'])
const temp = useTempDir('pch-patch-headers-')

const dryRun = (...paths: string[]) => cli(['lint', ...paths, '--fix-dry-run', '--today', TODAY], {cwd: temp.path})

/** The `---` and `+++` lines of a patch, in order. */
const headers = (patch: string): string[] => patch.split('\n').filter((line) => line.startsWith('--- ') || line.startsWith('+++ '))

/** Every file under `dir` (names relative to it) with its bytes. */
function contents(dir: string): Record<string, string> {
  const found: Record<string, string> = {}
  for (const entry of readdirSync(dir, {recursive: true, withFileTypes: true})) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name)
      found[path.relative(dir, file)] = readFileSync(file, 'utf8')
    }
  }
  return found
}

const hasPatch = spawnSync('patch', ['--version'], {encoding: 'utf8'}).stdout?.startsWith('GNU patch') ?? false
const hasGit = spawnSync('git', ['--version']).status === 0

describe('--fix-dry-run file headers', () => {
  const names: Array<[name: string, header: string]> = [
    ['plain.pch.yaml', 'a/plain.pch.yaml'],
    ['my site.pch.yaml', 'a/my site.pch.yaml\t'],
    ['say"hi".pch.yaml', '"a/say\\"hi\\".pch.yaml"'],
    ['back\\slash.pch.yaml', '"a/back\\\\slash.pch.yaml"'],
    ['café.pch.yaml', '"a/caf\\303\\251.pch.yaml"'],
    ['tab\there.pch.yaml', '"a/tab\\there.pch.yaml"'],
    ['bell\x07del\x7f.pch.yaml', '"a/bell\\adel\\177.pch.yaml"'],
    ['both "q" é.pch.yaml', '"a/both \\"q\\" \\303\\251.pch.yaml"\t'],
  ]

  it('quotes a name as git does: C quotes for ", \\, control characters and bytes above 0x7f; a tab after a name with a space', () => {
    for (const [name, header] of names) {
      temp.write(name, fixable)
      const r = dryRun(name)
      expect([r.status, r.stderr], name).toEqual([0, ''])
      expect(headers(r.stdout), name).toEqual([`--- ${header}`, `+++ ${header.replace('a/', 'b/')}`])
    }
  })

  it.skipIf(!hasGit)('writes the headers git diff writes for the same change (needs git; skipped otherwise)', () => {
    const git = (...args: string[]) =>
      spawnSync('git', ['-c', 'core.quotePath=true', '-c', 'user.name=pch', '-c', 'user.email=pch@example.org', ...args], {
        cwd: temp.path,
        encoding: 'utf8',
      })
    git('init', '-q')
    for (const [name] of names) temp.write(name, fixable)
    git('add', '-A')
    git('commit', '-q', '-m', 'broken')
    const ours = dryRun('.')
    // Exit 1 after the fixes: eight copies of one site claim the same ID and practices.
    expect(ours.status).toBe(1)
    for (const [name] of names) temp.write(name, base)
    const theirs = git('diff')
    expect(theirs.status).toBe(0)
    expect(headers(ours.stdout).sort()).toEqual(headers(theirs.stdout).sort())
    expect(headers(ours.stdout)).toHaveLength(names.length * 2)
  })

  it.skipIf(!hasPatch)(
    'a name holding ---, +++ and @@ lines: patch -p1 changes that file and no other (needs GNU patch; skipped otherwise)',
    () => {
      const dir = 'd\n--- a/victim.txt\n+++ b/victim.txt\n@@ -1 +1 @@\n-safe\n+pwned\nzz'
      const target = `${dir}/riverside.pch.yaml`
      temp.write(target, fixable)
      temp.write('victim.txt', 'safe\n')
      const r = dryRun('.')
      expect([r.status, r.stderr]).toEqual([0, ''])
      const before = contents(temp.path)
      const patch = (...args: string[]) => spawnSync('patch', ['-p1', ...args], {cwd: temp.path, input: r.stdout, encoding: 'utf8'})
      const checked = patch('--dry-run')
      expect({status: checked.status, stdout: checked.stdout, stderr: checked.stderr}).toEqual({
        status: 0,
        stdout: `checking file '${target}'\n`,
        stderr: '',
      })
      expect(contents(temp.path)).toEqual(before)
      const applied = patch()
      expect({status: applied.status, stdout: applied.stdout}).toEqual({status: 0, stdout: `patching file '${target}'\n`})
      expect(contents(temp.path)).toEqual({...before, [target]: base})
    },
  )
})
