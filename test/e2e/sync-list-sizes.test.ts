// `pch sync-list-sizes` on NHS Digital's real extracts (../shared/data/nhs): a repository whose list
// sizes come from January 2021 brought up to April 2026, byte for byte outside the changed values.
import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {parse} from 'csv-parse/sync'
import {describe, expect, it} from 'vitest'
import {parseExtractDate, readExtract} from '../../src/sync/extract.js'
import {cli, edit, expectOneLineFailure, riverside, SHARED, tempDir, TODAY} from '../helpers.js'

const OLD = path.join(SHARED, 'data', 'nhs', 'gp-reg-pat-prac-all-2021-01.csv')
const NEW = path.join(SHARED, 'data', 'nhs', 'gp-reg-pat-prac-all-2026-04.csv')

/** Practice totals computed here independently of the product's parser (these files hold no quoted fields). */
function totals(file: string): Map<string, number> {
  const [header, ...rows] = readFileSync(file, 'utf8').split(/\r?\n/).filter(Boolean)
  const names = header!.split(',')
  const at = (name: string): number => names.indexOf(name)
  const sizes = new Map<string, number>()
  for (const row of rows) {
    const cells = row.split(',')
    if (cells[at('TYPE')] === 'GP' && cells[at('SEX')] === 'ALL' && cells[at('AGE')] === 'ALL')
      sizes.set(cells[at('CODE')]!, Number(cells[at('NUMBER_OF_PATIENTS')]))
  }
  return sizes
}

const before = totals(OLD)
const after = totals(NEW)
/** Practices in both extracts, and one that the 2026 extract no longer has (closed or merged). */
const kept = [...before.keys()].filter((code) => after.has(code)).slice(0, 6)
const closed = [...before.keys()].find((code) => !after.has(code))!

/** A site from riverside with three given practices at their January 2021 list sizes. */
function site(id: string, codes: string[]): string {
  const [a, b, c] = codes as [string, string, string]
  return edit(
    riverside(),
    ['id: riverside ', `id: ${id} `],
    ['asOf: 2026-10-01', 'asOf: 2021-01-01'],
    ['odsCode: A81001 ', `odsCode: ${a} `],
    ['listSize: 14250', `listSize: ${before.get(a)}`],
    ['odsCode: A81002', `odsCode: ${b}`],
    ['listSize: 11980', `listSize: ${before.get(b)}`],
    ['odsCode: A81004', `odsCode: ${c}`],
    ['listSize: 9870', `listSize: ${before.get(c)}`],
    ['employer: A81001', `employer: ${a}`],
  )
}

function repository(): {dir: string; files: Record<string, string>} {
  const dir = tempDir('pch-sync-')
  const files = {'north.pch.yaml': site('north', kept.slice(0, 3)), 'south.pch.yaml': site('south', [kept[3]!, kept[4]!, closed])}
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text)
  return {dir, files}
}

describe('reading the extracts', () => {
  it.each([
    ['01JAN2021', '2021-01-01'],
    ['01Jan2022', '2022-01-01'],
    ['01-Sep-20', '2020-09-01'],
    ['2026-04-01', '2026-04-01'],
    ['31FEB2021', undefined],
    ['2026-13-01', undefined],
    ['yesterday', undefined],
  ])('EXTRACT_DATE %s is %s', (text, iso) => {
    expect(parseExtractDate(text)).toBe(iso)
  })

  it('reads both header generations to exactly the totals computed independently', () => {
    const january = readExtract(OLD)
    expect([january.asOf, january.sizes]).toEqual(['2021-01-01', before])
    const april = readExtract(NEW)
    expect([april.asOf, april.sizes]).toEqual(['2026-04-01', after])
  })
})

