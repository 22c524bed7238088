// `pch init [ID]`: a new site definition from a template, by flags (--yes for CI) or by prompts.
import {Args, Flags} from '@oclif/core'
import {PchCommand} from '../cli/base.js'

export default class Init extends PchCommand {
  static override summary = 'Create a new site definition <ID>.pch.yaml from a template.'
  static override description =
    'Asks for what the flags do not give when run in a terminal; with --yes (or in CI, with every answer given as a flag) it never asks. ' +
    'The file passes pch validate whenever the answers meet the four characteristics; otherwise it is still written, and init shows what validate will say. ' +
    'It never overwrites a file without --force.'
  static override args = {
    id: Args.string({
      description: 'Site id (a slug such as riverside); the file is <dir>/<id>.pch.yaml. Default: from --name.',
      ignoreStdin: true,
    }),
  }
  static override flags = {
    name: Flags.string({summary: 'Site name, e.g. "Riverside Primary Care Home".'}),
    template: Flags.string({summary: 'Which template.', options: ['minimal', 'standard', 'full'], default: 'standard'}),
    practice: Flags.string({
      summary: 'A member practice, CODE:NAME:LISTSIZE (repeat for each).',
      multiple: true,
      multipleNonGreedy: true,
      helpValue: 'CODE:NAME:LISTSIZE',
    }),
    partner: Flags.string({
      summary: 'A partner organisation, ID:SECTOR:NAME (repeat for each).',
      multiple: true,
      multipleNonGreedy: true,
      helpValue: 'ID:SECTOR:NAME',
    }),
    capitation: Flags.string({summary: 'Capitation per patient per year, in GBP (default 160).', helpValue: 'GBP'}),
    pcn: Flags.string({
      summary: 'Fill the practices, list sizes, name and commissioner from this network (PCN code) of --map and --list-sizes.',
      helpValue: 'CODE',
      exclusive: ['practice'],
    }),
    map: Flags.string({summary: "NHS Digital's practice-to-PCN map (gp-reg-pat-prac-map.csv), with --pcn.", helpValue: 'CSV'}),
    'list-sizes': Flags.string({
      summary: "NHS Digital's registered patients per practice (gp-reg-pat-prac-all.csv), with --pcn.",
      helpValue: 'CSV',
    }),
    dir: Flags.string({summary: 'Directory to write the file in (created if missing).', default: '.', helpValue: 'DIR'}),
    schema: Flags.string({
      summary: "Path or URL for the yaml-language-server $schema modeline (default: the installed package's bundled schema).",
      helpValue: 'PATH',
    }),
    yes: Flags.boolean({char: 'y', summary: 'Take the default for every answer no flag gives; never prompt.'}),
    force: Flags.boolean({summary: 'Overwrite an existing file (atomically).'}),
    today: Flags.string({
      summary: 'Date to use as today (YYYY-MM-DD), for the list-size date and the budget year.',
      helpValue: 'DATE',
      hidden: true,
    }),
    debug: Flags.boolean({hidden: true}),
  }
  // Each pastes into a shell as it is shown: a value with a space is quoted (test/e2e/init.test.ts runs them).
  static override examples = [
    {description: 'In a terminal: ask for every answer, checking each as it is typed.', command: '<%= config.bin %> init'},
    {
      description: 'Every answer as a flag, for scripts and CI.',
      command:
        '<%= config.bin %> init riverside --name "Riverside Primary Care Home" --practice "A81001:Riverside Surgery:14250" --practice "A81002:Bridge Street:21850" ' +
        '--partner "riverside-acute:acute:Riverside Hospitals" --partner "riverside-council:social-care:Riverside City Council" --yes',
    },
    {
      description: 'The defaults for everything no flag gives, in the full template.',
      command: '<%= config.bin %> init harbour --template full --dir sites --yes',
    },
  ]

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Init)
    this.showStack = flags.debug
    const {runInit} = await import('../init/run-init.js')
    process.exitCode = await runInit(args.id, flags)
  }
}
