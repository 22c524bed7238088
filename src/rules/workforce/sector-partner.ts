// Shared check of the "a partner of sector X" rules: the sectors come from the schema's thresholds.
import {defineRule, type RuleMeta} from '../rule.js'
import {knownList, workforce} from '../site.js'

/** A rule that fires when no partner's sector is among `params.sectors`. */
export function sectorPartnerRule(meta: RuleMeta, message: string) {
  return defineRule({
    meta,
    messages: {missing: message},
    check({data, params, report}) {
      const section = workforce(data)
      const wanted = params.sectors as string[]
      const partners = section && knownList(section.partners, 'sector')
      if (!partners || partners.some((p) => wanted.includes(p.sector as string))) return
      report({path: '/spec/workforce/partners', messageId: 'missing', data: {sectors: wanted}})
    },
  })
}
