/**
 * core/export: the public face main/ and renderer/ import (lint rejects deeper paths).
 * Generated list of modules; keep it whole when adding a file.
 */
export * from './csvExport';
export * from './csvRows';
