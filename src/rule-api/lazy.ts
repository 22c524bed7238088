// Libraries loaded on first use, so a run loads only what it needs: a definition in the plain
// subset never needs `yaml`, a run of one file never globs, only --fix-dry-run diffs, and only
// --cache hashes. scripts/bundle-commands.js reads this list and keeps them out of the bundles.
import {createRequire} from 'node:module'

const require = createRequire(import.meta.url)

function lazy<T>(name: string): () => T {
  let loaded: T | undefined
  return () => (loaded ??= require(name) as T)
}

export const yaml = lazy<typeof import('yaml')>('yaml')
export const tinyglobby = lazy<typeof import('tinyglobby')>('tinyglobby')
export const picomatch = lazy<typeof import('picomatch')>('picomatch')
export const diff = lazy<typeof import('diff')>('diff')
export const crypto = lazy<typeof import('node:crypto')>('node:crypto')
export const re2js = lazy<typeof import('re2js')>('re2js')
