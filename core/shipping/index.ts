/**
 * core/shipping: the public face main/ and renderer/ import (lint rejects deeper paths).
 * Generated list of modules; keep it whole when adding a file.
 */
export * from './ddl';
export * from './ddlLayout';
export * from './gaps';
export * from './logValue';
export * from './objectKey';
export * from './objectKeyInfer';
export * from './partitionFormat';
export * from './planner';
export * from './rule';
export * from './ruleInput';
export * from './ruleMessages';
export * from './ruleValidate';
export * from './shipTarget';
export * from './simulator';
export * from './simulatorCsv';
export * from './slsJson';
export * from './slsJsonFields';
export * from './strptimeDirectives';
export * from './taskRetry';
export * from './timeInput';
export * from './timeZone';
