/** How an object is named outside the app: its `oss://` URL or its local path. */
import type { ConnectionInfo } from '../../../main/api/contract';

/** The object's address: `oss://bucket/key` on OSS, the file's path in a local folder. */
export function objectAddress(connection: ConnectionInfo | null, key: string): string {
  if (connection?.kind === 'oss') return `oss://${connection.bucket}/${key}`;
  return connection ? `${connection.label.replace(/[\\/]+$/, '')}/${key}` : key;
}
