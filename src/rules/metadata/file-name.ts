// General (advisory): a file is named after the site it defines, so sites are easy to find.
import {defineRule} from '../../rule-api/rule.js'
import {section, str} from '../../rule-api/site.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 1

export default defineRule({
  meta: {
    id: 'metadata/file-name',
    characteristic: null,
    severity: 'warning',
    compliance: false,
    scope: 'file',
    fixable: false,
    summary: 'A single-definition file is named <metadata.id>.pch.yaml',
    docs: {
      description:
        'One site, one file, named after the site: riverside.pch.yaml holds metadata.id riverside (.pch.yml is ' +
        'accepted). Files holding several definitions are exempt.',
      failing: 'metadata:\n  id: riverside-east   # in riverside.pch.yaml',
      passing: 'metadata:\n  id: riverside   # in riverside.pch.yaml',
    },
  },
  messages: {
    name: 'File {file} holds site "{id}": name it {id}.pch.yaml',
  },
  check({data, file, report}) {
    const id = str(section(data, 'metadata')?.id)
    if (id === undefined || file.name === undefined || file.documents !== 1) return
    const base = file.name.split('/').pop()!
    if (base !== `${id}.pch.yaml` && base !== `${id}.pch.yml`) report({path: '/metadata/id', messageId: 'name', data: {file: base, id}})
  },
})
