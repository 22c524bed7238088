import {edit, lineOf, riverside} from '../helpers.js'
import {ruleTable} from '../rule-tester.js'

// riverside: 160.00 x 36,100 registered patients = 5,776,000; 1 % of that is 57,760.
const base = riverside()
const total = lineOf(base, 'total: 5776000')
const perPatient = lineOf(base, 'annualPerPatient:')
const weightedLine = lineOf(base, '# weightedPopulation: 38900')

// basis: weighted, 38,900 weighted patients: 160.00 x 38,900 = 6,224,000; 1 % is 62,240.
const weighted = (weightedPopulation = '38900'): Array<[string, string]> => [
  ['basis: registered', 'basis: weighted'],
  ['# weightedPopulation: 38900', `weightedPopulation: ${weightedPopulation}`],
]
const setTotal = (value: string): [string, string] => ['total: 5776000', `total: ${value}`]

ruleTable('budget/capitation-mismatch', {
  valid: [
    {name: 'riverside: 160.00 x 36,100 = 5,776,000', code: base},
    {name: 'exactly 1 % above', code: edit(base, setTotal('5833760'))},
    {name: 'exactly 1 % below', code: edit(base, setTotal('5718240'))},
    {name: 'weighted: 160.00 x 38,900 = 6,224,000', code: edit(base, ...weighted(), setTotal('6224000'))},
    {name: 'weighted: exactly 1 % above', code: edit(base, ...weighted(), setTotal('6286240'))},
    {
      name: 'weighted: the registered population does not count',
      code: edit(base, ...weighted(), setTotal('6224000'), ['listSize: 14250', 'listSize: 15250']),
    },
    {
      name: 'registered: a weightedPopulation given is ignored',
      code: edit(base, ['# weightedPopulation: 38900', 'weightedPopulation: 50000']),
    },
    {
      name: "a list size that is not a number: population unknown, the schema's to report",
      code: edit(base, ['listSize: 14250', 'listSize: lots']),
    },
  ],
  invalid: [
    {
      name: 'just over 1 % above: at the total',
      code: edit(base, setTotal('5833761')),
      errors: [
        {
          at: `budget/capitation-mismatch@${total}:12-${total}:19`,
          messageId: 'mismatch',
          data: {total: 5833761, tolerance: 1, perPatient: 160, population: 36100, expected: 5776000, basis: 'registered'},
        },
      ],
    },
    {
      name: 'a penny over 1 % above',
      code: edit(base, setTotal('5833760.01')),
      errors: [
        {
          at: `budget/capitation-mismatch@${total}:12-${total}:22`,
          messageId: 'mismatch',
          data: {total: 5833760.01, tolerance: 1, perPatient: 160, population: 36100, expected: 5776000, basis: 'registered'},
        },
      ],
    },
    {
      name: 'just over 1 % below',
      code: edit(base, setTotal('5718239')),
      errors: [
        {
          at: `budget/capitation-mismatch@${total}:12-${total}:19`,
          messageId: 'mismatch',
          data: {total: 5718239, tolerance: 1, perPatient: 160, population: 36100, expected: 5776000, basis: 'registered'},
        },
      ],
    },
    {
      name: 'the population changed (still in band) and the total not',
      code: edit(base, ['listSize: 14250', 'listSize: 15250']),
      errors: [
        {
          at: `budget/capitation-mismatch@${total}:12-${total}:19`,
          messageId: 'mismatch',
          data: {total: 5776000, tolerance: 1, perPatient: 160, population: 37100, expected: 5936000, basis: 'registered'},
        },
      ],
    },
    {
      name: 'the amount per patient changed and the total not',
      code: edit(base, ['annualPerPatient: 160.00', 'annualPerPatient: 170.00']),
      errors: [
        {
          at: `budget/capitation-mismatch@${total}:12-${total}:19`,
          messageId: 'mismatch',
          data: {total: 5776000, tolerance: 1, perPatient: 170, population: 36100, expected: 6137000, basis: 'registered'},
        },
      ],
    },
    {
      name: 'weighted basis uses weightedPopulation: a total for the registered population fails',
      code: edit(base, ...weighted()),
      errors: [
        {
          at: `budget/capitation-mismatch@${total}:12-${total}:19`,
          messageId: 'mismatch',
          data: {total: 5776000, tolerance: 1, perPatient: 160, population: 38900, expected: 6224000, basis: 'weighted'},
        },
      ],
    },
    {
      name: 'weighted: just over 1 % above',
      code: edit(base, ...weighted(), setTotal('6286241')),
      errors: [
        {
          at: `budget/capitation-mismatch@${total}:12-${total}:19`,
          messageId: 'mismatch',
          data: {total: 6286241, tolerance: 1, perPatient: 160, population: 38900, expected: 6224000, basis: 'weighted'},
        },
      ],
    },
    {
      name: 'a "15,250" list size is read as 15,250: format/number, and the total no longer matches',
      code: edit(base, ['listSize: 14250', 'listSize: "15,250"']),
      errors: [
        `format/number@${lineOf(base, 'listSize: 14250')}:19`,
        {
          at: `budget/capitation-mismatch@${total}:12-${total}:19`,
          messageId: 'mismatch',
          data: {total: 5776000, tolerance: 1, perPatient: 160, population: 37100, expected: 5936000, basis: 'registered'},
        },
      ],
    },
    {
      name: 'a "£160.00" amount per patient is read as 160 (format/number only)',
      code: edit(base, ['annualPerPatient: 160.00', 'annualPerPatient: "£160.00"']),
      errors: [`format/number@${perPatient}:25`],
    },
    {
      name: 'a "5,776,000" total is read as 5,776,000 (format/number only)',
      code: edit(base, setTotal('"5,776,000"')),
      errors: [`format/number@${total}:12`],
    },
    {
      name: 'a "38,900" weighted population is read as 38,900 (format/number only)',
      code: edit(base, ...weighted('"38,900"'), setTotal('6224000')),
      errors: [`format/number@${weightedLine}:27`],
    },
    {
      name: 'a total that is not a number: schema only, no crash',
      code: edit(base, setTotal('lots')),
      errors: [`schema@${total}:12`],
    },
    {
      name: 'an amount per patient that is not a number: schema only, no crash',
      code: edit(base, ['annualPerPatient: 160.00', 'annualPerPatient: lots']),
      errors: [`schema@${perPatient}:25`],
    },
    {
      name: 'a weighted population that is not a number: schema only, no crash',
      code: edit(base, ...weighted('many')),
      errors: [`schema@${weightedLine}:27`],
    },
    {
      name: 'an amount per patient of 0 (out of range): schema only, not also a mismatch',
      code: edit(base, ['annualPerPatient: 160.00', 'annualPerPatient: 0']),
      errors: [`schema@${perPatient}:25`],
    },
    {
      name: 'a weighted population of 0 (out of range): schema only, not also a mismatch',
      code: edit(base, ...weighted('0')),
      errors: [`schema@${weightedLine}:27`],
    },
    {
      name: 'weighted without weightedPopulation: schema only (at the capitation key), no crash',
      code: edit(base, ['basis: registered', 'basis: weighted']),
      errors: [`schema@${lineOf(base, 'capitation:')}:5`],
    },
    {
      name: 'capitation that is not a mapping: schema only, no crash',
      code: edit(base, [/    capitation:\n.*\n.*\n.*\n/, '    capitation: per head\n']),
      errors: [`schema@${lineOf(base, 'capitation:')}:17`],
    },
  ],
})
