// Characteristic 2 (with --trusts): a trust partner's code is one the ODS register of NHS trusts holds.
import {defineRule} from '../../rule-api/rule.js'
import {trustPartners} from './trust-register.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 8

export default defineRule({
  meta: {
    id: 'workforce/partner-not-in-register',
    characteristic: 2,
    severity: 'error',
    compliance: false,
    scope: 'file',
    fixable: false,
    summary: "Each trust partner's code is in the ODS register of NHS trusts (only with --trusts or trusts: in .pchrc.yaml)",
    docs: {
      description:
        "A community-health, mental-health or acute partner's odsCode that the ODS register of NHS trusts (etr.csv) does not hold " +
        'is mistyped or not an NHS trust. Checked only when a register is given: pch lint --trusts etr.csv, or trusts: in .pchrc.yaml.',
      failing:
        'spec:\n' +
        '  workforce:\n' +
        '    partners:\n' +
        '      - { id: riverside-community, name: Riverside Community Health NHS Trust, sector: community-health, odsCode: RX1 }\n' +
        '      - { id: riverside-mh, name: Riverside Mental Health NHS Foundation Trust, sector: mental-health, odsCode: RX2 }\n' +
        '      - { id: riverside-acute, name: Riverside Hospitals NHS Foundation Trust, sector: acute, odsCode: RZZ }   # not in the register\n' +
        '      - { id: riverside-council, name: Riverside City Council Adult Social Care, sector: social-care }\n' +
        '      - { id: riverside-cvs, name: Riverside Council for Voluntary Service, sector: voluntary }',
      passing:
        'spec:\n' +
        '  workforce:\n' +
        '    partners:\n' +
        '      - { id: riverside-community, name: Riverside Community Health NHS Trust, sector: community-health, odsCode: RX1 }\n' +
        '      - { id: riverside-mh, name: Riverside Mental Health NHS Foundation Trust, sector: mental-health, odsCode: RX2 }\n' +
        '      - { id: riverside-acute, name: Riverside Hospitals NHS Foundation Trust, sector: acute, odsCode: RX3 }\n' +
        '      - { id: riverside-council, name: Riverside City Council Adult Social Care, sector: social-care }\n' +
        '      - { id: riverside-cvs, name: Riverside Council for Voluntary Service, sector: voluntary }',
    },
  },
  messages: {
    unknown: 'Trust code {code} of partner {partner} is not in the ODS register of NHS trusts: check the code',
  },
  check(context) {
    for (const {path, code, partner, entry} of trustPartners(context)) {
      if (!entry) context.report({path, messageId: 'unknown', data: {code, partner}})
    }
  },
})
