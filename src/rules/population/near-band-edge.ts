// Characteristic 4 (advisory): a population in band but close to an edge will soon leave it.
import {thresholds} from '../../rule-api/schemas.js'
import {defineRule} from '../../rule-api/rule.js'
import {population, registeredPopulation} from '../../rule-api/site.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 3

export default defineRule({
  meta: {
    id: 'population/near-band-edge',
    characteristic: 4,
    severity: 'warning',
    compliance: false,
    scope: 'file',
    fixable: false,
    summary:
      'The population is within {marginPercent} % of an edge of the {population/size-band.minimum}-{population/size-band.maximum} band',
    docs: {
      description:
        'List sizes move every month. A site within 5 % of an edge of the band (30,000-31,499 or 47,501-50,000) ' +
        'can leave it with the next extract; plan for it before it happens. The margin is an option.',
      failing:
        'spec:\n' +
        '  population:\n' +
        '    practices:\n' +
        '      - { odsCode: A81001, name: Riverside Surgery, listSize: 14250 }\n' +
        '      - { odsCode: A81002, name: Bridge Street Medical Centre, listSize: 11980 }\n' +
        '      - { odsCode: A81004, name: Meadow Lane Practice, listSize: 4570 }   # 30,800 in all\n' +
        '  budget:\n' +
        '    total: 4928000   # 160.00 x 30,800\n' +
        '    contributions:\n' +
        '      - { source: ICB core capitation, amount: 4928000 }',
      passing:
        'spec:\n' +
        '  population:\n' +
        '    practices:\n' +
        '      - { odsCode: A81001, name: Riverside Surgery, listSize: 14250 }\n' +
        '      - { odsCode: A81002, name: Bridge Street Medical Centre, listSize: 11980 }\n' +
        '      - { odsCode: A81004, name: Meadow Lane Practice, listSize: 9870 }   # 36,100 in all',
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {marginPercent: {type: 'number', exclusiveMinimum: 0, maximum: 50}},
    },
  },
  messages: {
    lower: 'Registered population {population} is within {margin:percent} of the lower edge of the band ({minimum}-{maximum})',
    upper: 'Registered population {population} is within {margin:percent} of the upper edge of the band ({minimum}-{maximum})',
  },
  check({data, params, report}) {
    if (!population(data)) return
    const total = registeredPopulation(data)
    const {minimum, maximum} = thresholds('population/size-band') as {minimum: number; maximum: number}
    if (total === undefined || total < minimum || total > maximum) return
    const margin = Number(params.marginPercent)
    const messageId = total < minimum * (1 + margin / 100) ? 'lower' : total > maximum * (1 - margin / 100) ? 'upper' : undefined
    if (messageId) report({path: '/spec/population/practices', messageId, data: {population: total, margin, minimum, maximum}})
  },
})
