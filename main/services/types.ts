/**
 * What the API handlers are given: app services plus the engine and platform pieces.
 *
 * Handlers depend on these shapes only, so tests inject fakes and the wiring
 * (`main/services/wiring.ts`) injects the real storage, formats and codecs modules. This
 * module only gathers: the services it names import their own types from main/engine and
 * platformTypes.ts, never from here.
 */
import type { ApiEvents } from '../model';
import type { Engine } from '../engine/engineTypes';
import type { ConnectionManager } from './connectionManager';
import type { EventHub } from './eventHub';
import type { JobRegistry } from './jobRegistry';
import type { DialogProvider, PlatformDeps, ProfileStoreLike } from './platformTypes';
import type { SettingsStore } from './settingsStore';
import type { TableRegistry } from './tableRegistry';
import type { UploadRegistry } from './uploadRegistry';
import type { DecodeRunner } from './decodeRunner';

/** Everything a handler may use. */
export interface ApiServices {
  mode: 'electron' | 'browser';
  version: string;
  dataDir: string;
  engine: Engine;
  platform: PlatformDeps;
  settings: SettingsStore;
  connections: ConnectionManager;
  profiles: ProfileStoreLike;
  tables: TableRegistry;
  jobs: JobRegistry;
  uploads: UploadRegistry;
  decoder: DecodeRunner;
  dialogs: DialogProvider;
  events: EventHub<ApiEvents>;
}
