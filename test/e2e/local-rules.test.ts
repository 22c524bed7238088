// End-to-end: an ICB's local rules (rules.md "Local rules") through the built binary: a config that
// extends a shared file and a shared package and overrides a severity, over a repository, in every
// format of lint and of the report; `pch rules`; --cache and worker threads; extends faults.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {XMLParser} from 'fast-xml-parser'
import {describe, expect, it} from 'vitest'
import {CSV_COLUMNS} from '../../src/report/csv.js'
import {catalogue} from '../../src/rules/index.js'
import {cli, expectOneLineFailure, ROOT, TODAY, useTempDir} from '../helpers.js'
import {writeIcbRepository, SHARED_CONFIG} from './icb-repository.js'

const repo = useTempDir('pch-local-rules-')
const run = (...args: string[]): ReturnType<typeof cli> => cli(args, {cwd: repo.path})
const lint = (...args: string[]): ReturnType<typeof cli> => run('lint', 'sites', '--today', TODAY, ...args)

const ACUTE = 'Acute partner Riverside Hospitals NHS Foundation Trust has no ODS code'
const FLOOR = "Capitation is £160 a patient; the ICB's floor is £165"

describe('an ICB config that extends a shared file and a package, and makes an inherited rule an error', () => {
  it('stylish', () => {
    writeIcbRepository(repo.write)
    const r = lint()
    expect([r.status, r.stderr]).toEqual([1, ''])
    expect(r.stdout).toBe(
      [
        'sites/meadow.pch.yaml',
        `  68:25  warning  ${FLOOR}  local/capitation-floor`,
        '',
        'sites/riverside.pch.yaml',
        `  40:9   error    ${ACUTE}  local/acute-partner-has-ods-code`,
        `  67:25  warning  ${FLOOR}                   local/capitation-floor`,
        '',
        '✖ 3 problems (1 error, 2 warnings)',
        '',
      ].join('\n'),
    )
  })

  it('json: each finding at its value, with the severity the ICB set and the characteristic declared', () => {
    writeIcbRepository(repo.write)
    const r = lint('-f', 'json')
    expect(r.status).toBe(1)
    const floor = (line: number): object => ({
      ruleId: 'local/capitation-floor',
      severity: 'warning',
      message: FLOOR,
      line,
      column: 25,
      endLine: line,
      endColumn: 31,
      path: '/spec/budget/capitation/annualPerPatient',
      characteristic: 3,
      fixable: false,
    })
    expect(JSON.parse(r.stdout)).toEqual([
      {filePath: 'sites/meadow.pch.yaml', documents: 1, errorCount: 0, warningCount: 1, messages: [floor(68)]},
      {
        filePath: 'sites/riverside.pch.yaml',
        documents: 1,
        errorCount: 1,
        warningCount: 1,
        messages: [
          {
            ruleId: 'local/acute-partner-has-ods-code',
            severity: 'error',
            message: ACUTE,
            line: 40,
            column: 9,
            endLine: 40,
            endColumn: 28,
            path: '/spec/workforce/partners/2',
            characteristic: 2,
            fixable: false,
          },
          floor(67),
        ],
      },
    ])
  })

  it('junit: a failure per error, a warning in the output of its file', () => {
    writeIcbRepository(repo.write)
    const r = lint('-f', 'junit')
    expect(r.status).toBe(1)
    const xml = new XMLParser({ignoreAttributes: false}).parse(r.stdout) as {testsuites: {'@_failures': string}}
    expect(xml.testsuites['@_failures']).toBe('1')
    expect(r.stdout).toContain(
      `<failure type="local/acute-partner-has-ods-code" message="40:9 ${ACUTE}">sites/riverside.pch.yaml:40:9 ${ACUTE} (local/acute-partner-has-ods-code)</failure>`,
    )
    expect(r.stdout).toContain(
      `<system-out>sites/meadow.pch.yaml:68:25 warning ${FLOOR.replace("'", '&apos;')} (local/capitation-floor)</system-out>`,
    )
  })

  it('sarif: the local rules in tool.driver.rules after the catalogue, each result pointing at its rule', () => {
    writeIcbRepository(repo.write)
    const r = lint('-f', 'sarif')
    expect(r.status).toBe(1)
    const driver = JSON.parse(r.stdout).runs[0].tool.driver as {rules: Array<Record<string, any>>} // eslint-disable-line @typescript-eslint/no-explicit-any
    const local = driver.rules.filter((rule) => rule.id.startsWith('local/'))
    expect(driver.rules.slice(-2)).toEqual(local)
    expect(
      local.map((rule) => [
        rule.id,
        rule.defaultConfiguration.level,
        rule.properties.tags,
        rule.properties.declaredIn,
        rule.fullDescription.text,
      ]),
    ).toEqual([
      [
        'local/acute-partner-has-ods-code',
        'warning',
        ['characteristic-2', 'local'],
        'icb/north-east.pchrc.yaml',
        'Every acute partner is linked to its trust record by its ODS code.',
      ],
      [
        'local/capitation-floor',
        'warning',
        ['characteristic-3', 'local'],
        'node_modules/@ne-icb/pch-rules/.pchrc.yaml',
        'A local rule of node_modules/@ne-icb/pch-rules/.pchrc.yaml.',
      ],
    ])
    expect(local[0]!.help.text).toContain('Declared in icb/north-east.pchrc.yaml:\n  given: /spec/workforce/partners/*\n')
    const results = JSON.parse(r.stdout).runs[0].results as Array<{ruleId: string; ruleIndex: number; level: string}>
    expect(results.map((result) => [result.ruleId, driver.rules[result.ruleIndex]!.id, result.level])).toEqual([
      ['local/capitation-floor', 'local/capitation-floor', 'warning'],
      ['local/acute-partner-has-ods-code', 'local/acute-partner-has-ods-code', 'error'],
      ['local/capitation-floor', 'local/capitation-floor', 'warning'],
    ])
  })

  it('github: one annotation per finding', () => {
    writeIcbRepository(repo.write)
    const r = lint('-f', 'github')
    expect(r.status).toBe(1)
    expect(r.stdout).toBe(
      [
        `::warning file=sites/meadow.pch.yaml,line=68,col=25,endLine=68,endColumn=31,title=local/capitation-floor::${FLOOR}`,
        `::error file=sites/riverside.pch.yaml,line=40,col=9,endLine=40,endColumn=28,title=local/acute-partner-has-ods-code::${ACUTE}`,
        `::warning file=sites/riverside.pch.yaml,line=67,col=25,endLine=67,endColumn=31,title=local/capitation-floor::${FLOOR}`,
        '',
      ].join('\n'),
    )
  })

  it('validate: no local rule (they are never compliance rules)', () => {
    writeIcbRepository(repo.write)
    expect(run('validate', 'sites', '--today', TODAY)).toEqual({
      status: 0,
      stdout: '✔ No problems in 2 files (2 definitions)\n',
      stderr: '',
    })
  })

  it('the report, in every format: local findings are advisory findings of their characteristic, so both sites meet every characteristic', () => {
    writeIcbRepository(repo.write)
    const report = (format: string): string => {
      const r = run('report', 'sites', '--today', TODAY, '-f', format, '--fail-on-noncompliance')
      expect([format, r.status, r.stderr]).toEqual([format, 0, ''])
      return r.stdout
    }
    const json = JSON.parse(report('json')) as {
      localRules: string[]
      programme: {compliant: number}
      sites: Array<{id: string; compliant: boolean; advisories?: unknown; characteristics: Record<string, Record<string, unknown>>}>
    }
    expect([json.localRules, json.programme.compliant]).toEqual([['local/acute-partner-has-ods-code', 'local/capitation-floor'], 2])
    const floor = (line: number): object => ({ruleId: 'local/capitation-floor', message: FLOOR, line})
    const met = {status: 'met', findings: [], exceptions: []}
    expect(json.sites.map((site) => [site.id, site.compliant, 'advisories' in site, site.characteristics])).toEqual([
      ['meadow', true, false, {1: met, 2: met, 3: {...met, advisories: [floor(68)]}, 4: met}],
      [
        'riverside',
        true,
        false,
        {
          1: met,
          2: {...met, advisories: [{ruleId: 'local/acute-partner-has-ods-code', message: ACUTE, line: 40}]},
          3: {...met, advisories: [floor(67)]},
          4: met,
        },
      ],
    ])

    const table = report('table').split('\n')
    expect(table.slice(1, 6)).toEqual([
      'meadow                       live                36,100 2026-10-01          3  ✔  ✔  ✔  ✔  yes',
      `    3 advisory: ${FLOOR} (local/capitation-floor)`,
      'riverside                    live                36,100 2026-10-01          3  ✔  ✔  ✔  ✔  yes',
      `    2 advisory: ${ACUTE} (local/acute…`,
      `    3 advisory: ${FLOOR} (local/capitation-floor)`,
    ])
    expect(table.slice(12, 14)).toEqual([
      'List sizes as of 2026-10-01; none more than 6 months old.',
      '2 local rules: 3 advisory findings at 2 sites; they never change compliance.',
    ])

    const markdown = report('markdown')
    expect(markdown).toContain(
      [
        '',
        '## Advisory findings',
        '',
        '2 local rules: 3 advisory findings at 2 sites; they never change compliance.',
        '',
        `- **meadow**, characteristic 3: ${FLOOR} (\`local/capitation-floor\`, sites/meadow.pch.yaml:68)`,
        `- **riverside**, characteristic 2: ${ACUTE} (\`local/acute-partner-has-ods-code\`, sites/riverside.pch.yaml:40)`,
        `- **riverside**, characteristic 3: ${FLOOR} (\`local/capitation-floor\`, sites/riverside.pch.yaml:67)`,
        '',
        'Status words: met, not met, met by exception.',
        '',
      ].join('\n'),
    )
    // Nowhere else: not among the findings behind a "not met" (there is none).
    expect(markdown.split('\n').filter((line) => line.includes('local/'))).toHaveLength(3)
    expect(markdown).not.toContain('## Not met')

    // The one column more is the last; the compliance columns (findings, exceptions) stay empty.
    const site = (id: string, name: string): string =>
      `${id},${name},live,sites/${id}.pch.yaml,3,36100,yes,acute community-health mental-health social-care voluntary,5776000,160,gain-and-loss,2,` +
      'met,met,met,met,yes,,,QXY,North Riverside Integrated Care Board,2026-10-01,no,'
    expect(report('csv')).toBe(
      [
        `${CSV_COLUMNS.join(',')},advisories`,
        `${site('meadow', 'Meadow PCH')}local/capitation-floor (characteristic 3): ${FLOOR}`,
        `${site('riverside', 'Riverside Primary Care Home')}local/acute-partner-has-ods-code (characteristic 2): ${ACUTE}; local/capitation-floor (characteristic 3): ${FLOOR}`,
        '',
      ].join('\r\n'),
    )

    const html = report('html')
    expect(html).toContain('<li><a href="#exceptions">Exceptions</a></li><li><a href="#advisories">Advisory findings</a></li>')
    const section = html.slice(html.indexOf('<section class="panel" aria-labelledby="advisories">'))
    const where = (n: 2 | 3): string =>
      n === 2
        ? '<span aria-hidden="true">2. Workforce</span><span class="visually-hidden">2. Integrated workforce across primary, secondary and social care</span>'
        : '<span aria-hidden="true">3. Budget</span><span class="visually-hidden">3. Unified, capitated budget with shared risks and rewards</span>'
    const floorHtml = FLOOR.replace("'", '&#39;')
    expect(section.slice(0, section.indexOf('</section>') + 10).split('\n')).toEqual([
      '<section class="panel" aria-labelledby="advisories">',
      '<h2 id="advisories">Advisory findings</h2>',
      '<p class="hint">2 local rules: 3 advisory findings at 2 sites; they never change compliance.</p>',
      '<div class="table-wrap" role="region" aria-label="Advisory findings of local rules" tabindex="0"><table class="table findings advisories">',
      '<caption>Advisory findings of local rules (2 sites)</caption>',
      '<thead><tr><th scope="col">Site</th><th scope="col">Characteristic</th><th scope="col">Finding</th><th scope="col">Rule and place</th></tr></thead>',
      '<tbody>',
      `<tr><th scope="rowgroup" rowspan="1">meadow</th><td class="nowrap">${where(3)}</td><td>${floorHtml}</td><td><code>local/capitation-floor</code><span class="sub where">sites/meadow.pch.yaml:68</span></td></tr>`,
      '</tbody><tbody>',
      `<tr><th scope="rowgroup" rowspan="2">riverside</th><td class="nowrap">${where(2)}</td><td>${ACUTE}</td><td><code>local/acute-partner-has-ods-code</code><span class="sub where">sites/riverside.pch.yaml:40</span></td></tr>` +
        `<tr><td class="nowrap">${where(3)}</td><td>${floorHtml}</td><td><code>local/capitation-floor</code><span class="sub where">sites/riverside.pch.yaml:67</span></td></tr>`,
      '</tbody>',
      '</table></div>',
      '</section>',
    ])
    // The local rules' findings appear in that section only.
    expect(html.split('local/').length - 1).toBe(section.slice(0, section.indexOf('</section>')).split('local/').length - 1)
  })

  it('the report with --compare: a local rule added since is no change of compliance', () => {
    writeIcbRepository(repo.write)
    repo.write('.pchrc.yaml', 'rules: {}\n')
    const before = run('report', 'sites', '--today', TODAY, '-f', 'json', '-o', 'before.json')
    expect([before.status, before.stderr]).toEqual([0, ''])
    writeIcbRepository(repo.write)
    const r = run('report', 'sites', '--today', TODAY, '-f', 'markdown', '--compare', 'before.json')
    expect([r.status, r.stderr]).toEqual([0, ''])
    expect(r.stdout.slice(r.stdout.indexOf('## Since'), r.stdout.indexOf('## Characteristics'))).toBe(
      [
        '## Since the last report (2026-11-01)',
        '',
        '- Sites meeting all four characteristics: 2 of 2, unchanged',
        '- Registered population: 72,200, unchanged; sites in the band: 2, unchanged',
        '- Characteristic 1: met by 2, unchanged; not met by 0, unchanged',
        '- Characteristic 2: met by 2, unchanged; not met by 0, unchanged',
        '- Characteristic 3: met by 2, unchanged; not met by 0, unchanged',
        '- Characteristic 4: met by 2, unchanged; not met by 0, unchanged',
        '',
        '',
      ].join('\n'),
    )
  })

  it('pch rules lists the local rules, and shows one with where it is declared', () => {
    writeIcbRepository(repo.write)
    const table = run('rules')
    expect(table.status).toBe(0)
    expect(table.stdout.split('\n').slice(-5)).toEqual([
      'local/acute-partner-has-ods-code       2      warning   no          no       Acute partner {{value.name}} has no ODS code',
      "local/capitation-floor                 3      warning   no          no       Capitation is £{{value}} a patient; the ICB's floor is £165",
      '',
      `${catalogue.length + 2} rules (2 local). pch rules ID shows one rule's documentation.`,
      '',
    ])
    expect(run('rules', 'local/acute-partner-has-ods-code').stdout).toBe(
      [
        'local/acute-partner-has-ods-code',
        '  characteristic 2 · warning · not compliance · file scope · not fixable',
        '',
        '  Acute partner {{value.name}} has no ODS code',
        '',
        '  Every acute partner is linked to its trust record by its ODS code.',
        '',
        '  A local rule of the config: its findings are advisory, never compliance.',
        '',
        '  Declared in icb/north-east.pchrc.yaml:',
        '    given: /spec/workforce/partners/*',
        '    where: {"properties":{"sector":{"const":"acute"}},"required":["sector"]}',
        '    then: {"required":["odsCode"]}',
        '    message: "Acute partner {{value.name}} has no ODS code"',
        '',
        '',
      ].join('\n'),
    )
    expectOneLineFailure(
      run('rules', 'local/acute-partner-has-ods-cod'),
      /^pch: Unknown rule "local\/acute-partner-has-ods-cod"; did you mean "local\/acute-partner-has-ods-code"\? \(see pch rules\)\n$/,
    )
  })

  it('--cache: a changed local rule in an extended config is not answered from the cache; worker threads give the same output', () => {
    writeIcbRepository(repo.write)
    const cached = (): ReturnType<typeof cli> => lint('-f', 'json', '--cache', '--concurrency', '2')
    const first = cached()
    expect(first.status).toBe(1)
    expect(cached().stdout).toBe(first.stdout)
    expect(lint('-f', 'json').stdout).toBe(first.stdout)
    repo.write('icb/north-east.pchrc.yaml', SHARED_CONFIG.replace('required: [odsCode]', 'required: [id]'))
    const changed = cached()
    expect(JSON.parse(changed.stdout).flatMap((f: {messages: Array<{ruleId: string}>}) => f.messages.map((m) => m.ruleId))).toEqual([
      'local/capitation-floor',
      'local/capitation-floor',
    ])
  })
})

