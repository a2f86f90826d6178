/**
 * Packs: the columnar forms of many cache entries of one signature in ONE Parquet file, so a
 * warm query scans one file instead of hundreds (a day's 288 forms: ~125 ms → ~70 ms of
 * DuckDB, most of it the opening of each file). A pack is an index over entries, never the
 * only copy: every member keeps its entry and its own columnar form, so losing a pack loses
 * nothing but speed.
 *
 * - `pack-<id>-<bytes>.<signature>.parquet`: the members' rows in member order, each with
 *   `__range_member` (the member's position), so a query reads only the members it plans
 *   (rangeColumns.ts) and row groups are pruned by its statistics.
 * - `pack-<id>.members`: the member stems (JSON), written after the pack; `<id>` is a hash
 *   of them. A pack is used only while every member is in the cache with a columnar form of
 *   the pack's signature; it goes when one of them is evicted.
 * - Requests (`convert/packs/<hash>.json`, member stems): a query asks for the entries it read
 *   to be packed; the converter (rangeConvert.ts) writes the pack after their columnar forms.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, stat, unlink, utimes } from 'node:fs/promises';
import path from 'node:path';
import { fsWriteErrorToShiplens, outputCommit } from '../services/outputWriter';
import { rangeCacheTextWrite } from './rangeCacheText';

/** A member's place in a pack. */
export interface RangePack {
  file: string;
  /** The member's `__range_member` value. */
  member: number;
  /** How many members the pack holds. */
  members: number;
}

/** A request to pack entries, as the converter reads it. */
export interface RangePackRequest {
  file: string;
  stems: string[];
}

/** Fewer entries than this are not worth a pack (their files open fast enough). */
export const rangePackMinMembers = 32;
/** The column of a pack that holds each row's member position. */
export const rangePackMemberColumn = '__range_member';

const packPattern = /^pack-([0-9a-f]{40})-(\d+)\.([0-9a-f]{12})\.parquet$/;
const membersPattern = /^pack-([0-9a-f]{40})\.members$/;
const stemPattern = /^[0-9a-f]{40}$/;
/** A pack whose member list is not there yet may be in the middle of its writing this long. */
const writingMs = 10 * 60_000;

interface Pack {
  name: string;
  bytes: number;
  /** Last use (the file's modified time, then each touch). */
  usedMs: number;
  /** When its file was last seen whole. */
  checkedMs: number;
  signature: string;
  stems: string[];
}

/** The id of a pack of these stems. */
function packId(stems: readonly string[]): string {
  return createHash('sha256').update(stems.join('\n')).digest('hex').slice(0, 40);
}

async function stemsRead(file: string): Promise<string[] | null> {
  try {
    const stems = JSON.parse(await readFile(file, 'utf8')) as unknown;
    return Array.isArray(stems) && stems.every((s) => typeof s === 'string' && stemPattern.test(s)) ? (stems as string[]) : null;
  } catch {
    return null;
  }
}

/** The packs of one cache folder (RangeCache owns one; its load hands over the pack files). */
export class RangePacks {
  private readonly packs = new Map<string, Pack>();
  private readonly memberOf = new Map<string, { id: string; member: number }>();

  constructor(
    private readonly dir: string,
    /** The converter's folder: part files of packs, lists and requests (the cache's file system). */
    readonly partDir: string,
  ) {}

  /** Folder of the pending requests. */
  get requestDir(): string {
    return path.join(this.partDir, 'packs');
  }

  /**
   * Take the pack files found in the folder: a pack whose members are all present with
   * `signatureOf` its signature is kept; any other pack file goes (a pack without its member
   * list only once it is too old to be in the middle of its writing).
   */
  async load(names: readonly string[], signatureOf: (stem: string) => string | undefined): Promise<void> {
    this.packs.clear();
    this.memberOf.clear();
    const lists = new Set(names.filter((n) => membersPattern.test(n)));
    for (const name of names) {
      const m = packPattern.exec(name);
      if (!m) continue;
      const [, id, bytes, signature] = m as unknown as [string, string, string, string];
      const listName = `pack-${id}.members`;
      const file = path.join(this.dir, name);
      const info = await stat(file).catch(() => null);
      if (!lists.has(listName)) {
        if (info && Date.now() - info.mtimeMs > writingMs) await unlink(file).catch(() => undefined);
        continue;
      }
      lists.delete(listName);
      const stems = await stemsRead(path.join(this.dir, listName));
      const whole = info?.size === Number(bytes) && stems !== null && packId(stems) === id;
      if (!whole || !stems.every((s) => signatureOf(s) === signature && !this.memberOf.has(s))) {
        await this.filesRemove(name, listName);
        continue;
      }
      this.add(id, { name, bytes: Number(bytes), usedMs: (info as { mtimeMs: number }).mtimeMs, checkedMs: Date.now(), signature, stems });
    }
    // Member lists without their pack (removed meanwhile) go too.
    for (const listName of lists) await unlink(path.join(this.dir, listName)).catch(() => undefined);
  }

