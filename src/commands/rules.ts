// `pch rules [ID]`: the rule catalogue as a table, or one rule's full documentation.
import {Args, Flags} from '@oclif/core'
import {PchCommand} from '../cli/base.js'

export default class Rules extends PchCommand {
  static override summary = "List the rules, or show one rule's documentation."
  static override description =
    'Without an id: every rule with its characteristic, default severity, whether it is a compliance rule and whether --fix can fix it. ' +
    'With an id: what the rule checks and why, its thresholds and options, and a failing and a passing example. ' +
    "The config's local rules (local/NAME) are listed and shown as the built-in ones are."
  static override args = {
    id: Args.string({description: 'A rule id, e.g. population/size-band.', ignoreStdin: true}),
  }
  static override flags = {
    format: Flags.string({char: 'f', summary: 'Output format.', options: ['table', 'json'], default: 'table'}),
    config: Flags.string({
      char: 'c',
      summary: 'Use this config file (for its local rules) instead of the nearest .pchrc.yaml.',
      helpValue: 'FILE',
    }),
    debug: Flags.boolean({hidden: true}),
  }
  static override examples = [
    '<%= config.bin %> rules',
    '<%= config.bin %> rules population/size-band',
    '<%= config.bin %> rules --format json',
  ]

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Rules)
    this.showStack = flags.debug
    const [{renderRuleDocs, renderRuleTable, ruleDocsJson}, {loadConfig}, {registry}] = await Promise.all([
      import('../formatters/rules-view.js'),
      import('../engine/config/config.js'),
      import('../rules/registry.js'),
    ])
    const rules = registry.ruleSetOf(loadConfig(process.cwd(), flags.config, registry))
    process.stdout.write(
      flags.format === 'json'
        ? ruleDocsJson(rules, args.id)
        : args.id === undefined
          ? renderRuleTable(rules)
          : renderRuleDocs(rules, args.id),
    )
  }
}
