// Build step: each command (and hook, and the worker thread) as one module with pch's own code inlined and packages left
// as imports. oclif loads one file per command instead of some fifty: a one-file run starts faster.
// dist/ keeps tsc's per-module output for the library API (dist/index.js) and its types.
import {readdirSync} from 'node:fs'
import {build} from 'esbuild'

const entries = ['commands', 'hooks'].flatMap((dir) =>
  readdirSync(new URL(`../src/${dir}/`, import.meta.url))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => `src/${dir}/${name}`),
)
// A worker thread of a parallel run loads one file too.
entries.push('src/engine/worker.ts')
await build({
  entryPoints: entries,
  outdir: 'dist',
  outbase: 'src',
  bundle: true,
  splitting: false,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  allowOverwrite: true,
  logLevel: 'warning',
})
