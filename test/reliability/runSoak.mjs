// `npm run soak`: load and resource-limit suites in long mode (full sizes, figures printed).
import { spawnSync } from 'node:child_process';

const started = Date.now();
const result = spawnSync(
  'npx',
  ['vitest', 'run', 'test/reliability', 'test/e2e/longTasks.test.ts', '--maxWorkers=1', '--testTimeout=0', '--hookTimeout=0'],
  {
    stdio: 'inherit',
    env: { ...process.env, SHIPLENS_SOAK: '1' },
  },
);
console.log(`soak: ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(result.status ?? 1);
