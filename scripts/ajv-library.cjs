// The entry of dist/lib/ajv.cjs (scripts/bundle-commands.js): ajv's draft 2020-12 class and
// ajv-formats as one file, which src/rule-api/lazy.ts loads instead of their ~60 modules.
module.exports = {Ajv2020: require('ajv/dist/2020.js').Ajv2020, addFormats: require('ajv-formats').default}
