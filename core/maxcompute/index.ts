/**
 * core/maxcompute: the public face main/ and renderer/ import (lint rejects deeper paths).
 * Generated list of modules; keep it whole when adding a file.
 */
export * from './crossAccount';
export * from './job';
export * from './jobImport';
export * from './jobIssue';
export * from './jobSources';
export * from './jobValidate';
export * from './policy';
export * from './schedule';
export * from './scheduleExpr';
export * from './table';
