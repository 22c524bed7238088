// The order oclif's bundle sorts a plugin's command ids in (scripts/bundle-commands.js): localeCompare's, without ICU.
// oclif sorts them with String#localeCompare, whose first call loads ICU's collation data (~4 ms
// of every run). For ids of lowercase ASCII letters, "-" and ":" (every pch id) ICU's root order
// is the order of their code units, so those are compared directly; any other id as oclif does.
'use strict'
const plain = /^[a-z:-]*$/
module.exports = function compareCommandIds(a, b) {
  if (plain.test(a) && plain.test(b)) return a < b ? -1 : a > b ? 1 : 0
  return a.localeCompare(b)
}
