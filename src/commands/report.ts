// `pch report`: compliance across a programme, for the people who run it.
import {Flags} from '@oclif/core'
import {PchCommand} from '../cli/base.js'
import {pathsArgs} from '../cli/flags.js'

export default class Report extends PchCommand {
  static override summary = 'Report compliance with the four characteristics across a programme of sites.'
  static override description =
    'For each site: its key figures and, for each of the four characteristics, met / not met / met by exception, with the findings ' +
    'and exception reasons behind them; then the programme. Exit 0 when the report was produced, whatever the compliance ' +
    '(--fail-on-noncompliance: exit 1 when any site does not meet all four), 2 when the run itself fails.'
  static override strict = false
  static override args = pathsArgs
  static override flags = {
    format: Flags.string({
      char: 'f',
      summary: 'Report format (default: table on a terminal, markdown otherwise).',
      options: ['table', 'markdown', 'html', 'json', 'csv'],
    }),
    by: Flags.string({summary: 'What a CSV row is: a site (default) or a commissioner (ICB).', options: ['site', 'commissioner']}),
    output: Flags.string({char: 'o', summary: 'Write the report to FILE (atomically).', helpValue: 'FILE'}),
    'fail-on-noncompliance': Flags.boolean({summary: 'Exit 1 when any site does not meet all four characteristics (or cannot be read).'}),
    today: Flags.string({summary: 'Date to use as today (YYYY-MM-DD).', helpValue: 'DATE'}),
    config: Flags.string({char: 'c', summary: 'Use this config file instead of the nearest .pchrc.yaml.', helpValue: 'FILE'}),
    compare: Flags.string({
      summary: 'Show what changed since an earlier report: give its --format json output.',
      description:
        'Sites and characteristics that became met or not met, new and resolved findings, sites added and removed, population and band movement; in every format.',
      helpValue: 'PREVIOUS.json',
    }),
    color: Flags.boolean({summary: 'Colour the table (default: when standard output is a terminal).', allowNo: true}),
    debug: Flags.boolean({hidden: true}),
  }
  static override examples = [
    '<%= config.bin %> report sites/',
    '<%= config.bin %> report sites/ --format html --output report.html',
    '<%= config.bin %> report sites/ --format csv > sites.csv',
    '<%= config.bin %> report sites/ --format csv --by commissioner > icbs.csv',
    '<%= config.bin %> report sites/ --format html --compare last-month.json -o report.html',
  ]

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Report)
    this.showStack = flags.debug
    const {runReport} = await import('../cli/run-report.js')
    process.exitCode = await runReport(argv as string[], flags)
  }
}
