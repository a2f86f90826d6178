/**
 * core/codecs: the public face main/ and renderer/ import (lint rejects deeper paths).
 * Generated list of modules; keep it whole when adding a file.
 */
export * from './snappy/ambiguity';
export * from './snappy/chunks';
export * from './snappy/compress';
export * from './snappy/containers';
export * from './snappy/crc32c';
export * from './snappy/decode';
export * from './snappy/hysnappyDecoder';
export * from './snappy/rawBlock';
export * from './snappy/rawScan';
export * from './snappy/snappyError';
export * from './snappy/snappyjsDecoder';
export * from './snappy/sniff';
export * from './snappy/types';
