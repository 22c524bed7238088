// One network of the practice map joined to the list-size extract: what import writes and init --pcn asks
// with. Practices the extract does not hold are named and left out; no size is ever invented.
import {slugify, type Practice} from '../init/answers.js'
import {extractSource, type ListSizeExtract} from '../sync/extract.js'
import type {MapPractice, Network} from './map.js'

export interface JoinedNetwork {
  network: Network
  /** metadata.id: a slug of the network's code and name ("u89141-stockton-pcn"). */
  id: string
  practices: Practice[]
  /** Practices of the map the extract does not hold (closed, merged, or newer than the extract). */
  missing: MapPractice[]
  population: number
  /** population.asOf and population.source. */
  listSizes: {asOf: string; source: string}
}

export function joinNetwork(network: Network, extract: ListSizeExtract, extractFile: string): JoinedNetwork {
  const practices: Practice[] = []
  const missing: MapPractice[] = []
  for (const practice of network.practices) {
    const listSize = extract.sizes.get(practice.code)
    if (listSize === undefined) missing.push(practice)
    else practices.push({odsCode: practice.code, name: practice.name, listSize})
  }
  return {
    network,
    id: slugify(`${network.code} ${network.name}`),
    practices,
    missing,
    population: practices.reduce((sum, p) => sum + p.listSize, 0),
    listSizes: {asOf: extract.asOf, source: extractSource(extract.asOf, extractFile)},
  }
}
