// `pch import` and `pch init --pcn` through the built binary, with NHS Digital's real January 2022 map
// and January 2021 list sizes; the expected figures are computed here from the two CSV files alone.
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {parse} from 'csv-parse/sync'
import {beforeAll, describe, expect, it} from 'vitest'
import {BIN, cli, expectOneLineFailure, overDataLimit, SHARED, tempDir, TODAY, useTempDir} from '../helpers.js'
import {readmeCommands} from '../readme-examples.js'

const NHS = path.join(SHARED, 'data', 'nhs')
const MAP = path.join(NHS, 'gp-reg-pat-prac-map-2022-01.csv')
const SIZES = path.join(NHS, 'gp-reg-pat-prac-all-2021-01.csv')
const BAND = {minimum: 30000, maximum: 50000}

/** The networks of the map with the practices the extract holds, by this test's own reading of the CSVs. */
function expected(): Map<string, {name: string; practices: Array<[code: string, size: number]>; missing: string[]}> {
  const sizes = new Map(
    (parse(readFileSync(SIZES, 'utf8'), {columns: true}) as Array<Record<string, string>>).map((r) => [
      r.CODE!,
      Number(r.NUMBER_OF_PATIENTS),
    ]),
  )
  const networks = new Map<string, {name: string; practices: Array<[string, number]>; missing: string[]}>()
  for (const row of parse(readFileSync(MAP, 'utf8'), {columns: true}) as Array<Record<string, string>>) {
    if (row.PCN_CODE === 'U') continue
    const network = networks.get(row.PCN_CODE!) ?? {name: row.PCN_NAME!, practices: [], missing: []}
    networks.set(row.PCN_CODE!, network)
    const size = sizes.get(row.PRACTICE_CODE!)
    if (size === undefined) network.missing.push(row.PRACTICE_CODE!)
    else network.practices.push([row.PRACTICE_CODE!, size])
  }
  return networks
}

const unallocated = (parse(readFileSync(MAP, 'utf8'), {columns: true}) as Array<Record<string, string>>).filter(
  (r) => r.PCN_CODE === 'U',
).length

