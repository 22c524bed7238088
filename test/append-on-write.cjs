// Preloaded (--require) by the output-layer tests: the first fsync of a temp file (after pch read
// every file, before any rename) appends a line to PCH_TEST_APPEND_TO, as another process would.
const fs = require('node:fs')
const {syncBuiltinESMExports} = require('node:module')
const original = fs.fsyncSync
let done = false
fs.fsyncSync = function (fd) {
  if (!done && process.env.PCH_TEST_APPEND_TO) {
    done = true
    fs.appendFileSync(process.env.PCH_TEST_APPEND_TO, '# a line another process added\n')
  }
  return original.call(this, fd)
}
syncBuiltinESMExports()
