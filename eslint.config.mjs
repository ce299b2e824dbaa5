// Lint: typescript-eslint's recommended rules, React hooks rules for the pages,
// and the import boundaries of docs/architecture.md — lib/ is the domain and
// imports no framework or server code; app/ never reaches into server/.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const serverImports = {
  group: ['**/server/**', '@/server/**'],
  message: 'lib/ and app/ do not import server/: register what they need in lib/runtime.',
};

export default tseslint.config(
  { ignores: ['node_modules/**', '.next/**', 'prisma/generated/**', 'data/**', 'next-env.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['app/**/*.tsx', 'app/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            serverImports,
            { group: ['next', 'next/*', 'next-auth', 'next-auth/*'], message: 'lib/ is the domain: no Next.js imports.' },
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'lib/ is the domain: no React imports.' },
            { group: ['**/app/**', '@/app/**'], message: 'lib/ does not import app/.' },
            { group: ['socket.io', 'socket.io/*', 'ws'], message: 'lib/ has no socket objects: realtime lives in server/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['app/**/*.ts', 'app/**/*.tsx', 'proxy.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [serverImports] }] },
  },
);
