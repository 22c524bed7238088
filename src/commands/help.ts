// `pch help [COMMAND]`: the same help as `pch COMMAND --help` (oclif's help class), for those who type it first.
import {Args, loadHelpClass} from '@oclif/core'
import {PchCommand} from '../cli/base.js'
import {UsageError} from '../engine/io/load.js'
import {didYouMean} from '../rule-api/suggest.js'

export default class Help extends PchCommand {
  static override summary = 'Show the help of pch or of one command.'
  static override strict = false
  static override args = {
    command: Args.string({description: 'A command, e.g. validate.', ignoreStdin: true}),
  }
  static override examples = ['<%= config.bin %> help', '<%= config.bin %> help validate']

  async run(): Promise<void> {
    const {argv} = await this.parse(Help)
    const [id] = argv as string[]
    if (id !== undefined && !this.config.findCommand(id))
      throw new UsageError(`Unknown command "${id}"${didYouMean(id, this.config.commandIDs)} (see pch --help)`)
    const HelpClass = await loadHelpClass(this.config)
    await new HelpClass(this.config).showHelp(argv as string[])
  }
}
