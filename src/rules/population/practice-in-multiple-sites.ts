// Characteristic 4 (repo scope): a practice belongs to one PCH, so no patient is counted twice.
import type {RepoRule} from '../../rule-api/rule.js'
import {entries, population, str} from '../../rule-api/site.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 8

const rule: RepoRule = {
  meta: {
    id: 'population/practice-in-multiple-sites',
    characteristic: 4,
    severity: 'error',
    compliance: true,
    scope: 'repo',
    fixable: false,
    summary: 'A practice is a member of one site only',
    docs: {
      description:
        'Each registered patient belongs to one PCH population and one capitated budget, so a practice is a ' +
        'member of one site. Checked across every file of a run; both sites are reported.',
      failing:
        'metadata: { id: riverside }   # riverside as it is; then a site that also claims A81001:\n' +
        '---\n' +
        'metadata: { id: harbour, name: Harbour Primary Care Home }\n' +
        'spec:\n' +
        '  population:\n' +
        '    practices:\n' +
        '      - { odsCode: A81001, name: Riverside Surgery, listSize: 14250 }\n' +
        '      - { odsCode: A81005, name: Harbour Surgery, listSize: 21850 }',
      passing:
        'metadata: { id: riverside }   # riverside as it is; then a site of its own practices:\n' +
        '---\n' +
        'metadata: { id: harbour, name: Harbour Primary Care Home }\n' +
        'spec:\n' +
        '  population:\n' +
        '    practices:\n' +
        '      - { odsCode: A81005, name: Harbour Surgery, listSize: 24120 }\n' +
        '      - { odsCode: A81006, name: Quay Street Surgery, listSize: 11980 }\n' +
        '  workforce:\n' +
        '    team:\n' +
        '      - { role: Clinical pharmacist, employer: A81005, wte: 2.0 }',
    },
  },
  message: 'Practice {key} is also a member of {others}',
  collect(data) {
    const seen = new Set<string>()
    const claims: Array<{key: string; path: string}> = []
    for (const [index, practice] of entries(population(data)?.practices)) {
      const code = str(practice.odsCode)
      if (code === undefined || seen.has(code)) continue
      seen.add(code)
      claims.push({key: code, path: `/spec/population/practices/${index}/odsCode`})
    }
    return claims
  },
}

export default rule
