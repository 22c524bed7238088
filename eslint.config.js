// ESLint (flat config): JavaScript's and typescript-eslint's recommended rules over the whole tree.
// Layering is dependency-cruiser's (npm run lint:deps), formatting Prettier's (npm run format:check).
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'src/rules/registry.generated.ts']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {languageOptions: {globals: {...globals.node}}},
  {
    rules: {
      // `_name` marks a parameter or binding kept for its position or to leave it out of a rest.
      // Control characters are what pch neutralises and reports: its patterns name them.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true},
      ],
    },
  },
  {
    // Tests edit YAML by regular expressions that spell its indentation as it is in the file.
    files: ['test/**'],
    rules: {'no-regex-spaces': 'off'},
  },
  {
    // CommonJS files (the dependency-cruiser config, the preloads tests use).
    files: ['**/*.cjs'],
    languageOptions: {sourceType: 'commonjs'},
    rules: {'@typescript-eslint/no-require-imports': 'off'},
  },
)
