// Lint rules, including the architecture's import boundaries: src/shared is pure, the domain
// core and its CLI/host adapters never import Electron, and the renderer reaches nothing but
// its API client.
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'worker_threads']

// The page and the preload never validate: their values come from shared/vocabulary and
// shared/methods, types from anywhere. A value imported from a schema module would load zod and
// build every schema at each start.
const schemaModules = {
  group: ['zod', '**/shared/api', '**/shared/domain', '**/shared/market'],
  allowTypeImports: true,
  message: 'Import types only from the schema modules; values from shared/vocabulary or shared/methods (zod stays out of the page and the preload).'
}

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='openExternal']", message: 'Never open URLs from data: notes and sources are untrusted text.' }
      ]
    }
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'react', 'react-dom', ...nodeBuiltins], message: 'src/shared is pure TypeScript.' }] }]
    }
  },
  {
    files: ['src/main/core/**/*.ts', 'src/main/cli/**/*.ts', 'src/main/host/**/*.ts', 'src/main/paths.ts', 'src/main/csp.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The domain core and its CLI/host adapters run on plain Node.' }] }]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', ...nodeBuiltins, '**/main/**', '**/preload/**'], message: 'The renderer talks to the core only through api/client.' },
            schemaModules
          ]
        }
      ]
    }
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [schemaModules] }] }
  },
  {
    // Tests may build inputs with the schemas.
    files: ['src/renderer/**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' }
  }
)
