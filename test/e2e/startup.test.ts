// Start-up of the built binary (issue 8): oclif comes from one bundle compiled with the build's V8
// code cache; a one-file run loads nothing it does not use; a cache V8 refuses changes nothing but
// the time; and a cache that is not the bundle's own, or is damaged, is never used.
import {copyFileSync, readFileSync, writeFileSync} from 'node:fs'
import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {BIN, cli, ROOT, tempDir} from '../helpers.js'

const ONE_FILE = ['validate', 'examples/riverside.pch.yaml', '--format', 'json']
const preload = (code: string): string[] => ['--import', `data:text/javascript,${encodeURIComponent(code)}`]
// Notes every vm.Script the process compiles, and whether V8 refused its cache, on stderr at exit.
const NOTE_SCRIPTS = preload(`import vm from 'node:vm'
const seen = []
vm.Script = class extends vm.Script { constructor(source, options) { super(source, options); seen.push([options.filename, this.cachedDataRejected ?? 'none']) } }
process.on('exit', () => process.stderr.write(JSON.stringify(seen)))`)

function node(args: string[], env: NodeJS.ProcessEnv = process.env): {status: number | null; stdout: string; stderr: string} {
  return spawnSync(process.execPath, args, {cwd: ROOT, encoding: 'utf8', env})
}

/** In a process started with these Node options: whether the loader at `loader` compiled oclif from its cache. */
function usesCodeCache(loader: string, options = ''): string {
  const r = node(['--input-type=module', '-e', `const {usedCodeCache} = await import(${JSON.stringify(pathToFileURL(loader).href)}); process.stdout.write(String(usedCodeCache()))`], {...process.env, NODE_OPTIONS: options})
  expect(r.stderr).toBe('')
  return r.stdout
}

describe('start-up of the built binary', () => {
  it('bin/run.js compiles oclif, and only oclif, from the code cache the build made', () => {
    const r = node([...NOTE_SCRIPTS, BIN, ...ONE_FILE])
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stderr)).toEqual([[`${ROOT}dist/cli/oclif.cjs`, false]])
  })

  // --stack-trace-limit is a V8 flag that the cache is keyed by on Node 20, 22 and 24 (Node 24's V8 no
  // longer keys it by memory limits such as --max-old-space-size).
  it('gives the same output, with nothing on stderr, when V8 refuses the cache (other V8 flags)', () => {
    expect(usesCodeCache(`${ROOT}dist/cli/oclif.js`, '--stack-trace-limit=20')).toBe('false')
    const usual = cli(ONE_FILE)
    const refused = cli(ONE_FILE, {env: {NODE_OPTIONS: '--stack-trace-limit=20'}})
    expect(usual.status).toBe(0)
    expect(usual.stderr).toBe('')
    expect(refused).toEqual(usual)
  })

  // V8 itself checks only the source's length: these would run stale bytecode, or crash.
  type Change = (cache: Buffer, bundle: string) => {bundle?: string; cache?: Buffer}
  it.each<[string, Change, string]>([
    ['as built', () => ({}), 'true'],
    ['made from another bundle of the same length', (_cache, bundle) => ({bundle: bundle.replace('Skipping typescript path lookup', 'Skipping TYPESCRIPT PATH LOOKUP')}), 'false'],
    ['with damaged bytes', (cache) => ({cache: Buffer.concat([cache.subarray(0, 200_000), Buffer.alloc(400, 0xa5), cache.subarray(200_400)])}), 'false'],
    ['cut short', (cache) => ({cache: cache.subarray(0, cache.length >> 1)}), 'false'],
    ['empty', () => ({cache: Buffer.alloc(0)}), 'false'],
  ])('a code cache %s is used: %s', (_name, change, used) => {
    const dir = tempDir('pch-startup-')
    for (const file of ['oclif.js', 'oclif.cjs', 'oclif.cjs.cache']) copyFileSync(`${ROOT}dist/cli/${file}`, path.join(dir, file))
    const bundle = readFileSync(path.join(dir, 'oclif.cjs'), 'utf8')
    const changed = change(readFileSync(path.join(dir, 'oclif.cjs.cache')), bundle)
    if (changed.bundle !== undefined) {
      expect(changed.bundle).not.toBe(bundle)
      expect(changed.bundle.length).toBe(bundle.length)
      writeFileSync(path.join(dir, 'oclif.cjs'), changed.bundle)
    }
    if (changed.cache) writeFileSync(path.join(dir, 'oclif.cjs.cache'), changed.cache)
    expect(usesCodeCache(path.join(dir, 'oclif.js'))).toBe(used)
  })

  it('a one-file validate loads its command, oclif, the validators and nothing else', () => {
    // Everything pch loads after bin/run.js and the oclif loader is CommonJS, so require.cache lists it.
    const r = node([...preload(`import {createRequire} from 'node:module'; process.on('exit', () => process.stderr.write(JSON.stringify(Object.keys(createRequire(process.cwd() + '/').cache))))`), BIN, ...ONE_FILE])
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
})
