// Characteristic 4 (repo scope): a practice belongs to one PCH, so no patient is counted twice.
import type {RepoRule} from '../../rule-api/rule.js'
import {entries, population, str} from '../../rule-api/site.js'

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
      failing: '# riverside.pch.yaml\npractices: [{ odsCode: A81001, ... }]\n# harbour.pch.yaml\npractices: [{ odsCode: A81001, ... }]',
      passing: '# riverside.pch.yaml\npractices: [{ odsCode: A81001, ... }]\n# harbour.pch.yaml\npractices: [{ odsCode: A81005, ... }]',
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
