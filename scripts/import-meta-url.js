// Injected into the CommonJS bundles (scripts/bundle-commands.js): `import.meta.url` of the source,
// which a CommonJS module does not have, as the bundle's own URL (the base from which the dist-urls
// plugin of scripts/bundle-commands.js finds each source's own place in dist/).
import {pathToFileURL} from 'node:url'

export const importMetaUrl = pathToFileURL(__filename).href
