// What the two trust register rules share: the trust partners (the sectors of workforce/ods-code-format)
// with a code, each with its register entry, and the partner named as the messages name it.
import type {TrustEntry} from '../../rule-api/types.js'
import {nameCase} from '../../rule-api/name-case.js'
import {thresholds} from '../../rule-api/schemas.js'
import type {RuleContext} from '../../rule-api/rule.js'
import {nameOf, partnersWithCode} from '../../rule-api/site.js'

/** Trust partners with an odsCode and what the register says of it (undefined: not in it); none without a register. */
export function trustPartners({data, trusts}: Pick<RuleContext, 'data' | 'trusts'>): Array<{
  path: string
  code: string
  partner: string
  entry: TrustEntry | undefined
  name: string
}> {
  if (!trusts) return []
  const sectors = thresholds('workforce/ods-code-format').sectors as string[]
  return partnersWithCode(data, sectors).map(({index, partner, code}) => {
    const entry = trusts.get(code)
    return {
      path: `/spec/workforce/partners/${index}/odsCode`,
      code,
      partner: nameOf(partner, index),
      entry,
      name: entry ? nameCase(entry.name) : '',
    }
  })
}
