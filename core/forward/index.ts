/**
 * core/forward: the public face main/ and renderer/ import (lint rejects deeper paths).
 * Generated list of modules; keep it whole when adding a file.
 */
export * from './forwardRecord';
export * from './forwardSizing';
export * from './hecFormat';
export * from './syslogFormat';
