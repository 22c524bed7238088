// The rule registry: every rule of rules.md, in catalogue order. Adding a rule = one file + one line here.
import type {FindingsRule, RepoRule, Rule, RuleMeta} from '../rule-api/rule.js'
import {structuralRules} from './structural.js'
import disableDirective from './disable-directive.js'
import unusedDisableDirective from './unused-disable-directive.js'
import sizeBand from './population/size-band.js'
import duplicatePractice from './population/duplicate-practice.js'
import practiceInMultipleSites from './population/practice-in-multiple-sites.js'
import nearBandEdge from './population/near-band-edge.js'
import staleListSizes from './population/stale-list-sizes.js'
import singlePractice from './population/single-practice.js'
import practiceNotInRegister from './population/practice-not-in-register.js'
import practiceNotActive from './population/practice-not-active.js'
import secondaryCarePartner from './workforce/secondary-care-partner.js'
import socialCarePartner from './workforce/social-care-partner.js'
import duplicatePartner from './workforce/duplicate-partner.js'
import unknownEmployer from './workforce/unknown-employer.js'
import voluntarySectorPartner from './workforce/voluntary-sector-partner.js'
import mentalHealthPartner from './workforce/mental-health-partner.js'
import odsCodeFormat from './workforce/ods-code-format.js'
import partnerNotInRegister from './workforce/partner-not-in-register.js'
import partnerClosed from './workforce/partner-closed.js'
import capitationMismatch from './budget/capitation-mismatch.js'
import riskShareRequired from './budget/risk-share-required.js'
import riskSharesSum from './budget/risk-shares-sum.js'
import riskShareParties from './budget/risk-share-parties.js'
import unknownParty from './budget/unknown-party.js'
import periodOrder from './budget/period-order.js'
import contributionsSum from './budget/contributions-sum.js'
import gainOnly from './budget/gain-only.js'
import uncappedLoss from './budget/uncapped-loss.js'
import periodExpired from './budget/period-expired.js'
import periodLength from './budget/period-length.js'
import personalisationRequired from './care/personalisation-required.js'
import outcomesRequired from './care/outcomes-required.js'
import targetDirection from './care/target-direction.js'
import duplicateOutcome from './care/duplicate-outcome.js'
import targetDate from './care/target-date.js'
import needsAssessment from './care/needs-assessment.js'
import widerDeterminants from './care/wider-determinants.js'
import duplicateId from './metadata/duplicate-id.js'
import fileName from './metadata/file-name.js'
import unusedException from './metadata/unused-exception.js'

/** Rules that check one document. */
export const documentRules: readonly Rule[] = [
  sizeBand,
  duplicatePractice,
  nearBandEdge,
  staleListSizes,
  singlePractice,
  practiceNotInRegister,
  practiceNotActive,
  secondaryCarePartner,
  socialCarePartner,
  duplicatePartner,
  unknownEmployer,
  voluntarySectorPartner,
  mentalHealthPartner,
  odsCodeFormat,
  partnerNotInRegister,
  partnerClosed,
  capitationMismatch,
  riskShareRequired,
  riskSharesSum,
  riskShareParties,
  unknownParty,
  periodOrder,
  contributionsSum,
  gainOnly,
  uncappedLoss,
  periodExpired,
  periodLength,
  personalisationRequired,
  outcomesRequired,
  targetDirection,
  duplicateOutcome,
  targetDate,
  needsAssessment,
  widerDeterminants,
  fileName,
]

/** Rules that see every file of a run. */
export const repoRules: readonly RepoRule[] = [practiceInMultipleSites, duplicateId]

/** Rules the engine evaluates from the other findings of a document. */
export const findingsRules: readonly FindingsRule[] = [unusedException, disableDirective, unusedDisableDirective]

const SECTIONS = ['population', 'workforce', 'budget', 'care', 'metadata', 'lint']

function byCatalogueOrder(a: RuleMeta, b: RuleMeta): number {
  return SECTIONS.indexOf(a.id.split('/')[0]!) - SECTIONS.indexOf(b.id.split('/')[0]!)
}

/** Every rule id users can meet, in the order of rules.md (structural first). */
export const catalogue: readonly RuleMeta[] = [
  ...structuralRules,
  ...[...documentRules, ...repoRules, ...findingsRules].map((rule) => rule.meta).sort(byCatalogueOrder),
]

const byId = new Map(catalogue.map((meta) => [meta.id, meta]))

export function ruleMeta(id: string): RuleMeta | undefined {
  return byId.get(id)
}
