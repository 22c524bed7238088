// Flags shared by the commands that check definitions (validate, lint): declared once.
import {Flags} from '@oclif/core'
import {FORMATS} from '../formatters/index.js'

export const checkFlags = {
  format: Flags.string({
    char: 'f',
    summary: 'Output format.',
    description: 'stylish for people; json for machines. With GITHUB_ACTIONS=true the default is github (when available).',
    options: [...FORMATS],
  }),
  output: Flags.string({char: 'o', summary: 'Write the report to FILE (atomically) instead of standard output.', helpValue: 'FILE'}),
  quiet: Flags.boolean({char: 'q', summary: 'Report errors only.'}),
  today: Flags.string({summary: 'Date to use as today for date-dependent rules (YYYY-MM-DD).', helpValue: 'DATE'}),
  color: Flags.boolean({summary: 'Colour the output (default: when standard output is a terminal and NO_COLOR is unset).', allowNo: true}),
  'stdin-filename': Flags.string({summary: 'Name to use for standard input (-) in messages.', helpValue: 'NAME'}),
  debug: Flags.boolean({summary: 'Show the stack trace of an internal error.', hidden: true}),
}
