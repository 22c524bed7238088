// `pch lsp --stdio`: the Language Server Protocol server, for any LSP editor (src/lsp/server.ts).
import {Flags} from '@oclif/core'
import {PchCommand} from '../cli/base.js'
import {checkFlags} from '../cli/flags.js'
import {UsageError} from '../engine/io/load.js'
import {checkToday} from '../engine/pipeline/today.js'

export default class Lsp extends PchCommand {
  static override summary = 'Run the pch language server (LSP 3.17) on standard input and output, for editors.'
  static override description =
    'The diagnostics of pch lint as a person types (rule id as the code, exact ranges, the repo-wide rules across the workspace ' +
    'folders, the nearest .pchrc.yaml), quick fixes, "disable for the next line" for advisory rules, and the rules\' documentation on hover. ' +
    'An editor starts it; see the README for VS Code, Neovim, Helix and Emacs.'
  static override flags = {
    stdio: Flags.boolean({summary: 'Speak LSP over standard input and output (the one transport).'}),
    today: checkFlags.today,
    // What LSP clients add to a server's command line (vscode-languageclient does).
    clientProcessId: Flags.integer({hidden: true}),
    debug: Flags.boolean({hidden: true}),
  }
  static override examples = ['<%= config.bin %> lsp --stdio']

  async run(): Promise<void> {
    const {flags} = await this.parse(Lsp)
    this.showStack = flags.debug
    if (!flags.stdio) throw new UsageError('lsp needs --stdio: an editor starts it and speaks LSP over standard input and output')
    const today = flags.today === undefined ? undefined : checkToday(flags.today)
    const {startServer} = await import('../lsp/server.js')
    startServer({version: this.config.version, ...(today === undefined ? {} : {today})})
    // The server ends the process itself (on exit, or when its input ends).
    await new Promise<never>(() => {})
  }
}
