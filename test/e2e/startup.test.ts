// Start-up of the built binary (issues 8, 18, 19): oclif and the command each come from one bundle,
// Node 22+ compiles them from its compile cache, a cache that cannot be written or is refused
// changes nothing but the time, and a one-file run loads nothing it does not use (nor ICU's data).
import {spawnSync} from 'node:child_process'
import {readdirSync, writeFileSync} from 'node:fs'
import module from 'node:module'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {BIN, cli, ROOT, tempDir} from '../helpers.js'

const ONE_FILE = ['validate', 'examples/riverside.pch.yaml', '--format', 'json']
const preload = (code: string): string[] => ['--import', `data:text/javascript,${encodeURIComponent(code)}`]
// Node 22.1 and later; on Node 20 the compile-cache tests that need it are skipped (CI runs this
// file on 22 and 24 too).
const hasCompileCache = typeof (module as {enableCompileCache?: unknown}).enableCompileCache === 'function'

function node(args: string[], env: NodeJS.ProcessEnv = process.env): {status: number | null; stdout: string; stderr: string} {
  return spawnSync(process.execPath, args, {cwd: ROOT, encoding: 'utf8', env})
}

describe('start-up of the built binary', () => {
  const usual = cli(ONE_FILE)

  it('a one-file validate exits 0 with its findings on stdout and nothing on stderr', () => {
    expect(usual.status).toBe(0)
    expect(usual.stderr).toBe('')
    expect(JSON.parse(usual.stdout)[0].filePath).toBe('examples/riverside.pch.yaml')
  })

  it.runIf(hasCompileCache)("compiles oclif's bundle and the command's from Node's compile cache after the first run", () => {
    const dir = tempDir('pch-compile-cache-')
    // NODE_DEBUG_NATIVE=COMPILE_CACHE is Node's own log of each module's cache (on stderr).
    const run = (): ReturnType<typeof node> =>
      node([BIN, ...ONE_FILE], {...process.env, NO_COLOR: '1', NODE_COMPILE_CACHE: dir, NODE_DEBUG_NATIVE: 'COMPILE_CACHE'})
    const first = run()
    expect(first.status).toBe(0)
    expect(first.stdout).toBe(usual.stdout)
    const second = run()
    expect(second.stdout).toBe(usual.stdout)
    for (const file of ['dist/cli/oclif.cjs', 'dist/commands/validate.cjs']) {
      // "cache for FILE" (Node 22) or "V8 code cache for CommonJS FILE" (Node 24), then the verdict.
      expect(first.stderr).toContain(`${path.join(ROOT, file)} was not initialized`)
      expect(second.stderr).toContain(`${path.join(ROOT, file)} was accepted`)
    }
  })

  it.runIf(hasCompileCache)('NODE_DISABLE_COMPILE_CACHE=1 turns it off and changes no byte of output', () => {
    const dir = tempDir('pch-compile-cache-')
    expect(cli(ONE_FILE, {env: {NODE_COMPILE_CACHE: dir, NODE_DISABLE_COMPILE_CACHE: '1'}})).toEqual(usual)
    expect(readdirSync(dir)).toEqual([])
  })

  // Node returns a failed status from module.enableCompileCache() and prints nothing; pch goes on.
  it('a compile cache directory that cannot be made still runs: exit 0, the same output, nothing on stderr', () => {
    const file = path.join(tempDir('pch-compile-cache-'), 'a-file')
    writeFileSync(file, '')
    expect(cli(ONE_FILE, {env: {NODE_COMPILE_CACHE: path.join(file, 'cache')}})).toEqual(usual)
  })

  // V8 refuses a code cache made under other V8 flags (--stack-trace-limit is one it is keyed by on
  // Node 20, 22 and 24): the run compiles as usual.
  it('V8 flags in NODE_OPTIONS change nothing but the time', () => {
    const dir = tempDir('pch-compile-cache-')
    expect(cli(ONE_FILE, {env: {NODE_COMPILE_CACHE: dir}})).toEqual(usual)
    expect(cli(ONE_FILE, {env: {NODE_COMPILE_CACHE: dir, NODE_OPTIONS: '--stack-trace-limit=20'}})).toEqual(usual)
  })

  // bin/run.js sets two V8 heap flags on the Node majors it knows; a flag V8 did not know would
  // print "unrecognized flag" here.
  it('--version is answered without oclif, in the words oclif uses, with nothing on stderr', () => {
    const short = cli(['--version'])
    expect(short).toEqual({
      status: 0,
      stdout: `pch-toolkit/0.1.0 ${process.platform}-${process.arch} node-${process.version}\n`,
      stderr: '',
    })
    // Another argument takes bin/run.js past its shortcut, to oclif's own answer.
    expect(cli(['--version', '--'])).toEqual(short)
  })

  it('a one-file validate loads its command, oclif, the validators and nothing else', () => {
    // Everything pch loads after bin/run.js is CommonJS, so require.cache lists it.
    const r = node([
      ...preload(
        `import {createRequire} from 'node:module'; process.on('exit', () => process.stderr.write(JSON.stringify(Object.keys(createRequire(process.cwd() + '/').cache))))`,
      ),
      BIN,
      ...ONE_FILE,
    ])
    expect(r.status).toBe(0)
    const loaded = (JSON.parse(r.stderr) as string[]).map((file) => path.relative(ROOT, file).split(path.sep).join('/'))
    expect(loaded.sort()).toEqual([
      'dist/cli/oclif.cjs',
      'dist/commands/validate.cjs',
      'dist/engine/validators.cjs',
      // the two helpers ajv's standalone validators require
      'node_modules/ajv-formats/dist/formats.js',
      'node_modules/ajv/dist/runtime/ucs2length.js',
    ])
  })

  // The first collator or number format loads ICU's data (~10 ms); a worker that never starts needs
  // no worker_threads; child_process (oclif's Windows shells) and readline (oclif's flags from
  // stdin) serve no pch run on Linux (README, "Start-up").
  it('a one-file validate, as stylish prints it, makes no collator or number format and loads no worker_threads, child_process or readline', () => {
    const r = node(
      [
        ...preload(
          `const used = []; const {NumberFormat, Collator} = Intl; const {localeCompare} = String.prototype
          Intl.NumberFormat = function (...args) { used.push('Intl.NumberFormat'); return new NumberFormat(...args) }
          Intl.Collator = function (...args) { used.push('Intl.Collator'); return new Collator(...args) }
          String.prototype.localeCompare = function (...args) { used.push('localeCompare'); return localeCompare.apply(this, args) }
          const builtins = ['worker_threads', 'child_process', 'readline']
          process.on('exit', () => process.stderr.write(JSON.stringify({used, loaded: builtins.filter((name) => process.moduleLoadList.includes('NativeModule ' + name))})))`,
        ),
        BIN,
        'validate',
        'examples/riverside.pch.yaml',
      ],
      {...process.env, NO_COLOR: '1'},
    )
    expect(r.stdout).toBe('✔ No problems in 1 file (1 definition)\n')
    expect(JSON.parse(r.stderr)).toEqual({used: [], loaded: []})
  })

  it("oclif's debug output is there when DEBUG asks for it, and only then", () => {
    const asked = cli(['validate', 'examples/riverside.pch.yaml'], {env: {DEBUG: 'oclif:config'}})
    expect(asked.status).toBe(0)
    expect(asked.stderr).toMatch(/^\S+ oclif:config loading core plugin from /)
    expect(cli(['validate', 'examples/riverside.pch.yaml']).stderr).toBe('')
  })
})
