// NHS registers write names in capitals ("THE DENSHAM SURGERY"); people write "The Densham Surgery".
// Initialisms (NHS, PCN, GP, letters without a vowel such as SWB) stay in capitals, "&" stays, "St",
// "Dr" and "Rd" read as abbreviations, "McKenzie", "O'Connell", "St Mary's" and "Stockton-on-Tees" as
// people write them. A name that already has lower-case letters was written by a person: kept as it is.

/** Initialisms that hold a vowel, so the no-vowel test alone would not keep them in capitals. */
const INITIALISMS = new Set(['ICB', 'UK', 'APMS', 'AWC', 'NHSE'])
/** Words without a vowel that are abbreviations, not initialisms. */
const ABBREVIATIONS: Record<string, string> = {
  DR: 'Dr',
  DRS: 'Drs',
  ST: 'St',
  RD: 'Rd',
  CTR: 'Ctr',
  CNTR: 'Cntr',
  LTD: 'Ltd',
  GRP: 'Grp',
  HLTH: 'Hlth',
  PTNR: 'Ptnr',
  PTRS: 'Ptrs',
  BLVD: 'Blvd',
  GPS: 'GPs',
  MR: 'Mr',
  MRS: 'Mrs',
}
/** Joining words, in lower case unless they begin the name or a bracket. */
const SMALL = new Set(['and', 'at', 'by', 'de', 'for', 'in', 'la', 'of', 'on', 'the', 'to', 'under', 'upon', 'with'])
const ORDINALS = new Set(['ST', 'ND', 'RD', 'TH'])

export function nameCase(name: string): string {
  if (/[a-z]/.test(name)) return name
  return name.replace(/[A-Z]+(?:'[A-Z]+)?/g, (word, offset: number) => {
    const before = name.slice(0, offset)
    if (/\d$/.test(before) && ORDINALS.has(word)) return word.toLowerCase()
    const opening = !/[A-Z0-9]/.test(before) || /\(\s*$/.test(before)
    return caseWord(word, opening)
  })
}

function caseWord(word: string, opening: boolean): string {
  const [stem = '', suffix] = word.split("'")
  if (suffix !== undefined) {
    // O'CONNELL -> O'Connell; MARY'S -> Mary's; P'SHIP -> P'ship.
    const irish = stem === 'O' || stem === 'D'
    return `${caseWord(stem, opening)}'${irish ? capital(suffix) : suffix.toLowerCase()}`
  }
  if (INITIALISMS.has(word)) return word
  if (ABBREVIATIONS[word]) return ABBREVIATIONS[word]
  if (word.length > 1 && !/[AEIOUY]/.test(word)) return word
  const lower = word.toLowerCase()
  if (!opening && SMALL.has(lower)) return lower
  if (/^MC[A-Z]{2,}$/.test(word)) return `Mc${capital(word.slice(2))}`
  return capital(word)
}

const capital = (word: string): string => `${word.slice(0, 1).toUpperCase()}${word.slice(1).toLowerCase()}`
