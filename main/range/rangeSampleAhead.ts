/**
 * A JSON range's sample described while the range is still being fetched: each sampled object
 * (first, last and evenly between, as `attach` samples) is described by DuckDB as soon as it is
 * decoded, one after the other on the session being opened, so opening `logs` only merges
 * their columns (a cold day: ~0.1 s of describing that ran after the last object now runs
 * beside the decoding). Objects with a columnar form are left to `attach`, which knows their
 * columns without reading them.
 */
import type { RangeFile } from './rangeFetch';
import type { RangeSession } from './rangeQuery';
import type { RangeColumnType } from './rangeView';
import { rangeSampleFiles } from './rangeView';

export class RangeSampleAhead {
  private readonly wanted: Set<number>;
  // One describe at a time: the session has one connection.
  private chain: Promise<unknown> = Promise.resolve();
  private readonly own = new Map<string, Promise<RangeColumnType[] | null>>();

  constructor(
    private readonly session: Promise<RangeSession>,
    objects: number,
  ) {
    this.wanted = new Set(rangeSampleFiles(Array.from({ length: objects }, (_, i) => i)));
  }

  /** rangeFetch's `onReady`: describe the object now if the sample holds it. */
  ready(index: number, file: RangeFile | null): void {
    if (!file || file.columnar || !this.wanted.has(index)) return;
    const own = this.chain
      .then(() => this.session)
      .then(
        (s) => s.ownColumns(file),
        () => null,
      );
    this.chain = own;
    this.own.set(file.file, own);
  }

  /** Resolves once no describe runs (the session may then be closed). */
  settled(): Promise<void> {
    return this.chain.then(
      () => undefined,
      () => undefined,
    );
  }

  /**
   * The range's columns over the fetched files (their sample, as `attach` would take it), or
   * undefined when a sampled object was not described ahead (a failure moved the sample, a
   * columnar form, DuckDB could not tell): `attach` then describes as before.
   */
  async columns(files: readonly RangeFile[]): Promise<RangeColumnType[] | undefined> {
    const own = await Promise.all(rangeSampleFiles(files).map((f) => this.own.get(f.file) ?? null));
    await this.chain;
    if (own.some((c) => c === null)) return undefined;
    return (await this.session).mergedColumns(own as RangeColumnType[][]).catch(() => undefined);
  }
}
