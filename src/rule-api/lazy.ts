// Libraries loaded on first use, so a run loads only what it needs: a definition in the plain
// subset never needs `yaml`, a run of one file never globs, only --fix-dry-run diffs, and only
// --cache hashes. scripts/bundle-commands.js reads this list and keeps them out of the bundles.
import {existsSync} from 'node:fs'
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'

const require = createRequire(import.meta.url)

/** `name` from node_modules, or from `bundled`, the build's one-file copy of it, when there is one. */
function lazy<T>(name: string, bundled?: URL): () => T {
  let loaded: T | undefined
  return () => (loaded ??= require(bundled && existsSync(bundled) ? fileURLToPath(bundled) : name) as T)
}

// yaml as one file (dist/lib/yaml.cjs, scripts/bundle-commands.js): resolving and reading its ~70
// modules cost a run that takes the full parser (a config, a definition outside the plain subset)
// tens of milliseconds more. From source, node_modules.
export const yaml = lazy<typeof import('yaml')>('yaml', new URL('../lib/yaml.cjs', import.meta.url))
export const tinyglobby = lazy<typeof import('tinyglobby')>('tinyglobby')
export const picomatch = lazy<typeof import('picomatch')>('picomatch')
export const diff = lazy<typeof import('diff')>('diff')
export const crypto = lazy<typeof import('node:crypto')>('node:crypto')
export const re2js = lazy<typeof import('re2js')>('re2js')
