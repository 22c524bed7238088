// `pch schema`: the bundled JSON Schema on stdout, or every schema file written to a directory.
import {Flags} from '@oclif/core'
import {PchCommand} from '../cli/base.js'

export default class Schema extends PchCommand {
  static override summary = 'Print the JSON Schema of the PCH format, or write every schema file to a directory.'
  static override description =
    'Without flags: one self-contained JSON Schema (draft 2020-12) for editors and other tools, e.g. the yaml-language-server ' +
    'modeline `# yaml-language-server: $schema=pch.schema.json`. With --out DIR: the schema files as pch uses them ' +
    '(one per characteristic, with their x-pch-thresholds), plus the bundled pch.bundle.schema.json.'
  static override flags = {
    out: Flags.string({summary: 'Write every schema file to DIR (created if missing).', helpValue: 'DIR'}),
    debug: Flags.boolean({hidden: true}),
  }
  static override examples = ['<%= config.bin %> schema > pch.schema.json', '<%= config.bin %> schema --out schemas/']

  async run(): Promise<void> {
    const {flags} = await this.parse(Schema)
    this.showStack = flags.debug
    const {bundleSchema} = await import('../engine/schema/bundle.js')
    const text = `${JSON.stringify(bundleSchema(), null, 2)}\n`
    if (flags.out === undefined) {
      process.stdout.write(text)
      return
    }
    const {writeSchemaFiles} = await import('../cli/schema-files.js')
    for (const file of writeSchemaFiles(flags.out, text)) process.stdout.write(`wrote ${file}\n`)
  }
}
