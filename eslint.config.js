// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const platformModules = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'stream',
  'worker_threads',
  'http',
  'https',
  'electron',
  'react',
  'react-dom',
  'zustand',
];

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'test-results', 'test/fixtures/generated', 'test/bench/inputs', 'assets/sample-bucket'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Small files, short functions (STYLE): a file over 300 lines is an error; a function over 60 warns,
      // and `npm run lint` allows no warning, so the few longer ones are named below.
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['warn', { max: 60, skipBlankLines: true, skipComments: true }],
      'func-style': ['error', 'declaration', { allowArrowFunctions: true }],
    },
  },
  {
    // core/ is pure: it runs unchanged in Node, a worker and the browser (DESIGN rule 1).
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: platformModules, message: 'core/ is pure: inject platform pieces as parameters.' },
            { group: ['**/main/**', '**/renderer/**', '../main/*', '../renderer/*'], message: 'core/ must not import upper layers.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'Buffer', 'process', 'window', 'document', 'require'],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/renderer/**', '../renderer/*'], message: 'main/ must not import the renderer.' }],
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'Use main/api/ipc.ts (typed contract) instead of raw IPC.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/api/ipc.ts', 'main/preload.ts', 'main/electron.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '!**/main/api/contract', '!**/main/api/contractTypes'],
              message: 'The renderer may only `import type` from main/api/contract.',
              allowTypeImports: true,
            },
            {
              group: platformModules.filter((m) => !['react', 'react-dom', 'zustand'].includes(m)),
              message: 'The renderer has no Node access.',
            },
          ],
        },
      ],
    },
  },
  {
    // Over 300 lines until the data-frame grid splits it (issue 13).
    files: ['renderer/components/DataTable.tsx'],
    rules: { 'max-lines': 'off' },
  },
  {
    // Functions over 60 lines not yet split (issue 13 shrinks this list; keep it short and named).
    files: [
      'core/formats/parquet/parquetPageReader.ts',
      'core/formats/parquet/parquetTable.ts',
      'main/cli/forwardLogstore.ts',
      'main/storage/ossErrors.ts',
      'renderer/app/Header.tsx',
      'renderer/components/DataTable.tsx',
      'renderer/components/DialectControls.tsx',
      'renderer/components/FolderDownload.tsx',
      'renderer/components/GapTimeline.tsx',
      'renderer/components/GridToolbar.tsx',
      'renderer/components/ObjectActions.tsx',
      'renderer/components/ObjectList.tsx',
      'renderer/components/PartitionTree.tsx',
      'renderer/components/RuleFields.tsx',
      'renderer/components/RuleMaxComputeJob.tsx',
      'renderer/components/RuleMaxComputeSchedule.tsx',
      'renderer/components/RulePreview.tsx',
      'renderer/components/RuleSimulate.tsx',
      'renderer/components/SelectedObjectPanel.tsx',
      'renderer/components/TimeRangePanel.tsx',
      'renderer/state/browseSlice.ts',
      'renderer/state/querySlice.ts',
      'renderer/state/tableSlice.ts',
      'renderer/state/tasksSlice.ts',
      'renderer/views/BrowseView.tsx',
      'renderer/views/ConnectView.tsx',
      'renderer/views/DecompressView.tsx',
      'renderer/views/ExportDialog.tsx',
      'renderer/views/InspectView.tsx',
      'renderer/views/ProfileEditor.tsx',
      'renderer/views/QueryView.tsx',
      'renderer/views/tasks/TaskTable.tsx',
      'renderer/views/tasks/TaskTargetPanel.tsx',
      'renderer/views/tasks/TasksView.tsx',
    ],
    rules: { 'max-lines-per-function': 'off' },
  },
  {
    files: ['test/**/*.{ts,tsx,mjs}', 'scripts/**/*.mjs', '*.config.{js,ts}'],
    rules: { 'max-lines': 'off', 'max-lines-per-function': 'off', 'func-style': 'off' },
  },
);
