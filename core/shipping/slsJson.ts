/**
 * Import and export a shipping rule as Log Service configuration JSON.
 *
 * Two shapes (field names from the Log Service API reference and its SDKs: aliyun-log-java-sdk
 * `OssShipperConfig`/`OssShipperCsvStorageDetail`, aliyun-log-go-sdk `OSSShipperConfig`,
 * alibabacloud sls-20201230 `OSSExportConfiguration.sink`):
 * - classic shipper: `{shipperName, targetType: "oss", targetConfiguration: {ossBucket, ossPrefix,
 *   roleArn, bufferInterval, bufferSize, compressType, pathFormat, timeZone, storage: {format, detail}}}`
 * - OSS export job: `{name, configuration: {logstore, roleArn, sink: {bucket, prefix, suffix, roleArn,
 *   pathFormat, pathFormatType, timeZone, contentType, contentDetail, compressionType,
 *   bufferInterval, bufferSize, endpoint}}}`
 * Reading accepts SDK misspellings (`delemiter`, `nullIdentfifier`, `nullidentifier`, `linefeed`);
 * writing uses the documented spelling. Unknown fields are kept in `rule.extra` (JSON Pointer
 * keys `/<area>/<field>`) and written back.
 */
import { FieldReader, extrasOf, isObject, keepUnknown, slsJsonError } from './slsJsonFields';
import type { JsonObject } from './slsJsonFields';
import { shippingRuleDefault } from './rule';
import { defaultTimeZone, timeZoneFixedOffsetMinutes, timeZoneNormalize } from './timeZone';
import type { Compression, CsvOptions, ParquetColumn, ShippingRule, StorageFormat } from '../model/rule';

/** The two Log Service JSON shapes a rule can come from. */
export type SlsJsonKind = 'shipper' | 'ossExport';

const defaultLineFeed = '\n';

