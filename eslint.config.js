import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import globals from 'globals'

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/data/**',
      '**/test-artifacts/**',
      'apps/server/drizzle/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.ts', '**/*.vue'],
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: {
        parser: tseslint.parser,
        extraFileExtensions: ['.vue'],
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    // Packages are used through their public entry points only.
    files: ['**/*.ts', '**/*.vue'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@hall/*/src/*', '@hall/*/src'], message: 'Import a package by its public name, not a deep path.' }] },
      ],
    },
  },
  {
    // The engine is a pure library: no I/O, no ORM, no UI (DESIGN.md "Purity where it pays").
    files: ['packages/process-engine/src/**/*.ts', 'packages/form-schema/src/**/*.ts'],
    ignores: ['**/*.test.ts', 'packages/process-engine/src/cli/**', 'packages/process-engine/bench/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@hall/*/src/*', '@hall/*/src'], message: 'Import a package by its public name, not a deep path.' },
            { group: ['node:*', 'drizzle-orm', 'drizzle-orm/*', 'vue', 'hono', 'hono/*'], message: 'Engine and form-schema packages stay pure: inject I/O instead.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { ...globals.node } },
  },
)
