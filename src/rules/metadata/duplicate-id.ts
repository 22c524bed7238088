// General (repo scope): each site of a repository has its own id.
import type {RepoRule} from '../../rule-api/rule.js'
import {section, str} from '../../rule-api/site.js'

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
      failing: '# sites/riverside.pch.yaml\nmetadata: { id: riverside }\n# sites/riverside-east.pch.yaml\nmetadata: { id: riverside }',
      passing: '# sites/riverside.pch.yaml\nmetadata: { id: riverside }\n# sites/riverside-east.pch.yaml\nmetadata: { id: riverside-east }',
    },
  },
  message: 'Site id "{key}" is also used by {others}',
  collect(data) {
    const id = str(section(data, 'metadata')?.id)
    return id === undefined ? [] : [{key: id, path: '/metadata/id'}]
  },
}

export default rule
