// `pch lint --ods` with the real ODS register extract (epraccur-2019.csv: older A/C/D/P statuses).
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {readRegister} from '../../src/engine/io/ods.js'
import {cli, edit, expectOneLineFailure, lineOf, riverside, SHARED, tempDir, TODAY} from '../helpers.js'

const REGISTER = path.join(SHARED, 'data', 'nhs', 'epraccur-2019.csv')

describe('the ODS register', () => {
  it('reads both status styles and the close date', () => {
    const register = readRegister(REGISTER)
    expect(register.get('A81001')).toEqual({status: 'active'})
    expect(register.get('A81003')).toEqual({status: 'closed', closed: '2017-10-31'})
    const dir = tempDir('pch-ods-')
    const newer = path.join(dir, 'epraccur.csv')
    writeFileSync(
      newer,
      `${readFileSync(REGISTER, 'utf8').split(/\r?\n/).slice(0, 3).join('\r\n')}\r\n`
        .replace(/"A","B"/, '"ACTIVE","B"')
        .replace(/"C","B"/, '"INACTIVE","B"'),
    )
    expect([...readRegister(newer).values()].map((e) => e.status)).toEqual(['active', 'active', 'inactive'])
  })
})

describe('pch lint --ods', () => {
  const base = riverside()
  const withClosed = edit(base, ['odsCode: A81004', 'odsCode: A81003'])

  it("reports a practice closed in the register at that practice's line", () => {
    const dir = tempDir('pch-ods-')
    writeFileSync(path.join(dir, 'riverside.pch.yaml'), withClosed)
    const r = cli(['lint', '--ods', REGISTER, '--today', TODAY, '--format', 'json'], {cwd: dir})
    expect(r.status).toBe(1)
    const [m] = JSON.parse(r.stdout)[0].messages
    expect([m.ruleId, m.line, m.column, m.message]).toEqual([
      'population/practice-not-active',
      lineOf(base, 'odsCode: A81004'),
      18,
      'Practice A81003 is closed in the ODS register (since 2017-10-31): it has no registered patients to count',
    ])
    // Without --ods the register rules are silent.
    expect(cli(['lint', '--today', TODAY], {cwd: dir}).status).toBe(0)
  })

  it('takes the register from ods: in .pchrc.yaml, relative to the config', () => {
    const dir = tempDir('pch-ods-')
    writeFileSync(path.join(dir, 'epraccur.csv'), readFileSync(REGISTER))
    writeFileSync(path.join(dir, '.pchrc.yaml'), 'ods: epraccur.csv\n')
    writeFileSync(path.join(dir, 'riverside.pch.yaml'), withClosed)
    expect(cli(['lint', '--today', TODAY], {cwd: dir}).status).toBe(1)
  })

  it('refuses a register that is not the expected shape, with exit 2 and the file and line', () => {
    const dir = tempDir('pch-ods-')
    writeFileSync(path.join(dir, 'riverside.pch.yaml'), base)
    writeFileSync(path.join(dir, 'bad.csv'), '"A81001","X","Y","Z","a","b","c","d","","TS1","19740401","","Q","B"\n')
    expectOneLineFailure(
      cli(['lint', '--ods', 'bad.csv', '--today', TODAY], {cwd: dir}),
      /^pch: bad\.csv:1: status "Q" is not one of A, C, D, P, ACTIVE, INACTIVE, DORMANT\n$/,
    )
    expectOneLineFailure(
      cli(['lint', '--ods', 'missing.csv', '--today', TODAY], {cwd: dir}),
      /^pch: Cannot read missing\.csv: no such file or directory\n$/,
    )
  })
})