describe('pch sync-list-sizes', () => {
  it('--check exits 1 on a stale repository and writes nothing; a sync brings exactly the CSV numbers; --check then exits 0', () => {
    const {dir, files} = repository()
    const check = cli(['sync-list-sizes', '--from', NEW, '.', '--check'], {cwd: dir})
    expect(check.status).toBe(1)
    expect(check.stdout).toContain('stale: north.pch.yaml\nstale: south.pch.yaml\n')
    for (const [name, text] of Object.entries(files)) expect(readFileSync(path.join(dir, name), 'utf8')).toBe(text)

    const sync = cli(['sync-list-sizes', '--from', NEW, '.'], {cwd: dir})
    expect(sync.status).toBe(0)
    expect(sync.stdout).toContain(`    ${closed} is not in the extract (closed or merged?): its list size is left as it was\n`)
    // Every byte but the changed values is the same: the expected text is the original with only
    // the list sizes (from the CSV, computed here) and asOf replaced.
    // asOf and source move only where the extract holds every practice (north; south has a closed one).
    const expected = (text: string, dated: boolean): string => {
      const sized = text.replace(
        /odsCode: (\w+)([^\n]*)\n(\s+)name: (.*)\n(\s+)listSize: (\d+)/g,
        (_whole, code: string, pad: string, i1: string, name: string, i2: string, size: string) =>
          `odsCode: ${code}${pad}\n${i1}name: ${name}\n${i2}listSize: ${after.get(code) ?? size}`,
      )
      return dated
        ? edit(
            sized,
            ['asOf: 2021-01-01', 'asOf: 2026-04-01'],
            [
              'source: NHS Digital, Patients Registered at a GP Practice, October 2026',
              'source: NHS Digital, Patients Registered at a GP Practice, 2026-04-01 (gp-reg-pat-prac-all-2026-04.csv)',
            ],
          )
        : sized
    }
    for (const [name, text] of Object.entries(files))
      expect(readFileSync(path.join(dir, name), 'utf8')).toBe(expected(text, name === 'north.pch.yaml'))
    expect(sync.stdout).toContain('    population.asOf is left as it was: the extract of 2026-04-01 does not hold every practice\n')
    expect(readFileSync(path.join(dir, 'south.pch.yaml'), 'utf8')).toContain(`listSize: ${before.get(closed)}`)

    expect(cli(['sync-list-sizes', '--from', NEW, '.', '--check'], {cwd: dir}).status).toBe(0)
  })

  it("prints each site's old and new population, and flags a site that leaves or re-enters the band", () => {
    const {dir} = repository()
    const r = cli(['sync-list-sizes', '--from', NEW, '.', '--dry-run'], {cwd: dir})
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^--- a\/north\.pch\.yaml\n\+\+\+ b\/north\.pch\.yaml\n@@ /)
    const sync = cli(['sync-list-sizes', '--from', NEW, '.'], {cwd: dir}).stdout
    const sum = (codes: string[], sizes: Map<string, number>): number => codes.reduce((n, c) => n + (sizes.get(c) ?? before.get(c)!), 0)
    const north = [sum(kept.slice(0, 3), before), sum(kept.slice(0, 3), after)]
    expect(sync).toContain(
      `  north.pch.yaml north: registered population ${north[0]!.toLocaleString('en-GB')} -> ${north[1]!.toLocaleString('en-GB')} (3 list sizes changed)\n`,
    )
    const place = (n: number): string => (n < 30000 ? 'below 30,000' : n > 50000 ? 'above 50,000' : 'within 30,000-50,000')
    const verdict =
      place(north[0]!) === place(north[1]!)
        ? ''
        : place(north[1]!).startsWith('within')
          ? ' (re-enters the band)'
          : place(north[0]!).startsWith('within')
            ? ' (leaves the band)'
            : ''
    expect(sync).toContain(
      `north: registered population ${north[0]!.toLocaleString('en-GB')} -> ${north[1]!.toLocaleString('en-GB')} (3 list sizes changed)\n    band: ${place(north[0]!)} -> ${place(north[1]!)}${verdict}\n`,
    )
  })

  it.each([
    [
      'a bad row',
      (text: string) => text.replace(/\r\n(GP_PRAC_PAT_LIST,[^\r\n]*)\r\n/, '\r\n$1,extra\r\n'),
      /^pch: bad\.csv:2: Invalid Record Length: expect 10, got 11\n$/,
    ],
    [
      'a wrong header',
      (text: string) => text.replace('NUMBER_OF_PATIENTS', 'PATIENTS'),
      /^pch: bad\.csv:1: not a "Patients Registered at a GP Practice" totals header; missing NUMBER_OF_PATIENTS\n$/,
    ],
    ['an empty file', () => '', /^pch: bad\.csv:1: the file is empty; expected NHS Digital's gp-reg-pat-prac-all CSV\n$/],
    [
      'a count that is not a number',
      (text: string) => text.replace(/,ALL,ALL,(\d+)\r\n/, ',ALL,ALL,lots\r\n'),
      /^pch: bad\.csv:2: NUMBER_OF_PATIENTS "lots" is not a whole number\n$/,
    ],
  ])('a CSV with %s is exit 2 with the file, line and reason, and no file changes', (_name, spoil, message) => {
    const {dir, files} = repository()
    writeFileSync(path.join(dir, 'bad.csv'), spoil(readFileSync(NEW, 'utf8')))
    const r = cli(['sync-list-sizes', '--from', 'bad.csv', '.'], {cwd: dir})
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(message)
    for (const [name, text] of Object.entries(files)) expect(readFileSync(path.join(dir, name), 'utf8')).toBe(text)
  })

  it('refuses a CSV that is not UTF-8', () => {
    const {dir} = repository()
    writeFileSync(path.join(dir, 'bad.csv'), Buffer.from([0x50, 0xff, 0xfe, 0x0a]))
    expect(cli(['sync-list-sizes', '--from', 'bad.csv', '.'], {cwd: dir})).toEqual({
      status: 2,
      stdout: '',
      stderr: "pch: bad.csv:1: not UTF-8 text; expected NHS Digital's gp-reg-pat-prac-all CSV\n",
    })
  })

  it.each([
    ['LF', ['\n']],
    ['CRLF', ['\r\n']],
    ['CR', ['\r']],
    ['a CRLF header over LF rows', ['\r\n', '\n', '\n', '\n']],
    ['a mix of CR, LF and CRLF', ['\r', '\n', '\r\n']],
  ])('names the line of a byte that is not UTF-8 whatever the line breaks (%s)', (_name, breaks) => {
    const {dir, files} = repository()
    const [header, row1, row2, row3] = readFileSync(NEW, 'utf8').split(/\r?\n/) as [string, string, string, string]
    const end = (line: number): string => breaks[(line - 1) % breaks.length]!
    // A Latin-1 "£" at the end of line 3.
    const bytes = [Buffer.from(`${header}${end(1)}${row1}${end(2)}${row2}`), Buffer.from([0xa3]), Buffer.from(`${end(3)}${row3}${end(4)}`)]
    writeFileSync(path.join(dir, 'bad.csv'), Buffer.concat(bytes))
    expect(cli(['sync-list-sizes', '--from', 'bad.csv', '.'], {cwd: dir})).toEqual({
      status: 2,
      stdout: '',
      stderr: "pch: bad.csv:3: not UTF-8 text; expected NHS Digital's gp-reg-pat-prac-all CSV\n",
    })
    for (const [name, before] of Object.entries(files)) expect(readFileSync(path.join(dir, name), 'utf8')).toBe(before)
  })
})

