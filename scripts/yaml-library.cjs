// The entry of dist/lib/yaml.cjs (scripts/bundle-commands.js): the yaml library as one file, which
// src/rule-api/lazy.ts loads instead of its modules.
module.exports = require('yaml')
