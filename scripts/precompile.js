// Build step: the validators every run needs, as ajv standalone code (no schema compiled at run time).
import {writeFileSync} from 'node:fs'
import {precompiledSource} from '../dist/rule-api/schemas.js'

writeFileSync(new URL('../dist/engine/validators.cjs', import.meta.url), precompiledSource())
