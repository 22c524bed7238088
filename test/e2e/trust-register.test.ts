// `pch lint --trusts` with the real ODS register of NHS trusts (etr-2022.csv), and trusts: in .pchrc.yaml.
import {execFileSync} from 'node:child_process'
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {readTrustRegister} from '../../src/engine/io/ods.js'
import {cli, edit, expectOneLineFailure, lineOf, overDataLimit, riverside, SHARED, tempDir, TODAY} from '../helpers.js'

const REGISTER = path.join(SHARED, 'data', 'nhs', 'etr-2022.csv')
const base = riverside()
/** riverside's three trust partners with codes of the 2022 register: R0D (open), RD3 (closed), and one that is not in it. */
const site = (acute: string): string =>
  edit(base, ['odsCode: RX1', 'odsCode: R0B'], ['odsCode: RX2', 'odsCode: R0A'], ['odsCode: RX3', `odsCode: ${acute}`])
const lint = (dir: string, ...args: string[]): ReturnType<typeof cli> =>
  cli(['lint', '--today', TODAY, '--format', 'json', ...args], {cwd: dir})
const found = (r: ReturnType<typeof cli>): Array<[string, number, number, string]> =>
  (JSON.parse(r.stdout)[0].messages as Array<{ruleId: string; line: number; column: number; message: string}>).map((m) => [
    m.ruleId,
    m.line,
    m.column,
    m.message,
  ])

describe('the trust register', () => {
  it('reads the code, the name and the close date', () => {
    const register = readTrustRegister(REGISTER)
    expect(register.get('RD3')).toEqual({name: 'POOLE HOSPITAL NHS FOUNDATION TRUST', closed: '2020-09-30'})
    expect(register.get('R0D')).toEqual({name: 'UNIVERSITY HOSPITALS DORSET NHS FOUNDATION TRUST'})
    expect(register.size).toBe(readFileSync(REGISTER, 'utf8').trim().split('\n').length)
  })
})

describe('pch lint --trusts', () => {
  it('reports a closed trust partner, naming the trust and its close date', () => {
    const dir = tempDir('pch-trusts-')
    writeFileSync(path.join(dir, 'riverside.pch.yaml'), site('RD3'))
    const r = lint(dir, '--trusts', REGISTER)
    expect(r.status).toBe(1)
    expect(found(r)).toEqual([
      [
        'workforce/partner-closed',
        lineOf(base, 'odsCode: RX3'),
        18,
        'RD3 Poole Hospital NHS Foundation Trust closed on 2020-09-30: partner riverside-acute needs an open trust, usually its successor',
      ],
    ])
    // Without a register the rules are silent.
    expect(cli(['lint', '--today', TODAY], {cwd: dir}).status).toBe(0)
  })

  it('reports a trust code the register does not hold', () => {
    const dir = tempDir('pch-trusts-')
    writeFileSync(path.join(dir, 'riverside.pch.yaml'), site('RZZ'))
    expect(found(lint(dir, '--trusts', REGISTER))).toEqual([
      [
        'workforce/partner-not-in-register',
        lineOf(base, 'odsCode: RX3'),
        18,
        'Trust code RZZ of partner riverside-acute is not in the ODS register of NHS trusts: check the code',
      ],
    ])
    writeFileSync(path.join(dir, 'riverside.pch.yaml'), site('R0D'))
    expect(lint(dir, '--trusts', REGISTER).status).toBe(0)
  })

  it('takes the register from trusts: in .pchrc.yaml, relative to the config, and keys the cache by it', () => {
    const dir = tempDir('pch-trusts-')
    writeFileSync(path.join(dir, 'etr.csv'), readFileSync(REGISTER))
    writeFileSync(path.join(dir, '.pchrc.yaml'), 'trusts: etr.csv\n')
    writeFileSync(path.join(dir, 'riverside.pch.yaml'), site('RD3'))
    expect(found(lint(dir, '--cache')).map(([id]) => id)).toEqual(['workforce/partner-closed'])
    // The same files, the register changed: the cached result is not used.
    writeFileSync(path.join(dir, 'etr.csv'), readFileSync(REGISTER, 'utf8').replace(/"20200930"/, '""'))
    expect(lint(dir, '--cache').status).toBe(0)
    const report = JSON.parse(cli(['report', '--format', 'json', '--today', TODAY], {cwd: dir}).stdout)
    expect(report.sites[0].characteristics['2'].status).toBe('met')
  })

  const row = readFileSync(REGISTER, 'utf8').split('\n')[0]!
  it.each([
    ['a row too short', `${row}\n"R0B","SOUTH TYNESIDE"\n`, /^pch: bad\.csv:2: Invalid Record Length: expect 27, got 2\n$/],
    [
      'too few columns',
      '"R0B","SOUTH TYNESIDE","Y63"\n',
      /^pch: bad\.csv:1: 3 columns; a row of an ODS register of NHS trusts \(etr\.csv\) has at least 12 \(code, name, \.\.\., close date\)\n$/,
    ],
    ['a header row', `CODE,NAME,A,B,C,D,E,F,G,H,I,CLOSE\n`, /^pch: bad\.csv:1: close date "CLOSE" in column 12 is not a date YYYYMMDD\n$/],
    [
      'a bad close date',
      row.replace('"20171001","",', '"20171001","2020-09-30",'),
      /^pch: bad\.csv:1: close date "2020-09-30" in column 12 is not a date YYYYMMDD\n$/,
    ],
    [
      'not UTF-8',
      Buffer.concat([Buffer.from(`${row}\n`), Buffer.from([0x22, 0xa3, 0x22, 0x0a])]),
      /^pch: bad\.csv:2: not UTF-8 text; expected an ODS register of NHS trusts \(etr\.csv\)\n$/,
    ],
    ['an empty file', '', /^pch: bad\.csv:1: the file is empty; expected an ODS register of NHS trusts \(etr\.csv\)\n$/],
  ])('refuses a register with %s: exit 2 with the file and line', (_name, content, message) => {
    const dir = tempDir('pch-trusts-')
    writeFileSync(path.join(dir, 'riverside.pch.yaml'), base)
    writeFileSync(path.join(dir, 'bad.csv'), content)
    expectOneLineFailure(cli(['lint', '--trusts', 'bad.csv', '--today', TODAY], {cwd: dir}), message)
  })

  it('reads a device as the trust or the practice register no further than the limit', () => {
    const dir = tempDir('pch-trusts-')
    writeFileSync(path.join(dir, 'riverside.pch.yaml'), base)
    execFileSync('mknod', [path.join(dir, 'zero.csv'), 'c', '1', '5'])
    expectOneLineFailure(cli(['lint', '--trusts', 'zero.csv', '--today', TODAY], {cwd: dir}), overDataLimit('zero.csv'))
    expectOneLineFailure(cli(['lint', '--ods', 'zero.csv', '--today', TODAY], {cwd: dir}), overDataLimit('zero.csv'))
  })
})
