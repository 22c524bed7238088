// An ICB's repository for the local-rule tests: two sites; a config that extends the ICB's shared
// config (a file) and a shared package (in node_modules), and makes one inherited local rule an error.
import {edit, riverside} from '../helpers.js'

export const SHARED_CONFIG = `rules:
  local/acute-partner-has-ods-code:
    given: /spec/workforce/partners/*
    where: { properties: { sector: { const: acute } }, required: [sector] }
    then: { required: [odsCode] }
    message: "Acute partner {{value.name}} has no ODS code"
    characteristic: 2
    docs: Every acute partner is linked to its trust record by its ODS code.
`

export const PACKAGE_CONFIG = `rules:
  local/capitation-floor:
    given: /spec/budget/capitation/annualPerPatient
    then: { minimum: 165 }
    message: "Capitation is £{{value}} a patient; the ICB's floor is £165"
    characteristic: 3
`

export const ICB_CONFIG = `extends: [./icb/north-east.pchrc.yaml, "@ne-icb/pch-rules"]
rules:
  local/acute-partner-has-ods-code: error
`

/** Riverside without its acute partner's ODS code (line 40 is that partner; capitation moves to line 67). */
export const riversideWithoutCode = (): string => edit(riverside(), [/        odsCode: RX3\n/, ''])
/** Another site, whole: only the package's capitation floor fires (line 68). */
export const meadow = (): string =>
  edit(riverside(), ['  id: riverside ', '  id: meadow '], ['name: Riverside Primary Care Home', 'name: Meadow PCH']).replace(
    /A8100(\d)/g,
    'B8100$1',
  )

/** Writes the repository with `write(name, content)` (a temp directory's writer). */
export function writeIcbRepository(write: (name: string, content: string) => unknown): void {
  write('icb/north-east.pchrc.yaml', SHARED_CONFIG)
  write('node_modules/@ne-icb/pch-rules/.pchrc.yaml', PACKAGE_CONFIG)
  write('.pchrc.yaml', ICB_CONFIG)
  write('sites/riverside.pch.yaml', riversideWithoutCode())
  write('sites/meadow.pch.yaml', meadow())
}
