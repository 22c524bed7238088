// Base of every pch command: any failure is one line on stderr and exit 2, never a stack trace.
import {Command} from '@oclif/core'

export abstract class PchCommand extends Command {
  protected showStack = false

  override async catch(error: Error & {oclif?: {exit?: number}}): Promise<void> {
    const first = (error.message || String(error)).split('\n').find((line) => line.trim() !== '') ?? 'unknown error'
    // The failure is handled here; oclif would otherwise warn that the arguments were never parsed.
    this.parsed = true
    if (error.oclif?.exit === 0) return
    const parseError = error.name !== 'UsageError' && error.oclif !== undefined
    const hint = parseError ? ` (see pch ${this.id ?? ''} --help)`.replace(/ +--help/, ' --help') : ''
    const internal = error.name !== 'UsageError' && error.oclif === undefined
    process.stderr.write(`pch: ${internal ? 'internal error: ' : ''}${first.replace(/^Error: /, '')}${hint}\n`)
    if (this.showStack || process.argv.includes('--debug')) process.stderr.write(`${error.stack ?? ''}\n`)
    process.exitCode = 2
  }
}
