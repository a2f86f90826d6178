/**
 * Where a CLI argument points: a local path or `oss://bucket/key`, opened as a ByteSource or a
 * Storage, with OSS credentials from the usual sources (env, aliyun CLI, ossutil; read only).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ByteSource } from '../../core/bytes';
import { ShiplensError } from '../../core/errors';
import { fileByteSource } from '../fileByteSource';
import { LocalFolderStorage } from '../storage/localFolderStorage';
import type { OssStorage } from '../storage/ossStorage';
import type { Storage } from '../storage/storage';
import type { CliIo } from './cliOutput';

/** Connection options every storage-aware command accepts. */
export interface CliConnectionOptions {
  endpoint?: string;
  region?: string;
  profile?: string;
  /** `--path-style`: bucket in the path (default: only for IP and localhost endpoints). */
  pathStyle?: boolean;
}

/** A parsed location: a local path, or a bucket and key (key may be '' or end with '/'). */
export type CliLocation = { kind: 'local'; path: string; display: string } | { kind: 'oss'; bucket: string; key: string; display: string };

/** Split `oss://bucket/key` or a local path (resolved against `cwd`). */
export function cliLocationParse(text: string, cwd: string): CliLocation {
  const oss = /^oss:\/\/([^/]*)\/?(.*)$/i.exec(text);
  if (!oss) return { kind: 'local', path: path.resolve(cwd, text), display: text };
  const bucket = oss[1] ?? '';
  if (!/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new ShiplensError('INVALID_ARGUMENT', `"${bucket}" is not an OSS bucket name.`, {
      source: text,
      hint: 'Write oss://<bucket>/<key>; bucket names are 3–63 lowercase letters, digits and hyphens.',
    });
  }
  return { kind: 'oss', bucket, key: oss[2] ?? '', display: text };
}

/** An OssStorage for `bucket` with flags first, then env / aliyun CLI / ossutil credentials. */
export async function cliOssStorage(bucket: string, options: CliConnectionOptions, io: CliIo): Promise<OssStorage> {
  // Loaded here, not at the top: local files never pay for the OSS SDK (start-up, issue 14).
  const [{ credentialsResolve }, { OssStorage }] = await Promise.all([
    import('../credentials/credentialSources'),
    import('../storage/ossStorage'),
  ]);
  const found = await credentialsResolve({ env: io.env, homeDir: io.homeDir, profile: options.profile });
  if (!found) {
    throw new ShiplensError('CREDENTIALS_UNAVAILABLE', 'No OSS credentials were found.', {
      source: `oss://${bucket}`,
      hint: options.profile
        ? `No aliyun CLI or ossutil profile "${options.profile}" with an AccessKey was found.`
        : 'Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or configure the aliyun CLI or ossutil.',
    });
  }
  return new OssStorage({
    bucket,
    endpoint: options.endpoint ?? io.env.OSS_ENDPOINT ?? found.endpoint,
    region: options.region ?? found.region,
    accessKeyId: found.accessKeyId,
    accessKeySecret: found.accessKeySecret,
    securityToken: found.securityToken,
    pathStyle: options.pathStyle,
  });
}

/** A ByteSource over a local file or an OSS object (range reads; OSS answers HEAD first). */
export async function cliSourceOpen(
  location: CliLocation,
  options: CliConnectionOptions,
  io: CliIo,
  signal?: AbortSignal,
): Promise<ByteSource> {
  if (location.kind === 'local') return fileByteSource(location.path, location.display);
  if (location.key === '' || location.key.endsWith('/')) {
    throw new ShiplensError('INVALID_ARGUMENT', 'This names a folder, not an object.', {
      source: location.display,
      hint: 'Give the full object key, or list the folder with `shiplens ls`.',
    });
  }
  const storage = await cliOssStorage(location.bucket, options, io);
  return storage.open(location.key, signal);
}

/** A Storage and the prefix to list: a local folder (the bucket) or an OSS bucket + key prefix. */
export async function cliStorageOpen(
  location: CliLocation,
  options: CliConnectionOptions,
  io: CliIo,
): Promise<{ storage: Storage; prefix: string }> {
  if (location.kind === 'oss') return { storage: await cliOssStorage(location.bucket, options, io), prefix: location.key };
  const info = await stat(location.path).catch(() => null);
  if (!info?.isDirectory()) {
    throw new ShiplensError('NOT_FOUND', 'Not a folder.', {
      source: location.display,
      hint: 'Give a local folder or oss://<bucket>/<prefix>.',
    });
  }
  return { storage: new LocalFolderStorage(location.path), prefix: '' };
}
