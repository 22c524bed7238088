// The rule registry: every rule of rules.md, in catalogue order. Adding a rule = one file + one line here.
import type {Rule, RuleMeta} from './rule.js'
import {structuralRules} from './structural.js'
import sizeBand from './population/size-band.js'
import duplicatePractice from './population/duplicate-practice.js'
import secondaryCarePartner from './workforce/secondary-care-partner.js'
import socialCarePartner from './workforce/social-care-partner.js'
import duplicatePartner from './workforce/duplicate-partner.js'
import capitationMismatch from './budget/capitation-mismatch.js'
import riskShareRequired from './budget/risk-share-required.js'
import riskSharesSum from './budget/risk-shares-sum.js'
import riskShareParties from './budget/risk-share-parties.js'
import personalisationRequired from './care/personalisation-required.js'
import outcomesRequired from './care/outcomes-required.js'

/** Rules with a check of their own (file scope). */
export const rules: readonly Rule[] = [
  sizeBand,
  duplicatePractice,
  secondaryCarePartner,
  socialCarePartner,
  duplicatePartner,
  capitationMismatch,
  riskShareRequired,
  riskSharesSum,
  riskShareParties,
  personalisationRequired,
  outcomesRequired,
]

/** Every rule id users can meet, structural ones included. */
export const catalogue: readonly RuleMeta[] = [...structuralRules, ...rules.map((rule) => rule.meta)]

const byId = new Map(catalogue.map((meta) => [meta.id, meta]))

export function ruleMeta(id: string): RuleMeta | undefined {
  return byId.get(id)
}
