// Flags shared by the commands that check definitions (validate, lint): declared once.
import {Args, Flags} from '@oclif/core'
import {FORMATS} from '../formatters/index.js'

/** The PATHS argument of the commands that check definitions. */
export const pathsArgs = {
  // Piped input is read only for the path - (never taken as paths, as oclif would by default).
  paths: Args.string({
    description: 'Files, directories (searched for *.pch.yaml / *.pch.yml), globs, or - for stdin. Default: .',
    ignoreStdin: true,
  }),
}

export const checkFlags = {
  format: Flags.string({
    char: 'f',
    summary: 'Output format; repeat it, each with an --output, for several reports in one run.',
    description:
      'stylish for people; json for machines; junit and sarif for CI dashboards and code scanning; github for GitHub Actions annotations. ' +
      'Default: stylish, or github when GITHUB_ACTIONS=true. The n-th --output receives the n-th --format; one format may go to standard output.',
    options: [...FORMATS],
    multiple: true,
    multipleNonGreedy: true,
  }),
  output: Flags.string({
    char: 'o',
    summary: 'Write the report to FILE (atomically) instead of standard output; pairs with the --format at the same position.',
    helpValue: 'FILE',
    multiple: true,
    multipleNonGreedy: true,
  }),
  quiet: Flags.boolean({char: 'q', summary: 'Report errors only.'}),
  'max-warnings': Flags.integer({
    summary: 'Exit 1 when there are more warnings than this (validate reports none).',
    min: 0,
    helpValue: 'N',
  }),
  today: Flags.string({summary: 'Date to use as today for date-dependent rules (YYYY-MM-DD).', helpValue: 'DATE'}),
  color: Flags.boolean({summary: 'Colour the output (default: when standard output is a terminal and NO_COLOR is unset).', allowNo: true}),
  config: Flags.string({char: 'c', summary: 'Use this config file instead of the nearest .pchrc.yaml.', helpValue: 'FILE'}),
  'stdin-filename': Flags.string({summary: 'Name to use for standard input (-) in messages.', helpValue: 'NAME'}),
  debug: Flags.boolean({summary: 'Show the stack trace of an internal error.', hidden: true}),
  cache: Flags.boolean({
    summary: 'Check again only the files that changed since the last --cache run; results are the same as without it.',
  }),
  'cache-location': Flags.string({
    summary: 'Directory of the --cache files.',
    description: 'Default: node_modules/.cache/pch in the working directory.',
    helpValue: 'DIR',
  }),
  concurrency: Flags.string({
    summary: 'Threads that check files: off (the default), auto, or a number.',
    description:
      'off checks in one thread, with the least memory; auto uses one thread per core, on 3 cores or more, when there are enough files to gain from it (about 400 a thread), each worker thread adding about 30 MB. Output is the same whatever the number.',
    helpValue: 'N|auto|off',
  }),
  baseline: Flags.string({
    summary: 'With --format sarif: mark each result new, unchanged, updated or absent against this earlier SARIF log of pch.',
    description:
      'Results are matched by their partialFingerprints (rule, file, JSON Pointer, document and the message), not by line, so a finding whose line moved stays unchanged.',
    helpValue: 'PREVIOUS.sarif',
  }),
}

/** Flags of lint only. */
export const lintFlags = {
  ...checkFlags,
  fix: Flags.boolean({
    summary: 'Fix format/number and format/ods-code findings in place (atomically), then report what remains.',
    exclusive: ['fix-dry-run'],
  }),
  'fix-dry-run': Flags.boolean({summary: 'Print a diff of what --fix would change; write nothing.'}),
  ods: Flags.string({summary: 'Check practices against this ODS register extract (epraccur.csv).', helpValue: 'FILE'}),
  trusts: Flags.string({summary: 'Check trust partners against this ODS register of NHS trusts (etr.csv).', helpValue: 'FILE'}),
  'suppress-all': Flags.boolean({
    summary: 'Record every finding of the advisory rules in the suppressions file, so that only new ones are reported.',
    description: 'Compliance and structural findings are never suppressed: an approved exception accepts a compliance finding.',
    exclusive: ['suppress-rule', 'prune-suppressions'],
  }),
  'suppress-rule': Flags.string({
    summary: 'Record the findings of this rule in the suppressions file; repeat it for several rules.',
    helpValue: 'ID',
    multiple: true,
    multipleNonGreedy: true,
    exclusive: ['prune-suppressions'],
  }),
  'prune-suppressions': Flags.boolean({summary: 'Remove the suppressions that no longer occur from the suppressions file.'}),
  'suppressions-location': Flags.string({
    summary: 'The suppressions file to read and write.',
    description:
      'Default: pch-suppressions.json beside the config file, else in the working directory. Its paths are relative to its own directory.',
    helpValue: 'FILE',
  }),
}
