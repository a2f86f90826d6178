// Child-process scenarios for wideTable.test.ts: export a JSON-lines object whose every line
// has another key (`{"key_N":1}`), through the CLI (`shiplens export`) or the API (table.open,
// table.rows {limit: 10000}, export.csv). Prints one JSON line of ChildFigures.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiDispatch } from '../../main/api/dispatch';
import { cliRun } from '../../main/cli/cliProgram';
import type { CliIo } from '../../main/cli/cliOutput';
import type { ApiServices } from '../../main/services/types';
import { servicesCreate } from '../../main/services/wiring';
import { measureStep } from './measure';

type Ok<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

async function call<T>(services: ApiServices, method: string, arg: unknown): Promise<T> {
  const response = (await apiDispatch(services, method, arg)) as Ok<T>;
  if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
  return response.value;
}

function cliIo(stdout: string[], stderr: string[]): CliIo {
  const text = (chunk: string | Uint8Array) => (typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk));
  return {
    stdout: { write: async (chunk) => void stdout.push(text(chunk)) },
    stderr: { write: async (chunk) => void stderr.push(text(chunk)) },
    stderrIsTTY: false,
    env: {},
    homeDir: '/nonexistent-home',
    cwd: process.cwd(),
    now: () => Date.now(),
  };
}

async function viaCli(input: string, out: string): Promise<Record<string, unknown>> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await cliRun(['export', input, '-o', out], cliIo(stdout, stderr));
  return { code, stdout: stdout.join(''), stderr: stderr.join(''), bytes: statSync(out).size };
}

async function viaApi(dir: string): Promise<Record<string, unknown>> {
  const services = servicesCreate({
    mode: 'browser',
    dataDir: join(dir, 'data'),
    outputDir: join(dir, 'out'),
    workerPath: process.env.SHIPLENS_WORKER ?? null,
  });
  await services.connections.openLocal(join(dir, 'bucket'));
  const info = await call<{ tableId: string; columns: unknown[]; warnings: { message: string }[] }>(services, 'table.open', {
    key: 'wide.json',
  });
  const started = performance.now();
  const page = await call<{ rows: unknown[][] }>(services, 'table.rows', { tableId: info.tableId, offset: 0, limit: 10_000 });
  const rowsMs = Math.round(performance.now() - started);
  const exported = await call<{ rows: number; bytes: number }>(services, 'export.csv', { tableId: info.tableId, fileName: 'wide.csv' });
  return {
    code: 0,
    columns: info.columns.length,
    stderr: info.warnings[0]?.message ?? '',
    pageRows: page.rows.length,
    rowsMs,
    rows: exported.rows,
    bytes: statSync(join(dir, 'out', 'wide.csv')).size,
  };
}

async function main(): Promise<void> {
  const [mode, lines] = process.argv.slice(2);
  const count = Number(lines);
  const dir = mkdtempSync(join(tmpdir(), 'shiplens-wide-'));
  const input = join(dir, 'bucket', 'wide.json');
  const text: string[] = [];
  for (let i = 0; i < count; i++) text.push(`{"key_${i}":1}\n`);
  mkdirSync(join(dir, 'bucket'));
  writeFileSync(input, text.join(''));
  text.length = 0;
  try {
    await measureStep(() => (mode === 'api' ? viaApi(dir) : viaCli(input, join(dir, 'wide.csv'))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
