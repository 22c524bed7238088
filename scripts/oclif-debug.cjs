// What oclif's bundle gets for `debug` (scripts/bundle-commands.js): the real module only when DEBUG is set.
// Loading debug loads node:tty, node:net and node:stream (~8 ms of every run); with DEBUG unset
// each of its loggers is disabled and prints nothing, so a logger that does nothing is the same.
'use strict'
if (process.env.DEBUG) {
  module.exports = require('debug')
} else {
  const disabled = () => {}
  disabled.enabled = false
  module.exports = () => disabled
}
