/**
 * core/detect: the public face main/ and renderer/ import (lint rejects deeper paths).
 * What an object is — format and compression by its name (SPEC §2) and by its content — kept
 * apart from core/formats' readers so that naming or sniffing an object (`shiplens decode`,
 * info) loads no Parquet or CSV reader.
 * Generated list of modules; keep it whole when adding a file.
 */
export * from './formatDetect';
export * from './formatFromName';
