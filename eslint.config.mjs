// Lint rules whose main job is to keep the process boundaries: shared/ is pure, renderer/ talks only to the API.
import tseslint from 'typescript-eslint';

const noElectron = { name: 'electron', message: 'Business logic and the renderer must run without Electron.' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'test-results/**', 'bench/.cache/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.base],
    rules: {
      'no-debugger': 'error',
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name=/^(only|skip)$/][callee.object.name=/^(it|describe|test)$/]", message: 'No focused or skipped tests.' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron, { name: 'better-sqlite3', message: 'shared/ holds pure rules; the database lives in electron/core.' }],
        patterns: [
          { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process'], message: 'shared/ runs in the renderer too: no Node modules.' },
          { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing of the app.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron, { name: 'better-sqlite3', message: 'The renderer reaches data only through the API.' }],
        patterns: [
          { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process'], message: 'The renderer is sandboxed: no Node modules.' },
          { group: ['**/electron/**'], message: 'The renderer talks to the main process only through the typed API in shared/api.' },
        ],
      }],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts', 'electron/host/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron],
        patterns: [{ group: ['**/renderer/**', '**/electron/main/**'], message: 'The core does not depend on a shell.' }],
      }],
    },
  },
);
