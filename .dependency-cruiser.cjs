// The layering of src/ (README "Architecture"), enforced by `npm run lint:deps`: no cycle, no upward import.
//   commands (and hooks) -> cli -> features (init, report, sync, import, lsp, formatters; index.ts on top)
//   -> engine -> rule-api; rules -> rule-api. Type-only imports count too: a type is a dependency.
const FEATURES = '(init|report|sync|import|lsp|formatters)'

// Each layer's own folder, and what lies above it (what it may not import).
const layer = (name, from, above, comment) => ({
  name,
  comment,
  severity: 'error',
  from: {path: from},
  to: {path: above, dependencyTypesNot: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'core']},
})

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle ties its modules into one: neither can be understood, tested or loaded without the other.',
      severity: 'error',
      from: {},
      to: {circular: true},
    },
    layer(
      'rule-api-is-the-floor',
      '^src/rule-api/',
      '^src/(?!rule-api/)',
      'The rule API is the lowest layer: rules and the engine both stand on it, so it imports nothing of src/ but itself.',
    ),
    layer(
      'rules-see-the-rule-api',
      '^src/rules/',
      `^src/(engine|cli|commands|hooks|${FEATURES})/|^src/index\\.ts$`,
      'A rule sees the rule API (types, INVALID, thresholds, helpers), never the engine or what stands on it.',
    ),
    layer(
      'engine-has-rules-handed-in',
      '^src/engine/',
      `^src/(rules|cli|commands|hooks|${FEATURES})/|^src/index\\.ts$`,
      "The engine is handed its rules (a RuleCatalogue) by its caller, as ESLint's Linter is; it knows no registry and no feature.",
    ),
    layer(
      'features-below-the-cli',
      `^src/${FEATURES}/`,
      '^src/(cli|commands|hooks)/|^src/index\\.ts$',
      'A feature is a library the CLI and the API call: it never reaches up into the shell that calls it.',
    ),
    layer(
      'cli-below-the-commands',
      '^src/cli/',
      '^src/(commands|hooks)/',
      'Shared command code serves the thin commands; a command is a leaf.',
    ),
    layer(
      'commands-are-leaves',
      '^src/(commands|hooks)/',
      '^src/(commands|hooks)/',
      'oclif loads each command on its own (bundled one by one): a command importing another drags its bundle in.',
    ),
  ],
  options: {
    doNotFollow: {path: 'node_modules'},
    includeOnly: '^src/',
    tsPreCompilationDeps: true,
    tsConfig: {fileName: 'tsconfig.json'},
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js'],
    },
    reporterOptions: {text: {highlightFocused: true}},
  },
}
