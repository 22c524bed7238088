// Shared check of the "a partner of sector X" rules: the sectors come from the schema's thresholds.
import {defineRule, type RuleMeta} from '../../rule-api/rule.js'
import {partnerSectors} from '../../rule-api/site.js'

/** A rule that fires when no partner's sector is among `params.sectors`. */
export function sectorPartnerRule(meta: RuleMeta, message: string) {
  return defineRule({
    meta,
    messages: {missing: message},
    check({data, params, report}) {
      const wanted = params.sectors as string[]
      const sectors = partnerSectors(data)
      if (!sectors || wanted.some((sector) => sectors.has(sector))) return
      report({path: '/spec/workforce/partners', messageId: 'missing', data: {sectors: wanted}})
    },
  })
}
