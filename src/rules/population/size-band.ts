// Characteristic 4: the registered population is within the band the schema sets (30,000-50,000).
import {defineRule} from '../../rule-api/rule.js'
import {population, registeredPopulation} from '../../rule-api/site.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 1

export default defineRule({
  meta: {
    id: 'population/size-band',
    characteristic: 4,
    severity: 'error',
    compliance: true,
    scope: 'file',
    fixable: false,
    summary: 'The registered population (sum of list sizes) is between {minimum} and {maximum}',
    docs: {
      description:
        'A PCH cares for a defined, registered population of between 30,000 and 50,000 people: large enough to ' +
        'hold a unified budget and an integrated team, small enough for one team to know its population. The ' +
        "population is the sum of the member practices' list sizes. The band lives in schemas/population.schema.json.",
      failing:
        'spec:\n' +
        '  population:\n' +
        '    practices:\n' +
        '      - { odsCode: A81001, name: Riverside Surgery, listSize: 14250 }\n' +
        '      - { odsCode: A81002, name: Bridge Street Medical Centre, listSize: 11980 }   # 26,230 in all\n' +
        '  budget:\n' +
        '    total: 4196800   # 160.00 x 26,230\n' +
        '    contributions:\n' +
        '      - { source: ICB core capitation, amount: 4196800 }',
      passing:
        'spec:\n' +
        '  population:\n' +
        '    practices:\n' +
        '      - { odsCode: A81001, name: Riverside Surgery, listSize: 14250 }\n' +
        '      - { odsCode: A81002, name: Bridge Street Medical Centre, listSize: 11980 }\n' +
        '      - { odsCode: A81004, name: Meadow Lane Practice, listSize: 9870 }   # 36,100 in all',
    },
  },
  messages: {
    below: 'Registered population {population} is below {minimum} (band {minimum}-{maximum})',
    above: 'Registered population {population} is above {maximum} (band {minimum}-{maximum})',
  },
  check({data, params, report}) {
    if (!population(data)) return
    const total = registeredPopulation(data)
    if (total === undefined) return
    const minimum = Number(params.minimum)
    const maximum = Number(params.maximum)
    const messageId = total < minimum ? 'below' : total > maximum ? 'above' : undefined
    if (messageId) report({path: '/spec/population/practices', messageId, data: {population: total, minimum, maximum}})
  },
})
