// General (repo scope): each site of a repository has its own id.
import type {RepoRule} from '../../rule-api/rule.js'
import {section, str} from '../../rule-api/site.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 2

const rule: RepoRule = {
  meta: {
    id: 'metadata/duplicate-id',
    characteristic: null,
    severity: 'error',
    compliance: false,
    scope: 'repo',
    fixable: false,
    summary: 'No two definitions share metadata.id',
    docs: {
      description:
        'Reports, exceptions and file names refer to a site by its id, so an id names one site in a repository. ' +
        'Both definitions are reported.',
      failing:
        'metadata: { id: riverside }   # riverside as it is; then a site with the same id:\n' +
        '---\n' +
        'metadata: { id: riverside, name: Riverside East Primary Care Home }\n' +
        'spec:\n' +
        '  population:\n' +
        '    practices:\n' +
        '      - { odsCode: A81005, name: Harbour Surgery, listSize: 24120 }\n' +
        '      - { odsCode: A81006, name: Quay Street Surgery, listSize: 11980 }\n' +
        '  workforce:\n' +
        '    team:\n' +
        '      - { role: Clinical pharmacist, employer: A81005, wte: 2.0 }',
      passing:
        'metadata: { id: riverside }   # riverside as it is; then a site with an id of its own:\n' +
        '---\n' +
        'metadata: { id: riverside-east, name: Riverside East Primary Care Home }\n' +
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
  message: 'Site id "{key}" is also used by {others}',
  collect(data) {
    const id = str(section(data, 'metadata')?.id)
    return id === undefined ? [] : [{key: id, path: '/metadata/id'}]
  },
}

export default rule
