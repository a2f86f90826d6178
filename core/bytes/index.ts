/**
 * core/bytes: the public face main/ and renderer/ import (lint rejects deeper paths).
 * Generated list of modules; keep it whole when adding a file.
 */
export * from './abort';
export * from './byteSource';
export * from './bytesConcat';
export * from './cachedByteSource';
export * from './countingByteSource';
export * from './lruCache';
