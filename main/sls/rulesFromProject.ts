/**
 * Shipping rules straight from a Log Service project: list a logstore's classic OSS shipping
 * rules and OSS export jobs, and import one into the ShippingRule model (via ruleFromSlsJson on
 * the same JSON the API returned), so its partition format, time zone, prefix and format
 * options drive browsing, the planner and the gap timeline.
 */
import { ShiplensError, toShiplensError } from '../../core/errors';
import { ruleFromSlsJson } from '../../core/shipping';
import type { SlsRuleImported, SlsRuleInfo } from '../model';
import type { SlsClient } from './slsClient';
import type { OssExport, ShipperConfig } from '../model/sls';

/** What the rules list shows per rule (the contract's shape). */
export type SlsRuleSummary = SlsRuleInfo;

/** One imported rule with the JSON it came from; the API handler adds the project. */
export type SlsRuleImport = Omit<SlsRuleImported, 'project'>;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function shipperSummary(logstore: string, config: ShipperConfig): SlsRuleSummary {
  const t = config.targetConfiguration;
  const storage = t.storage && typeof t.storage === 'object' ? (t.storage as Record<string, unknown>) : {};
  return {
    name: config.shipperName,
    kind: 'shipper',
    logstore,
    bucket: text(t.ossBucket),
    prefix: text(t.ossPrefix),
    format: text(storage.format) || 'json',
    compression: text(t.compressType) || 'none',
    status: '',
    displayName: '',
  };
}

function exportSummary(job: OssExport): SlsRuleSummary {
  const sink = job.configuration.sink;
  return {
    name: job.name,
    kind: 'ossExport',
    logstore: job.configuration.logstore,
    bucket: text(sink.bucket),
    prefix: text(sink.prefix),
    format: text(sink.contentType) || 'json',
    compression: text(sink.compressionType) || 'none',
    status: job.status,
    displayName: job.displayName,
  };
}

/** The API's own JSON for an export job (times back in Unix seconds). */
function exportJson(job: OssExport): string {
  return JSON.stringify(
    { ...job, createTime: Math.floor(job.createTime / 1000), lastModifiedTime: Math.floor(job.lastModifiedTime / 1000) },
    null,
    2,
  );
}

/** Every classic shipping rule and OSS export job of a logstore, shippers first. */
export async function slsRulesList(client: SlsClient, logstore: string, signal?: AbortSignal): Promise<SlsRuleSummary[]> {
  const names = await client.listShippers(logstore, signal);
  const shippers: SlsRuleSummary[] = [];
  for (const name of names) {
    try {
      shippers.push(shipperSummary(logstore, await client.getShipper(logstore, name, signal)));
    } catch (error) {
      const e = toShiplensError(error);
      if (e.code === 'CANCELLED' || e.code === 'AUTH_FAILED') throw e;
      shippers.push({
        name,
        kind: 'shipper',
        logstore,
        bucket: '',
        prefix: '',
        format: '',
        compression: '',
        status: '',
        displayName: '',
        error: e.toInfo(),
      });
    }
  }
  const exports = await client.listOssExports({ logstore, signal });
  // The service filters by logstore; filter again in case an older one ignores the parameter.
  return [...shippers, ...exports.filter((job) => job.configuration.logstore === logstore).map(exportSummary)];
}

async function shipperImport(client: SlsClient, logstore: string, name: string, signal?: AbortSignal): Promise<SlsRuleImport> {
  const config = await client.getShipper(logstore, name, signal);
  const sourceJson = JSON.stringify(config, null, 2);
  return { rule: ruleFromSlsJson(sourceJson), kind: 'shipper', name, logstore, sourceJson };
}

async function exportImport(client: SlsClient, logstore: string, name: string, signal?: AbortSignal): Promise<SlsRuleImport> {
  const job = await client.getOssExport(name, signal);
  if (job.configuration.logstore && job.configuration.logstore !== logstore) {
    throw new ShiplensError('NOT_FOUND', `OSS export job ${name} ships logstore ${job.configuration.logstore}, not ${logstore}.`, {
      source: name,
      hint: `Use ${job.configuration.logstore}/${name}.`,
    });
  }
  const sourceJson = exportJson(job);
  return { rule: ruleFromSlsJson(sourceJson), kind: 'ossExport', name, logstore, sourceJson };
}

/**
 * Import one rule. Without `kind`, a classic shipper of that name is tried first, then an OSS
 * export job; NOT_FOUND only when neither exists.
 */
export async function slsRuleImport(
  client: SlsClient,
  logstore: string,
  name: string,
  options: { kind?: 'shipper' | 'ossExport'; signal?: AbortSignal } = {},
): Promise<SlsRuleImport> {
  if (options.kind === 'shipper') return shipperImport(client, logstore, name, options.signal);
  if (options.kind === 'ossExport') return exportImport(client, logstore, name, options.signal);
  try {
    return await shipperImport(client, logstore, name, options.signal);
  } catch (error) {
    const e = toShiplensError(error);
    if (e.code !== 'NOT_FOUND' || !/Shipping rule/.test(e.message)) throw e;
    try {
      return await exportImport(client, logstore, name, options.signal);
    } catch (second) {
      const s = toShiplensError(second);
      if (s.code !== 'NOT_FOUND' || !/OSS export job .* does not exist/.test(s.message)) throw s;
      throw new ShiplensError(
        'NOT_FOUND',
        `Logstore ${logstore} in project ${client.project} has no shipping rule or OSS export job named ${name}.`,
        { source: name, hint: "List the logstore's rules (sls shippers) and pick one of them." },
      );
    }
  }
}
