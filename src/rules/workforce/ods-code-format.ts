// Characteristic 2: an NHS trust partner is named by its trust code.
import {matchesSchema, schemaById} from '../../rule-api/schemas.js'
import {defineRule} from '../../rule-api/rule.js'
import {nameOf, partnersWithCode} from '../../rule-api/site.js'

const TRUST_CODE = 'workforce.schema.json#/$defs/trustOdsCode'
/** What a trust code looks like, in the schema's words; read only when a finding needs it. */
const trustCodeDescription = (): string =>
  String((schemaById('workforce.schema.json').$defs as Record<string, {description: string}>).trustOdsCode!.description)

/** Its place in its section of `pch rules` and the README table. */
export const order = 7

export default defineRule({
  meta: {
    id: 'workforce/ods-code-format',
    characteristic: 2,
    severity: 'error',
    compliance: false,
    scope: 'file',
    fixable: false,
    summary: 'A {sectors} partner has an NHS trust code (R or T + 2 characters)',
    docs: {
      description:
        'NHS trusts have ODS codes of three characters starting with R or T (RX1, TAJ). A trust partner with ' +
        "any other code is usually a site code or another organisation's code pasted by mistake.",
      failing:
        'spec:\n' +
        '  workforce:\n' +
        '    partners:\n' +
        '      - { id: riverside-community, name: Riverside Community Health NHS Trust, sector: community-health, odsCode: RX1 }\n' +
        '      - { id: riverside-mh, name: Riverside Mental Health NHS Foundation Trust, sector: mental-health, odsCode: RX2 }\n' +
        '      - { id: riverside-acute, name: Riverside Hospitals NHS Foundation Trust, sector: acute, odsCode: RX301 }\n' +
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
    notTrust: 'ODS code "{code}" of {sector} partner {partner} is not an NHS trust code: expected {expected}',
  },
  check({data, params, report}) {
    for (const {index, partner, code} of partnersWithCode(data, params.sectors as string[])) {
      if (matchesSchema(TRUST_CODE, code)) continue
      report({
        path: `/spec/workforce/partners/${index}/odsCode`,
        messageId: 'notTrust',
        data: {code, sector: String(partner.sector), partner: nameOf(partner, index), expected: trustCodeDescription()},
      })
    }
  },
})
