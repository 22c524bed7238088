// npm run build: the whole build (build:full), only when an input has changed since the last one.
// The stamp records a hash of every input's path and bytes and the Node that built (.ci/run builds
// under each Node it tests, so that every build step runs on it too), not times: a checkout, a copy that keeps old times or a file deleted all change the hash,
// and it costs a few milliseconds. It lives outside dist/ (npm would pack it there), so the outputs a
// run needs are checked as well: a dist/ removed or half built by hand is built again.
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'

// npm runs scripts in the package's directory; a test runs this in a small project of its own.
const root = process.cwd()
const INPUTS = ['src', 'schemas', 'scripts', 'templates', 'bin', 'package.json', 'package-lock.json']
const OUTPUTS = ['dist/index.js', 'oclif.manifest.json']
const STAMP = path.join(root, 'node_modules', '.cache', 'pch-toolkit', 'build-stamp.json')

/** Every file below `entry` (a file or a directory), as paths relative to the root, sorted. */
function files(entry) {
  const full = path.join(root, entry)
  if (!existsSync(full)) return []
  if (!statSync(full).isDirectory()) return [entry]
  return readdirSync(full, {recursive: true, withFileTypes: true})
    .filter((dirent) => dirent.isFile())
    .map((dirent) => path.relative(root, path.join(dirent.parentPath ?? dirent.path, dirent.name)))
}

/** What a build depends on: the Node that runs it and every input's name and bytes. */
function fingerprint() {
  const tsconfigs = readdirSync(root).filter((name) => /^tsconfig.*\.json$/.test(name))
  const hash = createHash('sha256').update(`${process.version}\n`)
  for (const file of [...INPUTS, ...tsconfigs].flatMap(files).sort())
    hash
      .update(`${file}\n`)
      .update(readFileSync(path.join(root, file)))
      .update('\n')
  return hash.digest('hex')
}

const readStamp = () => (existsSync(STAMP) ? readFileSync(STAMP, 'utf8') : '')
const current = fingerprint()
if (readStamp() === current && OUTPUTS.every((output) => existsSync(path.join(root, output)))) {
  console.log('pch build: up to date (nothing changed since the last build)')
  process.exit(0)
}
// Removed first: a build that fails half way leaves no stamp, so the next one starts again.
rmSync(STAMP, {force: true})
const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm']
const build = spawnSync(npm[0], [...npm.slice(1), 'run', 'build:full'], {cwd: root, stdio: 'inherit'})
if (build.status !== 0) process.exit(build.status ?? 1)
mkdirSync(path.dirname(STAMP), {recursive: true})
// The fingerprint taken before the build: an input edited while it ran makes the next build run.
writeFileSync(STAMP, current)
