// Injected into the CommonJS bundles (scripts/bundle-commands.js): `import.meta.url` of the source,
// which a CommonJS module does not have, as the bundle's own URL. Every bundle sits one folder below
// dist/, like the modules tsc writes, so URLs relative to it reach the same files.
import {pathToFileURL} from 'node:url'

export const importMetaUrl = pathToFileURL(__filename).href