describe('pch import of the whole January 2022 map', () => {
  const networks = expected()
  const temp = useTempDir('pch-import-', 'all')
  let dir = ''
  let run: ReturnType<typeof cli>

  beforeAll(() => {
    dir = temp.path
    run = cli(['import', '--map', MAP, '--list-sizes', SIZES, '--dir', 'sites', '--today', TODAY], {cwd: dir})
  })

  // Its time (under 2 seconds) is measured by npm run bench, not here.
  it('writes one file per network and counts the unallocated practices', () => {
    expect([run.status, run.stderr]).toEqual([0, ''])
    const files = readdirSync(path.join(dir, 'sites')).sort()
    expect(files.length).toBe([...networks.values()].filter((n) => n.practices.length > 0).length)
    expect(files).toContain('u89141-stockton-pcn.pch.yaml')
    expect(run.stdout).toContain(`${unallocated} unallocated practices (PCN code U) in no network.\n`)
    // A practice of the map missing from the extract is named, its network flagged.
    const flagged = [...networks].filter(([, n]) => n.missing.length > 0)
    expect(flagged.length).toBeGreaterThan(0)
    for (const [code, n] of flagged)
      for (const practice of n.missing) expect(run.stdout).toMatch(new RegExp(`^  ${code} .*${practice} .* not in .*; left out$`, 'm'))
  })

  it('writes each practice with its code, its name as people write it and its list size, and the extract date and source', () => {
    const text = readFileSync(path.join(dir, 'sites', 'u89141-stockton-pcn.pch.yaml'), 'utf8')
    expect(text).toContain('  id: u89141-stockton-pcn\n  name: Stockton PCN\n  status: applicant')
    expect(text).toContain('  commissioner:\n    name: Cumbria and North East\n    odsCode: QHM\n')
    expect(text).toContain('    asOf: 2021-01-01 ')
    expect(text).toContain('    source: NHS Digital, Patients Registered at a GP Practice, 2021-01-01 (gp-reg-pat-prac-all-2021-01.csv)\n')
    const practices = [...text.matchAll(/^ {6}- \{odsCode: (\w+), name: (.+), listSize: (\d+)\}$/gm)].map(([, code, , size]) => [
      code,
      Number(size),
    ])
    expect(practices).toEqual(networks.get('U89141')!.practices)
    expect(text).toContain('{odsCode: A81001, name: The Densham Surgery, listSize: 4100}')
    // A name with a comma is quoted, so it reads back as the same text.
    const birtley = readdirSync(path.join(dir, 'sites')).find((f) => f.includes('birtley'))!
    expect(readFileSync(path.join(dir, 'sites', birtley), 'utf8')).toContain('  name: "Birtley, Oxford Terr & Rawling Rd PCN"\n')
  })

  it('gives programme figures in pch report that agree with the two CSV files', () => {
    const r = cli(['report', 'sites', '--format', 'json', '--today', TODAY], {cwd: dir})
    expect(r.status).toBe(0)
    const report = JSON.parse(r.stdout) as {
      programme: {sites: number; registeredPopulation: number; unreadable: number}
      sites: Array<{registeredPopulation: number}>
    }
    const populations = [...networks.values()]
      .filter((n) => n.practices.length > 0)
      .map((n) => n.practices.reduce((sum, [, size]) => sum + size, 0))
    const band = (list: number[]): number[] => [
      list.filter((p) => p < BAND.minimum).length,
      list.filter((p) => p >= BAND.minimum && p <= BAND.maximum).length,
      list.filter((p) => p > BAND.maximum).length,
    ]
    expect(report.programme.sites).toBe(populations.length)
    expect(report.programme.unreadable).toBe(0)
    expect(report.programme.registeredPopulation).toBe(populations.reduce((a, b) => a + b, 0))
    expect(band(report.sites.map((s) => s.registeredPopulation))).toEqual(band(populations))
  })

  it('reports for every file only what its placeholders and its real data cause', () => {
    const r = cli(['lint', 'sites', '--format', 'json', '--today', TODAY], {cwd: dir})
    expect(r.status).toBe(1)
    const placeholders = [
      'care/needs-assessment',
      'care/outcomes-required',
      'care/personalisation-required',
      'care/wider-determinants',
      'schema',
      'workforce/mental-health-partner',
      'workforce/secondary-care-partner',
      'workforce/social-care-partner',
      'workforce/voluntary-sector-partner',
    ]
    const byId = new Map([...networks].map(([code, n]) => [code.toLowerCase(), n]))
    for (const file of JSON.parse(r.stdout) as Array<{
      filePath: string
      messages: Array<{ruleId: string; message: string; line: number}>
    }>) {
      const n = byId.get(path.basename(file.filePath).split('-')[0]!)!
      const population = n.practices.reduce((sum, [, size]) => sum + size, 0)
      const margin = (BAND.maximum - BAND.minimum) * 0 + 0.05
      const data = [
        'population/stale-list-sizes',
        ...(population < BAND.minimum || population > BAND.maximum ? ['population/size-band'] : []),
        ...(population >= BAND.minimum &&
        (population < BAND.minimum * (1 + margin) || population > BAND.maximum * (1 - margin)) &&
        population <= BAND.maximum
          ? ['population/near-band-edge']
          : []),
        ...(n.practices.length === 1 ? ['population/single-practice'] : []),
      ]
      expect([file.filePath, [...new Set(file.messages.map((m) => m.ruleId))].sort()]).toEqual([
        file.filePath,
        [...placeholders, ...data].sort(),
      ])
      // The one schema finding is the budget left for the site to declare.
      expect(file.messages.filter((m) => m.ruleId === 'schema').map((m) => m.message)).toHaveLength(1)
    }
  })
})

