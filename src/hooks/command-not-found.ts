// An unknown command is a usage error like any other: one line, exit 2, and the nearest command.
import type {Hook} from '@oclif/core'

const hook: Hook<'command_not_found'> = async function (options) {
  // With a space as topic separator oclif joins the arguments into the id ("valdate:sites").
  const name = options.id.split(':')[0]!
  const guess = options.config.commandIDs.find((id) => id.startsWith(name.slice(0, 3)))
  const hint = guess ? `; did you mean "${guess}"?` : ''
  process.stderr.write(`pch: Unknown command "${name}"${hint} (see pch --help)\n`)
  this.exit(2)
}

export default hook
