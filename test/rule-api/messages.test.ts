// Message templates: each placeholder filled from the data, styled, or left as written when the data lacks it.
import {describe, expect, it} from 'vitest'
import {formatMessage} from '../../src/rule-api/messages.js'

describe('formatMessage', () => {
  const cases: Array<[template: string, data: Record<string, unknown>, expected: string]> = [
    ['no placeholder', {}, 'no placeholder'],
    ['', {}, ''],
    ['{population}', {population: 28400}, '28,400'],
    [
      'Registered population {population} is below {minimum}',
      {population: 28400, minimum: 30000},
      'Registered population 28,400 is below 30,000',
    ],
    ['{a}{b}', {a: 'x', b: 'y'}, 'xy'],
    ['£{value:money} a patient', {value: 160.5}, '££160.50 a patient'],
    ['{share:percent} of the risk', {share: 12.5}, '12.5 % of the risk'],
    ['{missing} stays', {}, '{missing} stays'],
    ['{missing:money} stays too', {}, '{missing:money} stays too'],
    ['{ notAPlaceholder } {x}', {x: 1}, '{ notAPlaceholder } 1'],
    ['{sectors}', {sectors: ['acute', 'community-health', 'voluntary']}, 'acute, community-health or voluntary'],
    ['{x} and {x} again', {x: 'same'}, 'same and same again'],
    ['{{value}}', {value: 'v'}, '{v}'],
  ]
  it.each(cases)('%j with %j', (template, data, expected) => {
    expect(formatMessage(template, data as never)).toBe(expected)
    // The second time comes from the template's parts, split once: the same text.
    expect(formatMessage(template, data as never)).toBe(expected)
  })
})
