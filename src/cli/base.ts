// Base of every pch command: any failure is one line on stderr and exit 2, never a stack trace.
import {Command} from '@oclif/core'
import {forTerminal} from '../formatters/neutralise.js'

export abstract class PchCommand extends Command {
  protected showStack = false

  override async catch(error: Error & {oclif?: {exit?: number}}): Promise<void> {
    if (error.oclif !== undefined) error.message = oclifReason(error.message)
    // oclif puts a parse error's reason on its second line ("Parsing --x\n\tExpected ..."): keep both.
    const lines = (error.message || String(error))
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('See more help'))
    // pch's own failures are one line by design: a line break in it is a name's, shown as \n.
    const own = error.name === 'UsageError' && error.oclif === undefined
    // oclif heads a list of flag conflicts with "The following error occurred:": the list is the reason.
    const listed = lines.length > 1 && lines[0]!.endsWith(':') ? lines.slice(1).join('; ') : undefined
    const first = own
      ? error.message
      : (listed ??
        (lines[0]?.endsWith(' ') || /^Parsing --/.test(lines[0] ?? '') ? lines.slice(0, 2).join(': ') : lines[0]) ??
        'unknown error')
    // The failure is handled here; oclif would otherwise warn that the arguments were never parsed.
    this.parsed = true
    if (error.oclif?.exit === 0) return
    const parseError = error.name !== 'UsageError' && error.oclif !== undefined
    const hint = parseError ? ` (see pch ${this.id ?? ''} --help)`.replace(/ +--help/, ' --help') : ''
    const internal = error.name !== 'UsageError' && error.oclif === undefined
    process.stderr.write(`pch: ${internal ? 'internal error: ' : ''}${forTerminal(first.replace(/^Error: /, ''))}${hint}\n`)
    if (this.showStack || process.argv.includes('--debug')) process.stderr.write(`${error.stack ?? ''}\n`)
    process.exitCode = 2
  }
}

/**
 * oclif heads its parse failures with "The following error occurred:" and names a missing flag
 * without its dashes: the reason, as pch says it ("Missing required flag --from").
 */
function oclifReason(message: string): string {
  return message
    .replace(/^The following errors? occurred:\n/, '')
    .replace(/^(\s*)Missing required flag (\w[\w-]*)$/m, '$1Missing required flag --$2')
}