function parseText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw slsJsonError('$', `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

function oneOf<T extends string>(value: string, allowed: readonly T[], at: string, what: string): T {
  const v = value.toLowerCase();
  if (!(allowed as readonly string[]).includes(v))
    throw slsJsonError(at, `${what} "${value}" is not supported by shiplens (${allowed.join(', ')})`);
  return v as T;
}

function readCsv(detail: FieldReader | undefined, at: string, extra: JsonObject): CsvOptions {
  const d = detail ?? new FieldReader({}, at);
  const cols = d.array('columns');
  const columns = (cols?.items ?? []).map((c, i) => {
    if (typeof c !== 'string') throw slsJsonError(`${cols?.at}[${i}]`, 'expected a column name');
    return c;
  });
  const lineFeed = d.string(defaultLineFeed, 'lineFeed', 'linefeed', 'line_feed');
  if (lineFeed !== defaultLineFeed) extra['/detail/lineFeed'] = lineFeed;
  return {
    columns,
    delimiter: d.string(',', 'delimiter', 'delemiter', 'delimeter'),
    quote: d.string('"', 'quote'),
    nullValue: d.string('', 'nullIdentifier', 'nullIdentfifier', 'nullidentifier', 'null_identifier'),
    header: d.boolean(false, 'header'),
  };
}

function readParquet(detail: FieldReader | undefined, at: string): { columns: ParquetColumn[] } {
  const cols = (detail ?? new FieldReader({}, at)).array('columns');
  const columns = (cols?.items ?? []).map((c, i) => {
    const where = `${cols?.at}[${i}]`;
    if (!isObject(c)) throw slsJsonError(where, 'expected {"name": …, "type": …}');
    const r = new FieldReader(c, where);
    return { name: r.string('', 'name'), type: r.string('string', 'type').toLowerCase() as ParquetColumn['type'] };
  });
  return { columns };
}

function readDetail(rule: ShippingRule, detail: FieldReader | undefined, at: string): void {
  const extra = rule.extra as JsonObject;
  if (rule.format === 'csv') rule.csv = readCsv(detail, at, extra);
  else if (rule.format === 'parquet') rule.parquet = readParquet(detail, at);
  else if (detail) {
    const enableTag = detail.boolean(false, 'enableTag');
    if (enableTag) extra['/detail/enableTag'] = true;
  }
  keepUnknown(extra, 'detail', detail);
}

function baseRule(name: string): ShippingRule {
  return { ...shippingRuleDefault(), name, extra: {} };
}

function readZone(r: FieldReader): string {
  const zone = r.string('', 'timeZone');
  return zone.trim() === '' ? defaultTimeZone : timeZoneNormalize(zone);
}

/** Names the two shapes give the same OSS destination fields (the first compression name is the documented one). */
interface DestinationNames {
  bucket: string;
  prefix: string;
  compression: readonly [string, ...string[]];
}

/** Bucket, prefix, role, buffer, compression, path format and zone: the same fields in both shapes, by their names there. */
function readDestination(rule: ShippingRule, r: FieldReader, names: DestinationNames): void {
  rule.bucket = r.string('', names.bucket);
  rule.prefix = r.string('', names.prefix);
  rule.roleArn = r.string('', 'roleArn');
  rule.bufferIntervalSec = r.number(300, 'bufferInterval');
  rule.bufferSizeMb = r.number(256, 'bufferSize');
  rule.compression = oneOf<Compression>(
    r.string('none', ...names.compression),
    ['none', 'snappy'],
    `${r.path}.${names.compression[0]}`,
    'compression',
  );
  rule.partitionFormat = r.string('%Y/%m/%d/%H/%M', 'pathFormat');
  rule.timeZone = readZone(r);
}

function readShipper(root: FieldReader | null, target: FieldReader): ShippingRule {
  const rule = baseRule(root ? root.string('', 'shipperName') : '');
  if (root) {
    const type = root.string('oss', 'targetType');
    if (type.toLowerCase() !== 'oss') throw slsJsonError(`${root.path}.targetType`, `"${type}" is not an OSS shipper`);
  }
  readDestination(rule, target, { bucket: 'ossBucket', prefix: 'ossPrefix', compression: ['compressType'] });
  const storage = target.object('storage');
  const format = storage ? storage.string('json', 'format') : target.string('json', 'format');
  rule.format = oneOf<StorageFormat>(format, ['json', 'csv', 'parquet'], `${storage?.path ?? target.path}.format`, 'storage format');
  const detail = storage?.object('detail');
  readDetail(rule, detail, `${storage?.path ?? target.path}.detail`);
  const extra = rule.extra as JsonObject;
  if (root) keepUnknown(extra, 'root', root);
  keepUnknown(extra, 'targetConfiguration', target);
  keepUnknown(extra, 'storage', storage);
  return rule;
}

function readSink(rule: ShippingRule, sink: FieldReader): void {
  const extra = rule.extra as JsonObject;
  readDestination(rule, sink, { bucket: 'bucket', prefix: 'prefix', compression: ['compressionType', 'compressType'] });
  const pathFormatType = sink.string('time', 'pathFormatType');
  if (pathFormatType !== 'time') extra['/sink/pathFormatType'] = pathFormatType;
  const suffix = sink.string('', 'suffix');
  if (suffix !== '') extra['/sink/suffix'] = suffix;
  rule.format = oneOf<StorageFormat>(
    sink.string('json', 'contentType'),
    ['json', 'csv', 'parquet'],
    `${sink.path}.contentType`,
    'content type',
  );
  readDetail(rule, sink.object('contentDetail'), `${sink.path}.contentDetail`);
  keepUnknown(extra, 'sink', sink);
}

function readOssExport(root: FieldReader | null, configuration: FieldReader | null, sink: FieldReader): ShippingRule {
  const rule = baseRule(root ? root.string('', 'name') : '');
  readSink(rule, sink);
  const extra = rule.extra as JsonObject;
  if (configuration) {
    // The job's own role (reads the Logstore) usually equals the sink's (writes OSS): keep it only when it differs.
    const readRole = configuration.raw('roleArn');
    if (readRole && readRole.value !== rule.roleArn) extra['/configuration/roleArn'] = readRole.value;
    configuration.used.add('sink');
    keepUnknown(extra, 'configuration', configuration);
  }
  if (root) keepUnknown(extra, 'root', root);
  return rule;
}

function unwrap(value: unknown): JsonObject {
  if (!isObject(value)) throw slsJsonError('$', 'expected a JSON object');
  const results = value.results;
  if (Array.isArray(results)) {
    if (results.length !== 1 || !isObject(results[0]))
      throw slsJsonError('$.results', `expected exactly one shipping configuration, found ${results.length}`);
    return results[0];
  }
  return value;
}

function finish(rule: ShippingRule): ShippingRule {
  if (rule.extra && Object.keys(rule.extra).length === 0) delete rule.extra;
  return rule;
}

/** Read a rule from Log Service JSON (shipper, OSS export job, or their bare target/sink). */
export function ruleFromSlsJson(text: string): ShippingRule {
  const obj = unwrap(parseText(text));
  const path = '$';
  const root = new FieldReader(obj, path);
  if ('targetConfiguration' in obj) {
    const target = root.object('targetConfiguration');
    if (!target) throw slsJsonError(`${path}.targetConfiguration`, 'missing');
    return finish(readShipper(root, target));
  }
  if ('configuration' in obj) {
    const configuration = root.object('configuration');
    if (!configuration) throw slsJsonError(`${path}.configuration`, 'missing');
    const sink = configuration.object('sink');
    if (!sink) throw slsJsonError(`${path}.configuration.sink`, 'missing: an OSS export job needs its sink');
    return finish(readOssExport(root, configuration, sink));
  }
  if ('ossBucket' in obj) return finish(readShipper(null, root));
  if ('bucket' in obj && ('contentType' in obj || 'pathFormat' in obj)) return finish(readOssExport(null, null, root));
  throw slsJsonError(
    path,
    'not a Log Service OSS shipping configuration (no targetConfiguration, configuration.sink, ossBucket or bucket)',
  );
}

function zoneForSls(zone: string): string {
  const minutes = timeZoneFixedOffsetMinutes(zone);
  if (minutes === null) return zone;
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

function detailJson(rule: ShippingRule): JsonObject {
  const extra = rule.extra;
  const kept = extrasOf(extra, 'detail');
  if (rule.format === 'csv') {
    const csv = rule.csv ?? { columns: [], delimiter: ',', quote: '"', nullValue: '', header: false };
    return {
      columns: [...csv.columns],
      delimiter: csv.delimiter,
      quote: csv.quote,
      lineFeed: defaultLineFeed,
      nullIdentifier: csv.nullValue,
      header: csv.header,
      ...kept,
    };
  }
  if (rule.format === 'parquet') return { columns: (rule.parquet?.columns ?? []).map((c) => ({ name: c.name, type: c.type })), ...kept };
  return { enableTag: false, ...kept };
}

function shipperJson(rule: ShippingRule): JsonObject {
  const x = rule.extra;
  return {
    shipperName: rule.name,
    targetType: 'oss',
    targetConfiguration: {
      ossBucket: rule.bucket,
      ossPrefix: rule.prefix,
      roleArn: rule.roleArn,
      bufferInterval: rule.bufferIntervalSec,
      bufferSize: rule.bufferSizeMb,
      compressType: rule.compression,
      pathFormat: rule.partitionFormat,
      timeZone: zoneForSls(rule.timeZone),
      storage: { format: rule.format, detail: detailJson(rule), ...extrasOf(x, 'storage') },
      ...extrasOf(x, 'targetConfiguration'),
    },
    ...extrasOf(x, 'root'),
  };
}

function ossExportJson(rule: ShippingRule): JsonObject {
  const x = rule.extra;
  const sink = {
    bucket: rule.bucket,
    prefix: rule.prefix,
    suffix: '',
    roleArn: rule.roleArn,
    pathFormat: rule.partitionFormat,
    pathFormatType: 'time',
    timeZone: zoneForSls(rule.timeZone),
    contentType: rule.format,
    contentDetail: detailJson(rule),
    compressionType: rule.compression,
    bufferInterval: rule.bufferIntervalSec,
    bufferSize: rule.bufferSizeMb,
    ...extrasOf(x, 'sink'),
  };
  return { name: rule.name, configuration: { roleArn: rule.roleArn, ...extrasOf(x, 'configuration'), sink }, ...extrasOf(x, 'root') };
}

/** Write a rule as Log Service JSON: a classic OSS shipper or an OSS export job. */
export function ruleToSlsJson(rule: ShippingRule, kind: SlsJsonKind): string {
  return JSON.stringify(kind === 'shipper' ? shipperJson(rule) : ossExportJson(rule), null, 2);
}
