// The README's file map, made from the files themselves: every file of the source folders with the
// first sentence of its header comment, and the test and example folders with what they hold.
// `node scripts/file-map.js` prints it; `--write` puts it into README.md between its markers;
// test/file-map.test.ts fails when the README's map is not the tree's.
import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
export const START = '<!-- file-map: made by `node scripts/file-map.js --write`; test/file-map.test.ts checks it -->'
export const END = '<!-- /file-map -->'

/** Folders listed file by file, and folders listed as a whole (with the number of files). */
const BY_FILE = ['bin', 'scripts', 'src', 'bench', 'schemas', 'templates']
const BY_FOLDER = {
  test: 'tests: rule tables, units, end-to-end runs of the built binary, the language server',
  examples: 'valid and invalid definitions; every one is also a test',
}

/** The first sentence of a file's leading comment (// lines, # lines) or a JSON Schema's title. */
export function purpose(file) {
  const text = readFileSync(file, 'utf8')
  if (file.endsWith('.json')) {
    const schema = JSON.parse(text)
    return firstSentence(String(schema.description ?? schema.title ?? ''))
  }
  const comment = []
  for (const line of text.split('\n')) {
    if (line.startsWith('#!') || line.startsWith('# yaml-language-server:')) continue
    const m = /^\s*(?:\/\/|#)\s?(.*)$/.exec(line)
    if (!m) break
    comment.push(m[1].trim())
  }
  return firstSentence(comment.join(' '))
}

const WIDTH = 100

function firstSentence(text) {
  const end = text.search(/\.(\s|$)/)
  const sentence = (end === -1 ? text : text.slice(0, end)).trim()
  if (sentence.length <= WIDTH) return sentence
  return `${sentence.slice(0, sentence.lastIndexOf(' ', WIDTH - 1))} …`
}

function entries(dir) {
  return readdirSync(dir, {withFileTypes: true})
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => Number(b.isDirectory()) - Number(a.isDirectory()) || a.name.localeCompare(b.name))
}

function countFiles(dir) {
  return entries(dir).reduce((n, entry) => n + (entry.isDirectory() ? countFiles(path.join(dir, entry.name)) : 1), 0)
}

function listFolder(dir, depth, lines) {
  for (const entry of entries(dir)) {
    const full = path.join(dir, entry.name)
    const indent = '  '.repeat(depth)
    if (entry.isDirectory()) {
      lines.push(`${indent}${entry.name}/`)
      listFolder(full, depth + 1, lines)
    } else {
      const text = purpose(full)
      lines.push(`${(indent + entry.name).padEnd(40)} ${text === '' ? '' : text}`.trimEnd())
    }
  }
}

/** The map, as the README shows it (a fenced block between the markers). */
export function fileMap(root = ROOT) {
  const lines = []
  for (const folder of BY_FILE) {
    lines.push(`${folder}/`)
    listFolder(path.join(root, folder), 1, lines)
  }
  for (const [folder, what] of Object.entries(BY_FOLDER)) {
    lines.push(`${`${folder}/`.padEnd(40)} ${countFiles(path.join(root, folder))} files: ${what}`)
  }
  return `${START}\n\`\`\`\n${lines.join('\n')}\n\`\`\`\n${END}`
}

/** README.md with its map replaced by the tree's. */
export function readmeWithMap(readme, map) {
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start === -1 || end === -1) throw new Error(`README.md has no file map markers (${START} ... ${END})`)
  return readme.slice(0, start) + map + readme.slice(end + END.length)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const map = fileMap()
  if (process.argv.includes('--write')) {
    const file = path.join(ROOT, 'README.md')
    writeFileSync(file, readmeWithMap(readFileSync(file, 'utf8'), map))
  } else {
    process.stdout.write(`${map}\n`)
  }
}
