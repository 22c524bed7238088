// nameCase: names from NHS Digital's practice map and the trust register, as people write them.
import {describe, expect, it} from 'vitest'
import {nameCase} from '../../src/rule-api/name-case.js'

describe('nameCase', () => {
  it.each([
    ['THE DENSHAM SURGERY', 'The Densham Surgery'],
    ['STOCKTON PCN', 'Stockton PCN'],
    ['MCKENZIE HOUSE SURGERY', 'McKenzie House Surgery'],
    ["ST. MARY'S SURGERY", "St. Mary's Surgery"],
    ['DRS LAMBERT & NG', 'Drs Lambert & NG'],
    ['GOSFORTH MEMORIAL MED.CTR', 'Gosforth Memorial Med.Ctr'],
    ['DRS RAUT AND THOUFEEQ', 'Drs Raut and Thoufeeq'],
    ['HULL BEVAN LTD PCN', 'Hull Bevan Ltd PCN'],
    ["THE SALTAIRE & WINDHILL MEDICAL P'SHIP", "The Saltaire & Windhill Medical P'ship"],
    ['AL-WAQAS MEDICAL CENTRE', 'Al-Waqas Medical Centre'],
    ['THE LEICESTER FOXES PCN', 'The Leicester Foxes PCN'],
    ["TRAMWAYS MEDICAL CENTRE (O'CONNELL)", "Tramways Medical Centre (O'Connell)"],
    ['BIRTLEY, OXFORD TERR & RAWLING RD PCN', 'Birtley, Oxford Terr & Rawling Rd PCN'],
    ['BARNET 5 PCN', 'Barnet 5 PCN'],
    ['SWB PCN 1', 'SWB PCN 1'],
    ['WILLINGHAM-BY-STOW SURGERY', 'Willingham-by-Stow Surgery'],
    ['STOCKTON-ON-TEES', 'Stockton-on-Tees'],
    ['NEWCASTLE UPON TYNE', 'Newcastle upon Tyne'],
    ['4TH AVENUE SURGERY', '4th Avenue Surgery'],
    ['(THE) HEALTH CENTRE', '(The) Health Centre'],
    ['MACCLESFIELD PCN', 'Macclesfield PCN'],
    ['POOLE HOSPITAL NHS FOUNDATION TRUST', 'Poole Hospital NHS Foundation Trust'],
    ["GUY'S AND ST THOMAS' NHS FOUNDATION TRUST", "Guy's and St Thomas' NHS Foundation Trust"],
    ['NHS NORTH EAST AND NORTH CUMBRIA INTEGRATED CARE BOARD', 'NHS North East and North Cumbria Integrated Care Board'],
    ['Cumbria and North East', 'Cumbria and North East'],
  ])('%s -> %s', (name, cased) => {
    expect(nameCase(name)).toBe(cased)
  })
})
