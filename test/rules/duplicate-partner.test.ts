import {edit, lineOf, riverside} from '../helpers.js'
import {ruleTable} from '../rule-tester.js'

const base = riverside()
const mh = lineOf(base, 'id: riverside-mh')
const acute = lineOf(base, 'id: riverside-acute')
const cvs = lineOf(base, 'id: riverside-cvs')

ruleTable('workforce/duplicate-partner', {
  valid: [
    {name: 'riverside: five distinct ids', code: base},
    {
      name: 'partners sharing a name but not an id',
      code: edit(base, ['name: Riverside Mental Health NHS Foundation Trust', 'name: Riverside Community Health NHS Trust']),
    },
    {name: 'partners sharing an odsCode but not an id', code: edit(base, ['odsCode: RX2', 'odsCode: RX1'])},
    {name: "an id that is not text is the schema's to report", code: edit(base, ['id: riverside-mh', 'id: 42'])},
  ],
  invalid: [
    {
      name: "an id repeated: at the second occurrence's value",
      code: edit(base, ['id: riverside-mh', 'id: riverside-community']),
      errors: [{at: `workforce/duplicate-partner@${mh}:13-${mh}:32`, messageId: 'twice', data: {id: 'riverside-community', first: 1}}],
    },
    {
      name: 'an id three times: each repeat reported',
      code: edit(base, ['id: riverside-mh', 'id: riverside-community'], ['id: riverside-cvs', 'id: riverside-community']),
      errors: [
        {at: `workforce/duplicate-partner@${mh}:13-${mh}:32`, messageId: 'twice', data: {id: 'riverside-community', first: 1}},
        {at: `workforce/duplicate-partner@${cvs}:13-${cvs}:32`, messageId: 'twice', data: {id: 'riverside-community', first: 1}},
      ],
    },
    {
      name: 'two separate pairs',
      code: edit(base, ['id: riverside-mh', 'id: riverside-community'], ['id: riverside-cvs', 'id: riverside-acute']),
      errors: [
        {at: `workforce/duplicate-partner@${mh}:13-${mh}:32`, messageId: 'twice', data: {id: 'riverside-community', first: 1}},
        {at: `workforce/duplicate-partner@${cvs}:13-${cvs}:28`, messageId: 'twice', data: {id: 'riverside-acute', first: 3}},
      ],
    },
    {
      name: "a later partner reusing a risk-share party's id",
      code: edit(base, ['id: riverside-council', 'id: riverside-acute']),
      errors: [
        {
          at: `workforce/duplicate-partner@${lineOf(base, 'id: riverside-council')}:13-${lineOf(base, 'id: riverside-council')}:28`,
          messageId: 'twice',
          data: {id: 'riverside-acute', first: 3},
        },
      ],
    },
    {
      name: 'repeated ids that are not text: schema only, no crash',
      code: edit(base, ['id: riverside-mh', 'id: 42'], ['id: riverside-acute', 'id: 42']),
      errors: [`schema@${mh}:13`, `schema@${acute}:13`],
    },
    {
      name: 'a partner entry that is not a mapping: schema only, no crash',
      code: edit(base, [/      - id: riverside-cvs\n(.*\n){3}/, '      - riverside-cvs\n']),
      errors: [`schema@${cvs}:9`],
    },
  ],
})