/**
 * A programme of 44 real networks of NHS Digital's January 2022 map, each a site built from riverside
 * with its practices at their January 2021 list sizes and a budget that meets characteristic 3 then
 * (£160 a patient); every fourth site funds its budget through contributions.
 */
function programme(): {dir: string; sites: Array<{id: string; file: string; codes: string[]; total: number; contributions: boolean}>} {
  const map = parse(readFileSync(path.join(SHARED, 'data', 'nhs', 'gp-reg-pat-prac-map-2022-01.csv'), 'utf8'), {columns: true}) as Array<
    Record<string, string>
  >
  const networks = new Map<string, string[]>()
  for (const row of map) if (row.PCN_CODE !== 'U') networks.set(row.PCN_CODE!, [...(networks.get(row.PCN_CODE!) ?? []), row.PRACTICE_CODE!])
  const sum = (codes: string[]): number => codes.reduce((n, c) => n + before.get(c)!, 0)
  const chosen = [...networks]
    .filter(([, codes]) => codes.length >= 3 && codes.every((c) => before.has(c)) && sum(codes) >= 31000 && sum(codes) <= 49000)
    .sort(([a], [b]) => a.localeCompare(b))
    .slice(0, 44)
  const dir = tempDir('pch-sync-44-')
  const sites = chosen.map(([pcn, codes], index) => {
    const id = `site-${pcn.toLowerCase()}`
    const total = 160 * sum(codes)
    const contributions = index % 4 === 0
    const practices = codes
      .map((code) => `      - odsCode: ${code}\n        name: Practice ${code}\n        listSize: ${before.get(code)}\n`)
      .join('')
    let text = edit(
      riverside(),
      ['id: riverside ', `id: ${id} `],
      ['asOf: 2026-10-01', 'asOf: 2021-01-01'],
      [
        'source: NHS Digital, Patients Registered at a GP Practice, October 2026',
        'source: NHS Digital, Patients Registered at a GP Practice, January 2021',
      ],
      [/ {4}practices:[^\n]*\n(?: {6}[^\n]*\n)+/, `    practices:\n${practices}`],
      ['employer: A81001', `employer: ${codes[0]}`],
      ['total: 5776000', `total: ${total}`],
    )
    text = contributions
      ? edit(text, ['amount: 5276000', `amount: ${total - 500000}`])
      : edit(text, [/ {4}contributions:[^\n]*\n(?: {6}[^\n]*\n)+/, ''])
    writeFileSync(path.join(dir, `${id}.pch.yaml`), text)
    return {id, file: `${id}.pch.yaml`, codes, total, contributions}
  })
  return {dir, sites}
}

