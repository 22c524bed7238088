// `pch import --map MAP.csv --list-sizes ALL.csv --dir DIR`: one definition per network of NHS Digital's practice-to-PCN map.
import {Flags} from '@oclif/core'
import {PchCommand} from '../cli/base.js'

export default class Import extends PchCommand {
  static override summary = "Scaffold one definition per Primary Care Network from NHS Digital's practice map and list sizes."
  static override description =
    'Reads the practice-to-PCN map (gp-reg-pat-prac-map.csv, either header generation) and the registered-patient totals ' +
    '(gp-reg-pat-prac-all.csv) and writes <dir>/<id>.pch.yaml for each network: its real practices, names, list sizes and commissioner; ' +
    'partners, budget and care are left as TODO placeholders that pch lint reports. Never overwrites a file; all files are written together, atomically.'
  static override flags = {
    map: Flags.string({summary: "NHS Digital's practice-to-PCN map (gp-reg-pat-prac-map.csv).", required: true, helpValue: 'CSV'}),
    'list-sizes': Flags.string({
      summary: "NHS Digital's registered patients per practice (gp-reg-pat-prac-all.csv).",
      required: true,
      helpValue: 'CSV',
    }),
    dir: Flags.string({summary: 'Directory to write the definitions in (created if missing).', required: true, helpValue: 'DIR'}),
    pcn: Flags.string({
      summary: 'Only this network (PCN code; repeat, or separate with commas).',
      multiple: true,
      multipleNonGreedy: true,
      helpValue: 'CODE',
    }),
    icb: Flags.string({
      summary: 'Only the networks this ICB commissions (repeat, or separate with commas).',
      multiple: true,
      multipleNonGreedy: true,
      helpValue: 'CODE',
    }),
    'dry-run': Flags.boolean({summary: 'List what would be written; write nothing.'}),
    schema: Flags.string({
      summary: "Path or URL for the yaml-language-server $schema modeline (default: the installed package's bundled schema).",
      helpValue: 'PATH',
    }),
    today: Flags.string({summary: 'Date to use as today (YYYY-MM-DD), for the cohort year.', helpValue: 'DATE', hidden: true}),
    debug: Flags.boolean({hidden: true}),
  }
  static override examples = [
    '<%= config.bin %> import --map gp-reg-pat-prac-map.csv --list-sizes gp-reg-pat-prac-all.csv --dir sites/',
    '<%= config.bin %> import --map gp-reg-pat-prac-map.csv --list-sizes gp-reg-pat-prac-all.csv --dir sites/ --icb QHM --dry-run',
  ]

  async run(): Promise<void> {
    const {flags} = await this.parse(Import)
    this.showStack = flags.debug
    const {runImport} = await import('../import/run-import.js')
    process.exitCode = await runImport(flags)
  }
}
