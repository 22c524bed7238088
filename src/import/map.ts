// NHS Digital's practice-to-PCN map (gp-reg-pat-prac-map.csv) in both header generations: STP_CODE/STP_NAME
// (to June 2022) and ICB_CODE/ICB_NAME (since July 2022), every EXTRACT_DATE style the extracts use. Networks
// in the map's order of first appearance; practices the map leaves unallocated (PCN code U) counted apart.
import {headerColumns, readCsvFile} from '../engine/io/csv-file.js'
import {UsageError} from '../engine/io/load.js'
import {nameCase} from '../rule-api/name-case.js'
import {matchesSchema} from '../rule-api/schemas.js'
import {extractDateOf} from '../sync/extract.js'

export interface MapPractice {
  code: string
  /** As people write it ("The Densham Surgery"). */
  name: string
  line: number
}

export interface Network {
  code: string
  name: string
  /** The ICB the map gives, when its code is an ICB code (never invented). */
  commissioner?: {name: string; odsCode: string}
  /** The map's commissioner code when it is not an ICB code (then there is no commissioner). */
  otherCommissioner?: string
  practices: MapPractice[]
}

export interface PracticeMap {
  asOf: string
  networks: Network[]
  /** Practices with PCN code U ("Unallocated"): in no network. */
  unallocated: number
}

const REQUIRED = ['EXTRACT_DATE', 'PRACTICE_CODE', 'PRACTICE_NAME', 'PCN_CODE', 'PCN_NAME']
const GENERATIONS = [
  ['STP_CODE', 'STP_NAME'],
  ['ICB_CODE', 'ICB_NAME'],
]
const ICB_CODE = 'common.schema.json#/$defs/icbOdsCode'
const PRACTICE_CODE = 'common.schema.json#/$defs/practiceOdsCode'

export function readPracticeMap(file: string, shown = file): PracticeMap {
  const rows = readCsvFile(file, shown, "NHS Digital's gp-reg-pat-prac-map CSV")
  const {column, generation} = headerColumns(
    rows[0]!,
    {required: REQUIRED, generations: GENERATIONS},
    shown,
    'a "Patients Registered at a GP Practice" practice-to-PCN map',
  )
  const [date, practiceCode, practiceName, pcnCode, pcnName, icbCode, icbName] = [...REQUIRED, ...GENERATIONS[generation]!].map(
    column,
  ) as number[]
  const networks = new Map<string, Network>()
  const seen = new Map<string, number>()
  let asOf: string | undefined
  let unallocated = 0
  for (const {line, cells} of rows.slice(1)) {
    const cell = (index: number | undefined): string => cells[index!]!.trim()
    asOf = extractDateOf(cells[date!]!, asOf, shown, line)
    const code = cell(practiceCode)
    if (!matchesSchema(PRACTICE_CODE, code))
      throw new UsageError(`${shown}:${line}: PRACTICE_CODE "${code}" is not a GP practice code (a capital letter and five digits)`)
    const earlier = seen.get(code)
    if (earlier !== undefined)
      throw new UsageError(`${shown}:${line}: practice ${code} is listed again (first on line ${earlier}); a practice is in one network`)
    seen.set(code, line)
    const network = cell(pcnCode)
    if (network === '') throw new UsageError(`${shown}:${line}: PCN_CODE is empty (the map says U for a practice in no network)`)
    if (network === 'U') {
      unallocated += 1
      continue
    }
    const name = cell(practiceName)
    if (name === '' || cell(pcnName) === '')
      throw new UsageError(`${shown}:${line}: ${name === '' ? 'PRACTICE_NAME' : 'PCN_NAME'} is empty`)
    let entry = networks.get(network)
    if (!entry) {
      const commissioner = cell(icbCode)
      const known = matchesSchema(ICB_CODE, commissioner) && cell(icbName) !== ''
      entry = {
        code: network,
        name: nameCase(cell(pcnName)),
        ...(known
          ? {commissioner: {name: nameCase(cell(icbName)), odsCode: commissioner}}
          : commissioner === ''
            ? {}
            : {otherCommissioner: commissioner}),
        practices: [],
      }
      networks.set(network, entry)
    }
    entry.practices.push({code, name: nameCase(name), line})
  }
  if (asOf === undefined) throw new UsageError(`${shown}:2: no practices; expected NHS Digital's gp-reg-pat-prac-map CSV`)
  return {asOf, networks: [...networks.values()], unallocated}
}
