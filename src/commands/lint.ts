// `pch lint`: everything validate does, plus every other rule, repo-wide checks, config, --fix.
import {PchCommand} from '../cli/base.js'
import {runCheckCommand} from '../cli/check-command.js'
import {lintFlags, pathsArgs} from '../cli/flags.js'

export default class Lint extends PchCommand {
  static override summary = 'Check PCH definitions against every rule, across the whole repository.'
  static override description =
    'Everything validate reports, plus the advisory rules, the repo-wide rules (a practice in two sites, two sites with one id), ' +
    'the config file (.pchrc.yaml), inline # pch-disable-next-line comments, and --fix. ' +
    'Exit 0 when no errors (and warnings within --max-warnings), 1 otherwise, 2 when the run itself fails.'
  static override strict = false
  static override args = pathsArgs
  static override flags = lintFlags
  static override examples = [
    '<%= config.bin %> lint',
    '<%= config.bin %> lint sites/ --max-warnings 0',
    '<%= config.bin %> lint sites/ --fix',
    '<%= config.bin %> lint sites/ --today 2026-11-01 --format json',
  ]

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Lint)
    this.showStack = flags.debug
    process.exitCode = await runCheckCommand('lint', argv as string[], flags, {version: this.config.version, argv: this.argv})
  }
}
