// An unknown command is a usage error like any other: one line, exit 2, and the nearest command.
import type {Hook} from '@oclif/core'

const hook: Hook<'command_not_found'> = async function (options) {
  const known = options.config.commandIDs
  const guess = known.find((id) => id.startsWith(options.id.slice(0, 3)))
  const hint = guess ? `; did you mean "${guess}"?` : ''
  process.stderr.write(`pch: Unknown command "${options.id}"${hint} (see pch --help)\n`)
  this.exit(2)
}

export default hook
