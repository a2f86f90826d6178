/** The storage the app is connected to and the saved OSS profiles. */

/** The storage the app is browsing. */
export interface ConnectionInfo {
  kind: 'local' | 'sample' | 'oss';
  /** Shown in the window title: folder path or `oss://bucket`. */
  label: string;
  bucket: string;
  profileName?: string;
}

/** A saved OSS profile without its secrets. */
export interface ProfileSummary {
  name: string;
  region?: string;
  endpoint?: string;
  bucket: string;
  accessKeyId?: string;
  hasSecret: boolean;
  /** True when a Splunk HEC token is saved (sealed) for forward sinks; absent when none. */
  hasHecToken?: boolean;
  defaultRule?: string;
  slsEndpoint?: string;
  slsProject?: string;
  /** Bucket in the path (`host/bucket/key`); absent: automatic (path-style for IP/localhost endpoints). */
  pathStyle?: boolean;
}

/** Where `connection.openOss` goes: a saved profile and/or fields given in the call (secrets write-only). */
export interface OssConnection {
  profileName?: string;
  endpoint?: string;
  region?: string;
  bucket: string;
  accessKeyId?: string;
  accessKeySecret?: string;
  securityToken?: string;
  /** Bucket in the path (OSS-compatible servers); default: path-style for IP/localhost endpoints. */
  pathStyle?: boolean;
}
