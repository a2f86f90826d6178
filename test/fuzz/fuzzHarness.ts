// Shared fuzz machinery: run counts (short in `npm test`, long with SHIPLENS_FUZZ_RUNS),
// byte mutations of real fixtures, and the one verdict every decoder must meet: a value or a
// typed ShiplensError (never INTERNAL, never another exception), within a time bound.
import fc from 'fast-check';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorCodes, isShiplensError } from '../../core/errors';

/** Inputs per property: `short` in `npm test`, SHIPLENS_FUZZ_RUNS in `npm run fuzz`. */
export function fuzzRuns(short: number): number {
  const long = Number(process.env.SHIPLENS_FUZZ_RUNS);
  return Number.isSafeInteger(long) && long > 0 ? long : short;
}

/** A hang detector, not a performance assertion: no single input may take this much CPU time. */
export const fuzzInputBudgetMs = 10_000;

/** Tally of one decoder's fuzz run (printed in long mode, for the report). */
export interface FuzzTally {
  name: string;
  inputs: number;
  values: number;
  errors: Map<string, number>;
  slowestMs: number;
  /** Most CPU time one input took (the budget is CPU time: a loaded machine stalls wall time). */
  slowestCpuMs: number;
  startedAt: number;
  endedAt: number;
}

export function fuzzTally(name: string): FuzzTally {
  return { name, inputs: 0, values: 0, errors: new Map(), slowestMs: 0, slowestCpuMs: 0, startedAt: Date.now(), endedAt: Date.now() };
}

/** Print (and, in long mode, append to test-results/fuzz-report.jsonl) a tally. */
export function fuzzTallyReport(tally: FuzzTally): void {
  const line = {
    decoder: tally.name,
    inputs: tally.inputs,
    values: tally.values,
    typedErrors: Object.fromEntries([...tally.errors].sort((a, b) => b[1] - a[1])),
    failures: 0,
    slowestMs: Math.round(tally.slowestMs),
    slowestCpuMs: Math.round(tally.slowestCpuMs),
    seconds: Math.round((tally.endedAt - tally.startedAt) / 100) / 10,
  };
  if (process.env.SHIPLENS_FUZZ_REPORT) {
    mkdirSync('test-results', { recursive: true });
    appendFileSync(join('test-results', 'fuzz-report.jsonl'), `${JSON.stringify(line)}\n`);
    console.log(`fuzz ${JSON.stringify(line)}`);
  }
}

const typedCodes = new Set<string>(errorCodes.filter((c) => c !== 'INTERNAL'));

/**
 * Run one input: returns 'value' or the error code. Throws (failing the property) for an
 * untyped exception, an INTERNAL error (an untyped one wrapped), or a run over the budget.
 */
export async function fuzzVerdict(tally: FuzzTally, run: () => unknown, input?: Uint8Array | string): Promise<string> {
  // SHIPLENS_FUZZ_TRACE=file: keep the input being run on disk, to find one that hangs.
  const trace = process.env.SHIPLENS_FUZZ_TRACE;
  if (trace && input !== undefined)
    writeFileSync(trace, typeof input === 'string' ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength));
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  let verdict: string;
  try {
    await run();
    verdict = 'value';
    tally.values++;
  } catch (error) {
    if (!isShiplensError(error) || !typedCodes.has(error.code)) {
      const detail =
        error instanceof Error
          ? `${error.name} ${(error as { code?: string }).code ?? ''}: ${error.message}\n${error.stack ?? ''}`
          : String(error);
      throw new Error(`${tally.name}: untyped failure: ${detail}`, { cause: error });
    }
    verdict = error.code;
    tally.errors.set(verdict, (tally.errors.get(verdict) ?? 0) + 1);
  }
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  tally.inputs++;
  tally.endedAt = Date.now();
  if (elapsed > tally.slowestMs) tally.slowestMs = elapsed;
  if (cpuMs > tally.slowestCpuMs) tally.slowestCpuMs = cpuMs;
  if (trace && input !== undefined && elapsed > 1000)
    writeFileSync(
      `${trace}.slow-${Math.round(elapsed)}ms`,
      typeof input === 'string' ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength),
    );
  if (cpuMs > fuzzInputBudgetMs) throw new Error(`${tally.name}: one input took ${Math.round(cpuMs)} ms of CPU (hang?)`);
  return verdict;
}

/** One byte-level edit. Positions are taken modulo the input length when applied. */
export type Mutation =
  | { op: 'set'; at: number; value: number }
  | { op: 'flip'; at: number; bit: number }
  | { op: 'cut'; at: number }
  | { op: 'delete'; at: number; length: number }
  | { op: 'insert'; at: number; bytes: Uint8Array }
  | { op: 'dup'; at: number; length: number }
  | { op: 'u32'; at: number; value: number; littleEndian: boolean };

// Values that break length and offset arithmetic.
const interesting32 = [0, 1, 0x7f, 0x80, 0xff, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff, 4_000_000_000];

/** fast-check arbitrary of one mutation. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cut' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('dup' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 256 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('u32' as const),
      at: fc.nat(),
      value: fc.constantFrom(...interesting32),
      littleEndian: fc.boolean(),
    }),
  },
);

/** 1–6 mutations. */
export const mutationsArb = fc.array(mutationArb, { minLength: 1, maxLength: 6 });

/** Apply mutations to a copy of `input`. */
export function mutate(input: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let bytes: Uint8Array = input.slice();
  for (const m of mutations) {
    const n = bytes.length;
    if (n === 0 && m.op !== 'insert') continue;
    const at = n === 0 ? 0 : m.at % n;
    switch (m.op) {
      case 'set':
        bytes[at] = m.value;
        break;
      case 'flip':
        bytes[at] = (bytes[at] as number) ^ (1 << m.bit);
        break;
      case 'cut':
        bytes = bytes.slice(0, at);
        break;
      case 'delete':
        bytes = concat(bytes.subarray(0, at), bytes.subarray(Math.min(n, at + m.length)));
        break;
      case 'insert':
        bytes = concat(bytes.subarray(0, at), m.bytes, bytes.subarray(at));
        break;
      case 'dup':
        bytes = concat(bytes.subarray(0, at), bytes.subarray(at, Math.min(n, at + m.length)), bytes.subarray(at));
        break;
      case 'u32': {
        if (n < 4) break;
        const pos = Math.min(at, n - 4);
        new DataView(bytes.buffer, bytes.byteOffset, n).setUint32(pos, m.value >>> 0, m.littleEndian);
        break;
      }
    }
  }
  return bytes;
}

/** Mutations aimed near the end (Parquet footers): positions counted back from the end. */
export function mutateTail(input: Uint8Array, mutations: readonly Mutation[], tail: number): Uint8Array {
  const span = Math.min(tail, input.length);
  const base = input.length - span;
  return mutate(
    input,
    mutations.map((m) => (m.op === 'cut' ? m : { ...m, at: base + (m.at % Math.max(1, span)) })),
  );
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}
