// Build step: each command and hook as one CommonJS module with pch's own code and its libraries
// inlined, so oclif loads one file per command instead of some fifty; and oclif itself as one
// CommonJS bundle, dist/cli/oclif.cjs, which bin/run.js loads. Every command's '@oclif/core' is that
// bundle, so bin/run.js and the commands share one copy of oclif (the milliseconds each bundle
// saves: README, "Start-up"). The worker thread of a parallel run is one ES module. dist/
// keeps tsc's per-module output for the library API (dist/index.js) and its types; its CommonJS
// build is one bundle, dist/cjs/index.cjs, with the same declarations as .d.cts files beside it.
//
// The bundles are what the CLI runs: oclif's, chalk's and @inquirer/prompts' code as installed
// when the package was built, whatever a later `npm update` puts in node_modules.
import {mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {build} from 'esbuild'

const common = {bundle: true, platform: 'node', target: 'node20', allowOverwrite: true, logLevel: 'warning'}
// `import.meta.url` in each of pch's sources becomes the URL tsc's output of that source has in
// dist/ (dist/engine/io/read.js for src/engine/io/read.ts), whichever bundle it lands in: URLs
// relative to it (the schemas, the templates, the worker) reach the same files bundled or not.
// `base` is the bundle's own URL, as an expression; `bundleDir` the folder the bundle is written to.
function distUrls(bundleDir, base) {
  return {
    name: 'dist-urls',
    setup(build) {
      build.onLoad({filter: /\.ts$/}, (args) => {
        const fromSrc = path.relative(path.resolve('src'), args.path)
        if (fromSrc.startsWith('..')) return undefined
        const text = readFileSync(args.path, 'utf8')
        if (!text.includes('import.meta.url')) return undefined
        const distFile = path.join('dist', fromSrc).replace(/\.ts$/, '.js')
        const relative = path.relative(bundleDir, distFile).split(path.sep).join('/')
        return {contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, ${base}).href`), loader: 'ts'}
      })
    },
  }
}
// The libraries src/rule-api/lazy.ts loads on first use (read from it) stay in node_modules: most
// runs never load them, and a module that imports one directly gets the same copy.
const lazy = [...readFileSync(new URL('../src/rule-api/lazy.ts', import.meta.url), 'utf8').matchAll(/= lazy<[^>]*>\('([^':]+)'[,)]/g)].map(
  (m) => m[1],
)
if (!lazy.includes('yaml')) throw new Error('src/rule-api/lazy.ts: its libraries were not found')

await build({
  ...common,
  entryPoints: ['commands', 'hooks'].flatMap((dir) =>
    readdirSync(new URL(`../src/${dir}/`, import.meta.url))
      .filter((name) => name.endsWith('.ts'))
      .map((name) => `src/${dir}/${name}`),
  ),
  outdir: 'dist',
  outbase: 'src',
  outExtension: {'.js': '.cjs'},
  format: 'cjs',
  external: lazy,
  plugins: [
    distUrls('dist/commands', 'importMetaUrl'),
    {
      name: 'shared-oclif',
      setup(build) {
        build.onResolve({filter: /^@oclif\/core$/}, () => ({path: '../cli/oclif.cjs', external: true}))
      },
    },
  ],
  define: {'import.meta.url': 'importMetaUrl'},
  inject: ['scripts/import-meta-url.js'],
})
// The API for require('pch-toolkit'): chalk is ES-module only, so it is inlined like everything but
// the lazy libraries.
rmSync('dist/cjs', {recursive: true, force: true})
await build({
  ...common,
  entryPoints: ['src/index.ts'],
  outfile: 'dist/cjs/index.cjs',
  format: 'cjs',
  external: lazy,
  plugins: [distUrls('dist/cjs', 'importMetaUrl')],
  define: {'import.meta.url': 'importMetaUrl'},
  inject: ['scripts/import-meta-url.js'],
})
// Its types: tsc's declarations again as CommonJS ones (.d.cts, importing ./x.cjs), so TypeScript
// gives `require` the very types `import` gets.
for (const entry of readdirSync('dist', {recursive: true, withFileTypes: true})) {
  const from = path.join(entry.parentPath, entry.name)
  if (!entry.isFile() || !entry.name.endsWith('.d.ts') || from.startsWith(`dist${path.sep}cjs${path.sep}`)) continue
  const to = path.join('dist', 'cjs', path.relative('dist', from)).replace(/\.d\.ts$/, '.d.cts')
  mkdirSync(path.dirname(to), {recursive: true})
  writeFileSync(to, readFileSync(from, 'utf8').replace(/((?:from|import\()\s*['"]\.{1,2}\/[^'"]*)\.js(['"])/g, '$1.cjs$2'))
}
// The worker imports the registry it is handed by URL (dist/rules/registry.js, tsc's output), so the
// rule API stays tsc's modules too, not a copy inlined here: one INVALID, one set of schemas per thread.
const ruleApiFromDist = {
  name: 'rule-api-from-dist',
  setup(build) {
    build.onResolve({filter: /\/rule-api\/[^/]+\.js$/}, (args) => {
      const file = path.resolve(args.resolveDir, args.path)
      const fromSrc = path.relative(path.resolve('src'), file)
      if (!fromSrc.startsWith(`rule-api${path.sep}`)) return undefined
      return {path: `./${path.relative('dist/engine/parallel', path.join('dist', fromSrc)).split(path.sep).join('/')}`, external: true}
    })
  },
}
await build({
  ...common,
  entryPoints: ['src/engine/parallel/worker.ts'],
  outdir: 'dist/engine/parallel',
  format: 'esm',
  external: lazy,
  plugins: [ruleApiFromDist, distUrls('dist/engine/parallel', 'import.meta.url')],
})
// yaml, and ajv with ajv-formats, as one CommonJS file each (dist/lib/), which src/rule-api/lazy.ts
// loads instead of their many modules (~30 ms against ~8 ms for ajv's).
for (const [entry, outfile] of [
  ['node_modules/yaml/dist/index.js', 'dist/lib/yaml.cjs'],
  ['scripts/ajv-library.cjs', 'dist/lib/ajv.cjs'],
]) {
  await build({...common, entryPoints: [entry], outfile, format: 'cjs'})
}
await build({
  ...common,
  entryPoints: ['node_modules/@oclif/core/lib/index.js'],
  outfile: 'dist/cli/oclif.cjs',
  format: 'cjs',
  // What oclif loads only to run TypeScript sources in development or under Yarn PnP.
  external: ['typescript', 'ts-node', 'tsx', 'pnpapi'],
  // What every run of oclif did that pch's runs do not need (README, "Start-up").
  plugins: [
    {
      // Libraries oclif calls only off pch's paths (command discovery without a manifest, plugin
      // patterns, templates, Windows shells, flags from stdin), loaded by the modules below when first called rather
      // than at start: each name the module uses becomes a getter that requires it.
      name: 'lazy-in-oclif',
      setup(build) {
        const lazyIn = {
          'config/plugin.js': {tinyglobby: {glob: "require('tinyglobby').glob"}},
          'config/plugin-loader.js': {minimatch: {minimatch: "require('minimatch').minimatch"}},
          'config/config.js': {ejs: {render: "require('ejs').render"}},
          'help/util.js': {ejs: {render: "require('ejs').render"}},
          // Flags read from standard input (none of pch's).
          'parser/parse.js': {'node:readline': {createInterface: "require('node:readline').createInterface"}},
          // Every run asks wsl-utils whether this is WSL, which is is-wsl's answer (wsl-utils
          // re-exports it); the rest of wsl-utils, and node:child_process, serve Windows and WSL.
          'util/os.js': {
            'node:child_process': {execSync: "require('node:child_process').execSync"},
            'wsl-utils': {isWsl: "require('is-wsl').default", powerShellPath: "require('wsl-utils').powerShellPath"},
          },
        }
        const lib = path.resolve('node_modules/@oclif/core/lib')
        build.onResolve({filter: /^(tinyglobby|minimatch|ejs|node:child_process|node:readline|wsl-utils)$/}, (args) => {
          const from = path.relative(lib, args.importer).split(path.sep).join('/')
          return lazyIn[from]?.[args.path] ? {path: `${from}|${args.path}`, namespace: 'lazy-in-oclif'} : undefined
        })
        build.onLoad({filter: /.*/, namespace: 'lazy-in-oclif'}, (args) => {
          const [from, library] = args.path.split('|')
          const getters = Object.entries(lazyIn[from][library]).map(([name, value]) => `get ${name}() { return ${value} }`)
          return {contents: `module.exports = {${getters.join(', ')}}`, resolveDir: path.dirname(path.join(lib, from)), loader: 'js'}
        })
      },
    },
    {
      name: 'debug-when-asked',
      setup(build) {
        build.onResolve({filter: /^debug$/}, (args) =>
          args.importer.endsWith(path.join('@oclif', 'core', 'lib', 'logger.js'))
            ? {path: path.resolve('scripts/oclif-debug.cjs')}
            : undefined,
        )
      },
    },
    {
      name: 'command-order-without-icu',
      setup(build) {
        build.onLoad({filter: /[\\/]@oclif[\\/]core[\\/]lib[\\/]config[\\/]plugin\.js$/}, (args) => {
          const sort = '.sort((a, b) => a.id.localeCompare(b.id))'
          const text = readFileSync(args.path, 'utf8')
          if (!text.includes(sort)) throw new Error(`${args.path}: oclif no longer sorts its commands with ${sort}`)
          return {
            contents: text.replace(
              sort,
              `.sort((a, b) => require(${JSON.stringify(path.resolve('scripts/command-order.cjs'))})(a.id, b.id))`,
            ),
            loader: 'js',
          }
        })
      },
    },
  ],
})