describe("the README's example config", () => {
  it('runs as it says over the ICB repository', () => {
    writeIcbRepository(repo.write)
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
    const example = /<!-- config: local-rules -->\n```yaml\n([\s\S]*?)```/.exec(readme)![1]!
    repo.write('.pchrc.yaml', example)
    const r = lint('-f', 'json')
    expect([r.status, r.stderr]).toEqual([1, ''])
    expect(
      JSON.parse(r.stdout).flatMap((f: {filePath: string; messages: Array<{ruleId: string; severity: string; line: number}>}) =>
        f.messages.map((m) => `${f.filePath}:${m.line} ${m.severity} ${m.ruleId}`),
      ),
    ).toEqual([
      'sites/meadow.pch.yaml:68 warning local/capitation-floor',
      'sites/riverside.pch.yaml:40 error local/acute-partner-has-ods-code',
      'sites/riverside.pch.yaml:67 warning local/capitation-floor',
    ])
    expect(run('rules', 'local/acute-partner-has-ods-code').stdout).toContain('  Declared in .pchrc.yaml:\n')
  })
})

describe('extends: each fault is one line, exit 2, naming the config and the chain', () => {
  it('a missing file, at the entry that names it', () => {
    writeIcbRepository(repo.write)
    repo.write('.pchrc.yaml', 'extends:\n  - ./icb/south.pchrc.yaml\n')
    expectOneLineFailure(
      lint(),
      new RegExp(
        `^pch: Invalid config \\.pchrc\\.yaml:2:5: extends "\\./icb/south\\.pchrc\\.yaml": no such file \\(${path.join(repo.path, 'icb/south.pchrc.yaml').replace(/[.]/g, '\\.')}\\)\n$`,
      ),
    )
  })

  it('a cycle, with every config in it', () => {
    writeIcbRepository(repo.write)
    repo.write('icb/north-east.pchrc.yaml', `extends: [../.pchrc.yaml]\n${SHARED_CONFIG}`)
    expectOneLineFailure(
      lint(),
      /^pch: Invalid config icb\/north-east\.pchrc\.yaml:1:11: extends makes a cycle: \.pchrc\.yaml -> icb\/north-east\.pchrc\.yaml -> \.pchrc\.yaml \(in the extends chain \.pchrc\.yaml -> icb\/north-east\.pchrc\.yaml\)\n$/,
    )
  })

  it('a fault in an extended config: its own line, and the chain that led to it', () => {
    writeIcbRepository(repo.write)
    repo.write('icb/north-east.pchrc.yaml', SHARED_CONFIG.replace('then: { required: [odsCode] }', 'then: { requird: [odsCode] }'))
    expectOneLineFailure(
      lint(),
      /^pch: Invalid config icb\/north-east\.pchrc\.yaml:5:13: local\/acute-partner-has-ods-code: then is not a JSON Schema pch can use: strict mode: unknown keyword: "requird" \(in the extends chain \.pchrc\.yaml -> icb\/north-east\.pchrc\.yaml\)\n$/,
    )
  })

  it('a locked rule stays locked in an extended config', () => {
    writeIcbRepository(repo.write)
    repo.write('icb/north-east.pchrc.yaml', `${SHARED_CONFIG}  population/size-band: off\n`)
    expectOneLineFailure(
      lint(),
      /^pch: Invalid config icb\/north-east\.pchrc\.yaml:9:25: population\/size-band is a compliance rule: it cannot be set to off; .* \(in the extends chain \.pchrc\.yaml -> icb\/north-east\.pchrc\.yaml\)\n$/,
    )
  })

  it("ignore globs are the repository's own: an extended config holding them is a fault", () => {
    writeIcbRepository(repo.write)
    repo.write('icb/north-east.pchrc.yaml', `${SHARED_CONFIG}ignore: ["archive/**"]\n`)
    expectOneLineFailure(
      lint(),
      /^pch: Invalid config icb\/north-east\.pchrc\.yaml:9:1: ignore is the repository's own: an extended config shares rules, registers and limits, not ignore globs \(in the extends chain/,
    )
  })

  it('a package that is not installed', () => {
    writeIcbRepository(repo.write)
    repo.write('.pchrc.yaml', 'extends: ["@ne-icb/pch-rulez"]\n')
    expectOneLineFailure(
      lint(),
      /^pch: Invalid config \.pchrc\.yaml:1:11: extends "@ne-icb\/pch-rulez": no package "@ne-icb\/pch-rulez" in node_modules \(looked in .* and each directory above it\)\n$/,
    )
  })
})
