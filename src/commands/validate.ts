// `pch validate`: structure and every compliance rule; what CI gates on.
import {PchCommand} from '../cli/base.js'
import {runCheckCommand} from '../cli/check-command.js'
import {checkFlags, pathsArgs} from '../cli/flags.js'

export default class Validate extends PchCommand {
  static override summary = 'Check PCH definitions against the format and the four characteristics.'
  static override description =
    'Reports structural errors (YAML, schema, format/*) and every compliance rule, with approved exceptions applied. ' +
    'No warnings: see pch lint. Exit 0 when no errors, 1 when any, 2 when the run itself fails.'
  static override strict = false
  static override args = pathsArgs
  static override flags = checkFlags
  static override examples = [
    '<%= config.bin %> validate',
    '<%= config.bin %> validate sites/ --format json',
    'cat site.pch.yaml | <%= config.bin %> validate - --stdin-filename site.pch.yaml',
  ]

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Validate)
    this.showStack = flags.debug
    process.exitCode = await runCheckCommand('validate', argv as string[], flags, {version: this.config.version, argv: this.argv})
  }
}
