/**
 * App-level types (settings, connection and profiles, files written, Log Service, events):
 * what main's services and the API pass around beyond core's shared shapes (core/model).
 */
export type * from './connection';
export type * from './events';
export type * from './files';
export type * from './settings';
export type * from './sls';
export { settingsSchema } from './settings';
