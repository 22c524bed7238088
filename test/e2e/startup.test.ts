// Start-up of the built binary (issue 8): oclif comes from one bundle compiled with the build's V8
// code cache, a one-file run loads nothing it does not use, and a cache V8 refuses changes nothing
// but the time.
import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {BIN, cli, ROOT} from '../helpers.js'

const LOADER = pathToFileURL(`${ROOT}dist/cli/oclif.js`).href
const ONE_FILE = ['validate', 'examples/riverside.pch.yaml', '--format', 'json']

/** Runs `node [flags] -e script` (an ES module) in the project root; its stdout, trimmed. */
function node(flags: string[], script: string): string {
  const result = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', script], {cwd: ROOT, encoding: 'utf8'})
  expect(result.stderr).toBe('')
  return result.stdout.trim()
}

const usesCodeCache = (flags: string[]): string => node(flags, `const {usedCodeCache} = await import(${JSON.stringify(LOADER)}); console.log(usedCodeCache())`)

describe('start-up of the built binary', () => {
  it('compiles oclif from the code cache the build made', () => {
    expect(usesCodeCache([])).toBe('true')
  })

  it('gives the same output, with nothing on stderr, when V8 refuses the cache (other V8 flags)', () => {
    expect(usesCodeCache(['--max-old-space-size=500'])).toBe('false')
    const usual = cli(ONE_FILE)
    const refused = cli(ONE_FILE, {env: {NODE_OPTIONS: '--max-old-space-size=500'}})
    expect(usual.status).toBe(0)
    expect(usual.stderr).toBe('')
    expect(refused).toEqual(usual)
  })

  it('a one-file validate loads its command, oclif and the validators, and no other module', () => {
    // Everything pch loads after bin/run.js and the oclif loader is CommonJS, so require.cache lists it.
    const report = `import {createRequire} from 'node:module'; process.on('exit', () => process.stderr.write(JSON.stringify(Object.keys(createRequire(process.cwd() + '/').cache))))`
    const result = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(report)}`, BIN, ...ONE_FILE], {cwd: ROOT, encoding: 'utf8'})
    expect(result.status).toBe(0)
    const loaded = (JSON.parse(result.stderr) as string[]).map((file) => path.relative(ROOT, file).split(path.sep).join('/'))
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
