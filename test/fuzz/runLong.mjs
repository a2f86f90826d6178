// `npm run fuzz`: the fuzz suites in long mode (≥ 100,000 inputs per decoder unless overridden).
import { spawnSync } from 'node:child_process';

const runs = process.env.SHIPLENS_FUZZ_RUNS ?? '100000';
const started = Date.now();
const result = spawnSync('npx', ['vitest', 'run', 'test/fuzz', '--maxWorkers=1', '--testTimeout=0'], {
  stdio: 'inherit',
  env: { ...process.env, SHIPLENS_FUZZ_RUNS: runs, SHIPLENS_FUZZ_REPORT: '1' },
});
console.log(`fuzz: SHIPLENS_FUZZ_RUNS=${runs}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(result.status ?? 1);
