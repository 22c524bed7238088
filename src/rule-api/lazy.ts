// Libraries loaded on first use, so a run loads only what it needs: a definition in the plain
// subset never needs `yaml`, a run of one file never globs, only --fix-dry-run diffs, and only
// --cache hashes. scripts/bundle-commands.js reads this list and keeps them out of the bundles.
import {existsSync} from 'node:fs'
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'

const require = createRequire(import.meta.url)

/**
 * `name` from node_modules (or what `fromSource` loads from there), or from `bundled`, the build's
 * one-file copy (dist/lib/, scripts/bundle-commands.js), when there is one: resolving and reading
 * the many modules of yaml or ajv costs a run tens of milliseconds more than one file.
 */
function lazy<T>(name: string, bundled?: URL, fromSource: () => T = () => require(name) as T): () => T {
  let loaded: T | undefined
  return () => (loaded ??= bundled && existsSync(bundled) ? (require(fileURLToPath(bundled)) as T) : fromSource())
}

/** ajv's draft 2020-12 class and ajv-formats (scripts/ajv-library.cjs is the bundle's entry). */
export interface AjvLibrary {
  Ajv2020: typeof import('ajv/dist/2020.js').Ajv2020
  addFormats: typeof import('ajv-formats').default
}

// For a run that takes the full parser: a config, a definition outside the plain subset.
export const yaml = lazy<typeof import('yaml')>('yaml', new URL('../lib/yaml.cjs', import.meta.url))
// For what is compiled at run time (local rules, rule options, init's answers).
export const ajv = lazy<AjvLibrary>('ajv', new URL('../lib/ajv.cjs', import.meta.url), () => ({
  Ajv2020: (require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')).Ajv2020,
  // ajv-formats is CommonJS: its function is the module's default export.
  addFormats: (require('ajv-formats') as {default: AjvLibrary['addFormats']}).default,
}))
export const tinyglobby = lazy<typeof import('tinyglobby')>('tinyglobby')
export const picomatch = lazy<typeof import('picomatch')>('picomatch')
export const diff = lazy<typeof import('diff')>('diff')
export const crypto = lazy<typeof import('node:crypto')>('node:crypto')
export const re2js = lazy<typeof import('re2js')>('re2js')