describe('pch import, networks by name, existing files and the dry run', () => {
  it('--pcn and --icb pick networks; --dry-run lists them and writes nothing', () => {
    const dir = tempDir('pch-import-')
    const r = cli(['import', '--map', MAP, '--list-sizes', SIZES, '--dir', 'sites', '--pcn', 'U89141', '--pcn', 'u07032', '--dry-run'], {
      cwd: dir,
    })
    expect(r.status).toBe(0)
    expect(r.stdout.split('\n').filter((l) => l.startsWith('Would write'))).toEqual([
      'Would write sites/u89141-stockton-pcn.pch.yaml: Stockton PCN, 7 practices, registered population 52,269, QHM Cumbria and North East',
      'Would write sites/u07032-north-stockton-pcn.pch.yaml: North Stockton PCN, 3 practices, registered population 45,676, QHM Cumbria and North East',
    ])
    expect(r.stdout).toContain('2 definitions would be written (dry run; nothing written)')
    expect(existsSync(path.join(dir, 'sites'))).toBe(false)
    const icb = cli(['import', '--map', MAP, '--list-sizes', SIZES, '--dir', 'sites', '--icb', 'QHM'], {cwd: dir})
    expect(icb.status).toBe(0)
    const qhm = (parse(readFileSync(MAP, 'utf8'), {columns: true}) as Array<Record<string, string>>).filter(
      (row) => row.STP_CODE === 'QHM' && row.PCN_CODE !== 'U',
    )
    expect(readdirSync(path.join(dir, 'sites')).length).toBe(new Set(qhm.map((row) => row.PCN_CODE)).size)
    expectOneLineFailure(
      cli(['import', '--map', MAP, '--list-sizes', SIZES, '--dir', 'sites', '--pcn', 'U00000'], {cwd: dir}),
      /^pch: PCN U00000 is not in .*gp-reg-pat-prac-map-2022-01\.csv\n$/,
    )
  })

  it('never touches an existing file: its network is skipped and named', () => {
    const dir = tempDir('pch-import-')
    mkdirSync(path.join(dir, 'sites'))
    writeFileSync(path.join(dir, 'sites', 'u89141-stockton-pcn.pch.yaml'), 'mine\n')
    const r = cli(['import', '--map', MAP, '--list-sizes', SIZES, '--dir', 'sites', '--pcn', 'U89141,U07032'], {cwd: dir})
    expect(r.status).toBe(0)
    expect(r.stdout).toContain(
      'Existing files, not touched:\n  sites/u89141-stockton-pcn.pch.yaml exists; U89141 Stockton PCN left as it was\n',
    )
    expect(readFileSync(path.join(dir, 'sites', 'u89141-stockton-pcn.pch.yaml'), 'utf8')).toBe('mine\n')
    expect(readdirSync(path.join(dir, 'sites')).sort()).toEqual(['u07032-north-stockton-pcn.pch.yaml', 'u89141-stockton-pcn.pch.yaml'])
  })

  it('reads the newer header generation (ICB_CODE, SUB_ICB_LOCATION_*) and its date style', () => {
    const dir = tempDir('pch-import-')
    writeFileSync(
      path.join(dir, 'map.csv'),
      [
        'PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,PRACTICE_POSTCODE,PCN_CODE,PCN_NAME,ONS_SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_NAME,ONS_ICB_CODE,ICB_CODE,ICB_NAME,ONS_COMM_REGION_CODE,COMM_REGION_CODE,COMM_REGION_NAME',
        'GP_PRAC_PAT_LIST,2022-07-01,A81001,THE DENSHAM SURGERY,TS18 1HU,U89141,STOCKTON PCN,E38000247,16C,NHS Tees Valley,E54000050,QHM,NHS NORTH EAST AND NORTH CUMBRIA INTEGRATED CARE BOARD,E40000012,Y63,North East and Yorkshire',
        'GP_PRAC_PAT_LIST,2022-07-01,A81017,WOODBRIDGE PRACTICE,TS18 3RD,U89141,STOCKTON PCN,E38000247,16C,NHS Tees Valley,E54000050,QHM,NHS NORTH EAST AND NORTH CUMBRIA INTEGRATED CARE BOARD,E40000012,Y63,North East and Yorkshire',
        'GP_PRAC_PAT_LIST,2022-07-01,A81002,QUEENS PARK MEDICAL CENTRE,TS18 2AW,U,Unallocated,E38000247,16C,NHS Tees Valley,E54000050,QHM,NHS NORTH EAST AND NORTH CUMBRIA INTEGRATED CARE BOARD,E40000012,Y63,North East and Yorkshire',
        '',
      ].join('\r\n'),
    )
    const r = cli(['import', '--map', 'map.csv', '--list-sizes', SIZES, '--dir', '.'], {cwd: dir})
    expect(r.status).toBe(0)
    expect(r.stdout).toContain(
      'Wrote u89141-stockton-pcn.pch.yaml: Stockton PCN, 2 practices, registered population 22,998, QHM NHS North East and North Cumbria Integrated Care Board\n',
    )
    expect(r.stdout).toContain('(as of 2022-07-01); list sizes as of 2021-01-01; 1 unallocated practice (PCN code U) in no network.\n')
  })
})

