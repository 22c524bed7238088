// `pch schema --out DIR`: the schema files as pch uses them, and the bundle, each written atomically.
import {mkdirSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {UsageError} from '../engine/io/load.js'
import {SCHEMA_DIR} from '../rule-api/schemas.js'
import {attempt, writeFileAtomic} from '../engine/io/write.js'

export function writeSchemaFiles(dir: string, bundle: string): string[] {
  try {
    attempt(dir, () => mkdirSync(dir, {recursive: true}))
    const written: string[] = []
    for (const name of readdirSync(SCHEMA_DIR)
      .filter((n) => n.endsWith('.schema.json'))
      .sort()) {
      writeFileAtomic(path.join(dir, name), readFileSync(new URL(name, SCHEMA_DIR)))
      written.push(path.join(dir, name))
    }
    writeFileAtomic(path.join(dir, 'pch.bundle.schema.json'), bundle)
    written.push(path.join(dir, 'pch.bundle.schema.json'))
    return written
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}