/** The sites of a validate --format json run that budget/capitation-mismatch fires for. */
function mismatched(dir: string): string[] {
  const r = cli(['validate', '--format', 'json', '--today', TODAY, '.'], {cwd: dir})
  const results = JSON.parse(r.stdout) as Array<{filePath: string; messages: Array<{ruleId: string}>}>
  return results
    .filter((f) => f.messages.some((m) => m.ruleId === 'budget/capitation-mismatch'))
    .map((f) => f.filePath.replace('.pch.yaml', ''))
    .sort()
}

const money = (n: number): string => `£${n.toLocaleString('en-GB')}`

describe('sync-list-sizes on a programme of 44 sites, January 2021 to April 2026', () => {
  it('names every site whose budget now mismatches, with the figures', () => {
    const {dir, sites} = programme()
    expect(sites).toHaveLength(44)
    expect(cli(['validate', '--today', TODAY, '.'], {cwd: dir}).status).toBe(0)

    const r = cli(['sync-list-sizes', '--from', NEW, '.'], {cwd: dir})
    expect([r.status, r.stderr]).toEqual([0, ''])
    // Computed here from the two extracts: the new population, capitation x it, and 1 % of it (schemas/budget.schema.json).
    const fires: string[] = []
    for (const site of sites) {
      const population = site.codes.reduce((n, c) => n + (after.get(c) ?? before.get(c)!), 0)
      const expected = 160 * population
      const off = Math.abs(site.total - expected) > expected / 100
      if (off) fires.push(site.id)
      const figures = `    budget: total ${money(site.total)} against £160 x ${population.toLocaleString('en-GB')} registered patients = ${money(expected)}: `
      expect(r.stdout).toMatch(
        new RegExp(
          `^  ${site.file} ${site.id}: registered population .*\\n    band: .*\\n${figures.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${off ? 'more than 1 % apart: budget/capitation-mismatch now fires' : 'within 1 %'}\\n`,
          'm',
        ),
      )
    }
    expect(fires.length).toBeGreaterThan(20)
    expect(r.stdout).toContain(
      `budget/capitation-mismatch now fires for ${fires.length} sites: ${fires.join(', ')} (--update-budget rewrites the totals of sites without contributions)\n`,
    )
    expect(mismatched(dir)).toEqual([...fires].sort())
    // Run again: nothing new fires, and the sites still out of line are named as such.
    const again = cli(['sync-list-sizes', '--from', NEW, '.'], {cwd: dir}).stdout
    expect(again).toContain(
      'budget/capitation-mismatch fires for no site that it did not fire for before.\n' +
        `budget/capitation-mismatch still fires, as before the new sizes, for ${fires.length} sites: ${fires.join(', ')} (--update-budget rewrites the totals of sites without contributions)\n` +
        'Every definition was already up to date.\n',
    )
  })

  it('--update-budget rewrites the totals of the sites without contributions, which then meet characteristic 3, and names those it left', () => {
    const {dir, sites} = programme()
    const r = cli(['sync-list-sizes', '--from', NEW, '--update-budget', '.'], {cwd: dir})
    expect([r.status, r.stderr]).toEqual([0, ''])
    const left = sites.filter((s) => s.contributions).map((s) => s.id)
    const stillOff = mismatched(dir)
    expect(stillOff.length).toBeGreaterThan(0)
    // Only sites with contributions can still mismatch; every one of them is named as left.
    expect(stillOff.filter((id) => !left.includes(id))).toEqual([])
    expect(r.stdout).toMatch(
      new RegExp(
        `^budget\\.total left as it was for \\d+ sites \\(contributions, or a weighted basis\\): (${left.join('|')})(, (${left.join('|')}))*$`,
        'm',
      ),
    )
    for (const id of stillOff)
      expect(r.stdout).toMatch(
        new RegExp(
          `^  ${id}\\.pch\\.yaml ${id}: [^\\n]*\\n    band: [^\\n]*\\n    budget: .*budget/capitation-mismatch now fires; total left as it was: the site has contributions, which must add up to it$`,
          'm',
        ),
      )
    const rewritten = sites.find((s) => !s.contributions && !stillOff.includes(s.id))!
    const population = rewritten.codes.reduce((n, c) => n + (after.get(c) ?? before.get(c)!), 0)
    expect(readFileSync(path.join(dir, rewritten.file), 'utf8')).toContain(`    total: ${160 * population} `)
  })

  it('--check and --dry-run make the same decisions as a real run, also for an extract older than the files', () => {
    const {dir} = programme()
    const names = (): string[] => readdirSync(dir).sort()
    const contents = (): string[] => names().map((n) => readFileSync(path.join(dir, n), 'utf8'))
    const agree = (from: string, extra: string[], status: number): void => {
      const start = contents()
      const check = cli(['sync-list-sizes', '--from', from, ...extra, '.', '--check'], {cwd: dir})
      const dry = cli(['sync-list-sizes', '--from', from, ...extra, '.', '--dry-run'], {cwd: dir})
      expect(contents()).toEqual(start)
      const real = cli(['sync-list-sizes', '--from', from, ...extra, '.'], {cwd: dir})
      const changed = names().filter((_, i) => contents()[i] !== start[i])
      expect([...check.stdout.matchAll(/^stale: (.*)$/gm)].map((m) => m[1])).toEqual(changed)
      expect([...dry.stdout.matchAll(/^\+\+\+ b\/(.*)$/gm)].map((m) => m[1])).toEqual(changed)
      expect([real.status, dry.status, check.status]).toEqual([status, status, changed.length > 0 ? 1 : status])
      // What the run says of each site is the same in every mode (dry-run says it on stderr).
      const report = (text: string): string =>
        text
          .split('\n')
          .filter((l) => l.startsWith('  '))
          .join('\n')
      expect(report(dry.stderr)).toBe(report(real.stdout))
      expect(report(check.stdout)).toBe(report(real.stdout))
    }
    agree(NEW, [], 0)
    // Now dated 2026-04-01: the January 2021 extract is refused for every fully-found site, named, nothing changed.
    const refused = cli(['sync-list-sizes', '--from', OLD, '.'], {cwd: dir})
    expect(refused.status).toBe(1)
    expect(refused.stdout).toMatch(
      /^ {2}site-\w+\.pch\.yaml: not changed: the extract \(2021-01-01\) is older than its population\.asOf 2026-04-01; --allow-older uses it anyway$/m,
    )
    agree(OLD, [], 1)
    agree(OLD, ['--allow-older'], 0)
  })
})

describe('sync-list-sizes: a run that cannot do its job says so', () => {
  it('without --from: one line naming the flag', () => {
    expectOneLineFailure(
      cli(['sync-list-sizes', '.'], {cwd: tempDir('pch-sync-')}),
      /^pch: Missing required flag --from \(see pch sync-list-sizes --help\)\n$/,
    )
  })

  it('names every definition it cannot read or parse, even one named on the command line, exits 2 and changes no file', () => {
    const {dir, files} = repository()
    writeFileSync(path.join(dir, 'broken.pch.yaml'), 'spec: [\n')
    writeFileSync(path.join(dir, 'binary.pch.yaml'), Buffer.from([0x61, 0xff, 0x0a]))
    const r = cli(['sync-list-sizes', '--from', NEW, 'broken.pch.yaml', '.'], {cwd: dir})
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(
      'pch: Cannot sync broken.pch.yaml:2:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]\n' +
        'pch: Cannot sync binary.pch.yaml: it is not UTF-8 text; 2 definitions were not synced and no file was changed\n',
    )
    for (const [name, text] of Object.entries(files)) expect(readFileSync(path.join(dir, name), 'utf8')).toBe(text)
  })
})
