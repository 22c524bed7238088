// npm's prepare script: build when nothing is built yet. npm runs prepare, and only prepare, when it
// installs pch-toolkit from a git URL (it installs the development dependencies of the clone, runs
// prepare, then packs what `files` names), so without it such an install has no dist/. In a working
// tree that has been built, an `npm install` does not build again (npm run build does, and prepack
// before every pack).
import {execSync} from 'node:child_process'
import {existsSync} from 'node:fs'

const root = new URL('..', import.meta.url)
if (!existsSync(new URL('../dist/index.js', import.meta.url))) execSync('npm run build', {stdio: 'inherit', cwd: root})