describe('pch import refuses a bad map or extract: exit 2 with file and line, nothing written', () => {
  const header = readFileSync(MAP, 'utf8').split(/\r?\n/)[0]!
  const rows = readFileSync(MAP, 'utf8').split(/\r?\n/).slice(1, 4)
  it.each([
    [
      'a wrong header',
      `${header.replace('PCN_CODE', 'PCN')}\n${rows.join('\n')}\n`,
      /^pch: bad\.csv:1: not a "Patients Registered at a GP Practice" practice-to-PCN map header; missing PCN_CODE\n$/,
    ],
    [
      'a short row',
      `${header}\n${rows[0]}\n${rows[1]!.replace(/,[^,]*$/, '')}\n`,
      /^pch: bad\.csv:3: Invalid Record Length: expect 16, got 15\n$/,
    ],
    [
      'a bad practice code',
      `${header}\n${rows[0]}\n${rows[1]!.replace('A81002', 'A8100')}\n`,
      /^pch: bad\.csv:3: PRACTICE_CODE "A8100" is not a GP practice code \(a capital letter and five digits\)\n$/,
    ],
    [
      'a bad date',
      `${header}\n${rows[0]!.replace('01Jan2022', '32Jan2022')}\n`,
      /^pch: bad\.csv:2: EXTRACT_DATE "32Jan2022" is not a date in a style NHS Digital uses\n$/,
    ],
    [
      'a practice listed twice',
      `${header}\n${rows[0]}\n${rows[1]}\n${rows[0]}\n`,
      /^pch: bad\.csv:4: practice A81001 is listed again \(first on line 2\); a practice is in one network\n$/,
    ],
    [
      'not UTF-8',
      Buffer.concat([Buffer.from(`${header}\n${rows[0]}\n`), Buffer.from([0x50, 0xa3, 0x0a])]),
      /^pch: bad\.csv:3: not UTF-8 text; expected NHS Digital's gp-reg-pat-prac-map CSV\n$/,
    ],
    ['an empty file', '', /^pch: bad\.csv:1: the file is empty; expected NHS Digital's gp-reg-pat-prac-map CSV\n$/],
  ])('%s', (_name, content, message) => {
    const dir = tempDir('pch-import-')
    writeFileSync(path.join(dir, 'bad.csv'), content)
    expectOneLineFailure(cli(['import', '--map', 'bad.csv', '--list-sizes', SIZES, '--dir', 'sites'], {cwd: dir}), message)
    expect(existsSync(path.join(dir, 'sites'))).toBe(false)
  })

  it.each([['map'], ['list-sizes']])('a device as --%s is read no further than the limit', (flag) => {
    const dir = tempDir('pch-import-')
    execFileSync('mknod', [path.join(dir, 'zero.csv'), 'c', '1', '5'])
    const args = flag === 'map' ? ['--map', 'zero.csv', '--list-sizes', SIZES] : ['--map', MAP, '--list-sizes', 'zero.csv']
    expectOneLineFailure(cli(['import', ...args, '--dir', 'sites'], {cwd: dir}), overDataLimit('zero.csv'))
    expect(existsSync(path.join(dir, 'sites'))).toBe(false)
  })
})

describe('pch init --pcn', () => {
  it('fills the practices the map lists, with their sizes, the name and the commissioner', () => {
    const dir = tempDir('pch-init-pcn-')
    const r = cli(
      [
        'init',
        '--pcn',
        'U07032',
        '--map',
        MAP,
        '--list-sizes',
        SIZES,
        '--partner',
        'stockton-acute:acute:North Tees and Hartlepool NHS Foundation Trust',
        '--partner',
        'stockton-council:social-care:Stockton-on-Tees Borough Council',
        '--capitation',
        '160',
        '--today',
        TODAY,
      ],
      {cwd: dir},
    )
    expect([r.status, r.stderr]).toEqual([0, ''])
    const text = readFileSync(path.join(dir, 'u07032-north-stockton-pcn.pch.yaml'), 'utf8')
    const practices = [...text.matchAll(/- odsCode: (\w+)\n\s+name: (.+)\n\s+listSize: (\d+)/g)].map(([, code, , size]) => [
      code,
      Number(size),
    ])
    expect(practices).toEqual(expected().get('U07032')!.practices)
    expect(text).toContain('  name: North Stockton PCN\n')
    expect(text).toContain('    name: Cumbria and North East\n    odsCode: QHM\n')
    expect(text).toContain('    asOf: 2021-01-01 ')
    expect(text).toContain('name: Queens Park Medical Centre')
  })

  it('needs the map and the list sizes with --pcn', () => {
    const dir = tempDir('pch-init-pcn-')
    expectOneLineFailure(cli(['init', '--pcn', 'U07032', '--yes'], {cwd: dir}), /^pch: --pcn, --map and --list-sizes go together/)
    expect(readdirSync(dir)).toEqual([])
  })
})

describe('README: Starting a programme from NHS data, run as printed', () => {
  /** Each command line of the block, run by bash in `dir` with `pch` the built binary: [exit code, stdout]. */
  const runAll = (marker: string, dir: string): Array<[string, number | null, string]> =>
    readmeCommands(marker).map((line) => {
      const r = spawnSync('bash', ['-c', `pch() { "${process.execPath}" "${BIN}" "$@"; }\n${line}`], {
        cwd: dir,
        encoding: 'utf8',
        env: {...process.env, NO_COLOR: '1'},
      })
      expect([line, r.stderr]).toEqual([line, ''])
      return [line, r.status, r.stdout]
    })
  const withData = (): string => {
    const dir = tempDir('pch-readme-nhs-')
    // The files as NHS Digital names them (links to the shared copies: nothing large is copied).
    symlinkSync(MAP, path.join(dir, 'gp-reg-pat-prac-map.csv'))
    symlinkSync(SIZES, path.join(dir, 'gp-reg-pat-prac-all.csv'))
    return dir
  }

  it('from the two files to a report: a dry run, the import, lint (exit 1 until the sites are filled in), the HTML report', () => {
    const dir = withData()
    const qhm = new Set(
      (parse(readFileSync(MAP, 'utf8'), {columns: true}) as Array<Record<string, string>>)
        .filter((row) => row.STP_CODE === 'QHM' && row.PCN_CODE !== 'U')
        .map((row) => row.PCN_CODE),
    )
    const [dry, imported, lint, report] = runAll('nhs-data', dir)
    expect(dry![1]).toBe(0)
    expect(dry![2]).toContain(`${qhm.size} definitions would be written (dry run; nothing written)`)
    expect(imported![1]).toBe(0)
    expect(readdirSync(path.join(dir, 'sites')).length).toBe(qhm.size)
    expect(lint![1]).toBe(1)
    expect(lint![2]).toContain('care/outcomes-required')
    expect(report![1]).toBe(0)
    expect(readFileSync(path.join(dir, 'report.html'), 'utf8')).toContain('North Stockton PCN')
  })

  it('init --pcn: one network from the same files', () => {
    const dir = withData()
    const [init] = runAll('nhs-data: init', dir)
    expect(init![1]).toBe(0)
    expect(readFileSync(path.join(dir, 'new', 'u07032-north-stockton-pcn.pch.yaml'), 'utf8')).toContain('name: Queens Park Medical Centre')
  })
})
