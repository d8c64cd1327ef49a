import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';

// Apps never import each other; libs never import apps (architecture §6).
// Test code may also use libs/testing.
const depConstraints = (testing) => {
  const extra = testing ? ['type:testing'] : [];
  return [
    { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', ...extra] },
    { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', ...extra] },
    { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
    { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', ...extra] },
    { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', ...extra] },
    { sourceTag: 'scope:project-intake', onlyDependOnLibsWithTags: ['scope:project-intake', 'scope:shared'] },
    { sourceTag: 'scope:commitment-approval', onlyDependOnLibsWithTags: ['scope:commitment-approval', 'scope:shared'] },
    { sourceTag: 'scope:standard-land', onlyDependOnLibsWithTags: ['scope:standard-land', 'scope:shared'] },
    { sourceTag: 'scope:agency', onlyDependOnLibsWithTags: ['scope:agency', 'scope:shared'] },
    { sourceTag: 'scope:notifications', onlyDependOnLibsWithTags: ['scope:notifications', 'scope:shared'] },
    { sourceTag: 'scope:system', onlyDependOnLibsWithTags: ['scope:shared'] },
    { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:shared'] },
  ];
};
const boundaries = (testing) => ['error', { enforceBuildableLibDependency: false, allow: [], depConstraints: depConstraints(testing) }];
const TEST_FILES = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/*.fault-spec.ts', '**/test/**/*.ts', '**/bench/**/*.ts', 'apps/system-e2e/**/*.ts'];

export default [
  { ignores: ['**/dist', '**/node_modules', '**/.nx', 'deploy/local/.run', 'tmp'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', 'apps/console/**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(false),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
  // The console's React code: the rules of hooks (and the React Compiler's checks) of eslint-plugin-react-hooks' recommended set.
  {
    ...reactHooks.configs.flat.recommended,
    files: ['apps/console/**/*.tsx', 'apps/console/src/**/*.ts'],
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: TEST_FILES,
    rules: {
      '@nx/enforce-module-boundaries': boundaries(true),
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
