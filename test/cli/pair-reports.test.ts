// Which report goes where: --output belongs to the --format written before it.
import {afterEach, describe, expect, it} from 'vitest'
import {pairReports} from '../../src/cli/check-command.js'

const pair = (...argv: string[]): ReturnType<typeof pairReports> => {
  const formats: string[] = []
  const outputs: string[] = []
  argv.forEach((arg, i) => {
    if (arg === '-f' || arg === '--format') formats.push(argv[i + 1]!)
    if (arg === '-o' || arg === '--output') outputs.push(argv[i + 1]!)
  })
  return pairReports(argv, formats, outputs)
}

afterEach(() => {
  delete process.env.GITHUB_ACTIONS
})

describe('pairReports', () => {
  it.each<[string[], ReturnType<typeof pairReports>]>([
    [[], [{format: 'stylish'}]],
    [['-f', 'json'], [{format: 'json'}]],
    [['-o', 'out.txt'], [{format: 'stylish', file: 'out.txt'}]],
    [
      ['-f', 'stylish', '-f', 'sarif', '-o', 'pch.sarif'],
      [{format: 'stylish'}, {format: 'sarif', file: 'pch.sarif'}],
    ],
    [
      ['-f', 'junit', '-o', 'pch.xml', '-f', 'stylish'],
      [{format: 'junit', file: 'pch.xml'}, {format: 'stylish'}],
    ],
    [
      ['-o', 'a.json', '-f', 'json', '-f', 'junit', '-o', 'b.xml'],
      [
        {format: 'json', file: 'a.json'},
        {format: 'junit', file: 'b.xml'},
      ],
    ],
    [['sites', '--format', 'json', '--output', 'r.json', 'more'], [{format: 'json', file: 'r.json'}]],
  ])('%j', (argv, expected) => {
    expect(pair(...argv)).toEqual(expected)
  })

  it('understands --format=X and -fX spellings', () => {
    expect(pairReports(['--format=junit', '--output=pch.xml', '-fstylish'], ['junit', 'stylish'], ['pch.xml'])).toEqual([
      {format: 'junit', file: 'pch.xml'},
      {format: 'stylish'},
    ])
  })

  it('defaults to github annotations in GitHub Actions, unless a format is given; a file gets stylish', () => {
    process.env.GITHUB_ACTIONS = 'true'
    expect(pair()).toEqual([{format: 'github'}])
    expect(pair('-f', 'json')).toEqual([{format: 'json'}])
    expect(pair('-o', 'report.txt')).toEqual([{format: 'stylish', file: 'report.txt'}])
  })

  it.each([
    [['-f', 'json', '-f', 'junit'], 'Only one --format can go to standard output: give the others an --output FILE each'],
    [['-f', 'json', '-o', 'a', '-o', 'b'], '--output b has no --format before or after it'],
    [['-o', 'a', '-o', 'b'], '--output b has no --format before or after it'],
  ])('refuses %j', (argv, message) => {
    expect(() => pair(...argv)).toThrow(message)
  })
})
