// `pch sync-list-sizes --from CSV`: bring list sizes and population.asOf up to date from NHS Digital's extract.
import {Flags} from '@oclif/core'
import {PchCommand} from '../cli/base.js'
import {pathsArgs} from '../cli/flags.js'

export default class SyncListSizes extends PchCommand {
  static override summary = "Update practices' list sizes and population.asOf from NHS Digital's registered-patients CSV."
  static override description =
    'Reads a "Patients Registered at a GP Practice" totals file (gp-reg-pat-prac-all.csv, either header generation) and rewrites only ' +
    "each practice's listSize and population.asOf, keeping every other byte. Practices not in the extract are named and left as they were; population.asOf and population.source " +
    'move to the extract only for a site whose every practice it holds. For each site it shows the population and band before and after, ' +
    'and the budget total against capitation x the new population (budget/capitation-mismatch). A file dated after the extract is named ' +
    'and left (exit 1) unless --allow-older. A definition that cannot be read or parsed is named and nothing is written (exit 2). ' +
    '--check writes nothing and exits 1 when any file is out of date; --dry-run prints the changes as a patch.'
  static override strict = false
  static override args = pathsArgs
  static override flags = {
    from: Flags.string({summary: 'The NHS Digital CSV to read.', required: true, helpValue: 'CSV'}),
    check: Flags.boolean({summary: 'Write nothing; exit 1 when any file is out of date (for CI).', exclusive: ['dry-run']}),
    'dry-run': Flags.boolean({summary: 'Print the changes as a patch; write nothing.'}),
    'update-budget': Flags.boolean({summary: 'Rewrite budget.total to capitation x the new population, for sites without contributions.'}),
    'allow-older': Flags.boolean({
      summary: "Use an extract older than a file's population.asOf (otherwise that file is named and left; exit 1).",
    }),
    config: Flags.string({
      char: 'c',
      summary: 'Use this config file (for its ignore globs) instead of the nearest .pchrc.yaml.',
      helpValue: 'FILE',
    }),
    debug: Flags.boolean({hidden: true}),
  }
  static override examples = [
    '<%= config.bin %> sync-list-sizes --from gp-reg-pat-prac-all.csv sites/',
    '<%= config.bin %> sync-list-sizes --from gp-reg-pat-prac-all.csv sites/ --check',
    '<%= config.bin %> sync-list-sizes --from gp-reg-pat-prac-all.csv sites/ --update-budget',
  ]

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(SyncListSizes)
    this.showStack = flags.debug
    const {runSync} = await import('../sync/run-sync.js')
    process.exitCode = await runSync(argv as string[], flags)
  }
}