  private add(id: string, pack: Pack): void {
    this.packs.set(id, pack);
    pack.stems.forEach((stem, member) => this.memberOf.set(stem, { id, member }));
  }

  private async filesRemove(name: string, listName: string): Promise<void> {
    await unlink(path.join(this.dir, listName)).catch(() => undefined);
    await unlink(path.join(this.dir, name)).catch(() => undefined);
  }

  /** The pack holding an entry's rows, or undefined. */
  of(stem: string): RangePack | undefined {
    const at = this.memberOf.get(stem);
    const pack = at && this.packs.get(at.id);
    return at && pack ? { file: path.join(this.dir, pack.name), member: at.member, members: pack.stems.length } : undefined;
  }

  /** When an entry's pack was last used, or undefined when it is in none. */
  usedMs(stem: string): number | undefined {
    const at = this.memberOf.get(stem);
    return at && this.packs.get(at.id)?.usedMs;
  }

  /**
   * Record a use of an entry's pack on its file (at most once a minute; a later load dates
   * every member by it). False when the entry is in no pack.
   */
  touch(stem: string, now: number): boolean {
    const at = this.memberOf.get(stem);
    const pack = at && this.packs.get(at.id);
    if (!pack) return false;
    if (now - pack.usedMs > 60_000) void utimes(path.join(this.dir, pack.name), new Date(now), new Date(now)).catch(() => undefined);
    pack.usedMs = now;
    return true;
  }

  /** Total bytes of the packs. */
  bytes(): number {
    let total = 0;
    for (const p of this.packs.values()) total += p.bytes;
    return total;
  }

  /** The id of the pack an entry belongs to, or undefined. */
  idOf(stem: string): string | undefined {
    return this.memberOf.get(stem)?.id;
  }

  /**
   * Whether an entry's pack is still on disk whole (checked again after 10 s: another process
   * may have dropped it). False when it is in no pack or its pack is gone.
   */
  async present(stem: string, now: number): Promise<boolean> {
    const at = this.memberOf.get(stem);
    const pack = at && this.packs.get(at.id);
    if (!pack) return false;
    if (now - pack.checkedMs <= 10_000) return true;
    const info = await stat(path.join(this.dir, pack.name)).catch(() => null);
    if (info?.size !== pack.bytes) return false;
    pack.checkedMs = now;
    return true;
  }

  /**
   * Drop the pack an entry belongs to (the entry is being evicted, its form replaced, or the
   * pack is gone): its members and last use, so they keep the date the pack gave them; null
   * when it is in no pack.
   */
  async dropWith(stem: string): Promise<{ stems: readonly string[]; usedMs: number } | null> {
    const at = this.memberOf.get(stem);
    const pack = at && this.packs.get(at.id);
    if (!at || !pack) return null;
    this.packs.delete(at.id);
    for (const s of pack.stems) this.memberOf.delete(s);
    await this.filesRemove(pack.name, `pack-${at.id}.members`);
    return { stems: pack.stems, usedMs: pack.usedMs };
  }

  /**
   * Add a pack of `stems` (in member order): `part` (a complete file in this file system) is
   * renamed onto its name, then its member list is written. False when a stem is already in
   * a pack (nothing is changed, the part is removed).
   */
  async put(stems: readonly string[], part: string, signature: string): Promise<boolean> {
    if (stems.some((s) => this.memberOf.has(s))) {
      await unlink(part).catch(() => undefined);
      return false;
    }
    const id = packId(stems);
    const bytes = (await stat(part)).size;
    const name = `pack-${id}-${bytes}.${signature}.parquet`;
    try {
      await outputCommit(part, path.join(this.dir, name), true);
    } catch (error) {
      await unlink(part).catch(() => undefined);
      throw fsWriteErrorToShiplens(error, path.join(this.dir, name));
    }
    await rangeCacheTextWrite(this.partDir, path.join(this.dir, `pack-${id}.members`), JSON.stringify(stems));
    this.add(id, { name, bytes, usedMs: Date.now(), checkedMs: Date.now(), signature, stems: [...stems] });
    return true;
  }

  /** Ask the converter to pack these entries (in this order) once they have columnar forms. */
  async request(stems: readonly string[]): Promise<void> {
    await mkdir(this.requestDir, { recursive: true });
    await rangeCacheTextWrite(this.partDir, path.join(this.requestDir, `${packId(stems)}.json`), JSON.stringify(stems));
  }

  /** The pending requests (unreadable ones are removed). */
  async requests(): Promise<RangePackRequest[]> {
    const names = await readdir(this.requestDir).catch(() => [] as string[]);
    const out: RangePackRequest[] = [];
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      const file = path.join(this.requestDir, name);
      const stems = await stemsRead(file);
      if (stems) out.push({ file, stems });
      else await unlink(file).catch(() => undefined);
    }
    return out;
  }
}
