// The benchmark's national repository (bench/real-data.ts) and its floor (bench/floor.js): built from the
// real NHS data, deterministic, practice codes unique per copy or repeated in every copy as asked, and
// read alike by pch, by JSON.parse and by ajv-cli's YAML 1.1 reader (every date quoted).
import {execFileSync, spawnSync} from 'node:child_process'
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {generateRealData, realNetworks} from '../../bench/real-data.js'
import {cli, ROOT, SHARED, TODAY, useTempDir} from '../helpers.js'

const NHS = path.join(SHARED, 'data', 'nhs')
const FLOOR = path.join(ROOT, 'bench', 'floor.js')
const temp = useTempDir('pch-real-data-', 'all')

/** Every file under `dir`, by name, with its text. */
const texts = (dir: string): Map<string, string> =>
  new Map(
    readdirSync(dir, {recursive: true})
      .map(String)
      .filter((name) => name.endsWith('.pch.yaml'))
      .sort()
      .map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]),
  )
const codes = (text: string): string[] => [...text.matchAll(/^ {6}- odsCode: (.*)$/gm)].map((m) => m[1]!)

let unique: Map<string, string>
beforeAll(() => {
  generateRealData(NHS, path.join(temp.path, 'unique'), {copies: 2, unique: true})
  unique = texts(path.join(temp.path, 'unique'))
})

describe('the national repository', () => {
  it('holds every network of the map once a copy, the first copy with the real practice codes', () => {
    const networks = realNetworks(NHS)
    expect(networks).toHaveLength(1254)
    expect(networks.reduce((sum, site) => sum + site.practices.length, 0)).toBe(6458)
    expect(unique.size).toBe(2508)
    const first = [...unique].filter(([name]) => name.startsWith('copy-1/')).flatMap(([, text]) => codes(text))
    expect(first.sort()).toEqual(networks.flatMap((site) => site.practices.map((p) => p.odsCode)).sort())
  })

  it('gives each copy practice codes of its own, each a capital letter and five digits', () => {
    const all = [...unique.values()].flatMap(codes)
    expect(all).toHaveLength(2 * 6458)
    expect(new Set(all).size).toBe(all.length)
    expect(all.filter((code) => !/^[A-Z]\d{5}$/.test(code))).toEqual([])
  })

  it('is the same, byte for byte, each time it is made', () => {
    const again = path.join(temp.path, 'again')
    // The whole first copy, and the first 46 networks of the second.
    const practices =
      6458 +
      realNetworks(NHS)
        .slice(0, 46)
        .reduce((sum, site) => sum + site.practices.length, 0)
    expect(generateRealData(NHS, again, {copies: 2, unique: true, limit: 1300})).toMatchObject({files: 1300, practices})
    const made = texts(again)
    expect(made.size).toBe(1300)
    expect([...made].filter(([name, text]) => unique.get(name) !== text)).toEqual([])
  })

  it('puts every practice in every copy when codes repeat, so the repo-scope rule reports each place', () => {
    const dir = path.join(temp.path, 'repeating')
    generateRealData(NHS, dir, {copies: 2, unique: false})
    const run = cli(['validate', dir, '--today', TODAY, '-f', 'json'])
    expect(run.status).toBe(1)
    const results = JSON.parse(run.stdout) as Array<{messages: Array<{ruleId: string}>}>
    const counts = new Map<string, number>()
    for (const m of results.flatMap((r) => r.messages)) counts.set(m.ruleId, (counts.get(m.ruleId) ?? 0) + 1)
    // 6,458 practices, each in 2 sites; the populations are the real ones, in the band or not.
    expect(Object.fromEntries(counts)).toEqual({'population/practice-in-multiple-sites': 2 * 6458, 'population/size-band': 2 * 551})
  })
})

describe('the floor', () => {
  it('finds the files valid through JSON.parse and through js-yaml 3, as pch reads them', () => {
    const dir = path.join(temp.path, 'floor')
    generateRealData(NHS, path.join(dir, 'yaml'), {copies: 1, unique: true, limit: 40})
    const validator = path.join(dir, 'validator.cjs')
    execFileSync(process.execPath, [FLOOR, 'compile', path.join(ROOT, 'dist', 'schemas', 'pch.bundle.schema.json'), validator])
    execFileSync(process.execPath, [FLOOR, 'convert', path.join(dir, 'yaml'), path.join(dir, 'json')])
    for (const [mode, files] of [
      ['json', 'json'],
      ['js-yaml', 'yaml'],
    ]) {
      const run = spawnSync(process.execPath, [FLOOR, mode!, validator, path.join(dir, files!)], {encoding: 'utf8'})
      expect([mode, run.status, run.stdout]).toEqual([mode, 0, '40 files, 0 invalid\n'])
    }
    // And an invalid file is counted: the floor validates, it does not only parse.
    const broken = path.join(dir, 'json', 'copy-1', readdirSync(path.join(dir, 'json', 'copy-1'))[0]!)
    const data = JSON.parse(readFileSync(broken, 'utf8')) as {apiVersion: string}
    data.apiVersion = 'pch/v0'
    execFileSync(process.execPath, [
      '-e',
      `require('fs').writeFileSync(${JSON.stringify(broken)}, ${JSON.stringify(JSON.stringify(data))})`,
    ])
    const run = spawnSync(process.execPath, [FLOOR, 'json', validator, path.join(dir, 'json')], {encoding: 'utf8'})
    expect([run.status, run.stdout]).toEqual([1, '40 files, 1 invalid\n'])
  })
})
