/**
 * Connection and saved profiles: where shiplens reads from (sample, local folder or OSS).
 */
import type { StateCreator } from 'zustand';
import type { ApiInput, ConnectionInfo, ProfileSummary } from '../../../main/api/contract';
import type { ErrorInfo } from '../../../core/errors';
import { apiCall } from '../../api/client';
import type { NavSlice } from '../../state/navSlice';
import type { TableSlice } from '../inspect/tableState';
import type { BrowseSlice } from '../browse/browseSlice';

export interface ConnectionSlice {
  connection: ConnectionInfo | null;
  connectionPending: boolean;
  connectionError: ErrorInfo | null;
  profiles: ProfileSummary[];
  profilesError: ErrorInfo | null;
  connectionLoad(): Promise<void>;
  connectSample(): Promise<boolean>;
  connectLocal(path: string): Promise<boolean>;
  connectOss(arg: ApiInput<'connection.openOss'>): Promise<boolean>;
  profilesLoad(): Promise<void>;
  profileSave(profile: ApiInput<'profiles.save'>): Promise<boolean>;
  profileDelete(name: string): Promise<void>;
}

/** The connection slice. */
export const createConnectionSlice: StateCreator<
  ConnectionSlice & NavSlice & Pick<TableSlice, 'tableClose'> & Pick<BrowseSlice, 'browseOpen'>,
  [],
  [],
  ConnectionSlice
> = (set, get) => {
  async function connectWith(call: () => ReturnType<typeof apiCall<'connection.openSample'>>): Promise<boolean> {
    set({ connectionPending: true, connectionError: null });
    const response = await call();
    if (!response.ok) {
      set({ connectionPending: false, connectionError: response.error });
      return false;
    }
    set({ connectionPending: false, connection: response.value });
    get().tableClose();
    get().viewSet('browse');
    void get().browseOpen('');
    return true;
  }
  return {
    connection: null,
    connectionPending: false,
    connectionError: null,
    profiles: [],
    profilesError: null,
    connectionLoad: async () => {
      const response = await apiCall('connection.current', {});
      if (response.ok && response.value) {
        set({ connection: response.value });
        get().viewSet('browse');
        void get().browseOpen('');
      }
    },
    connectSample: () => connectWith(() => apiCall('connection.openSample', {})),
    connectLocal: (path) => connectWith(() => apiCall('connection.openLocal', { path })),
    connectOss: (arg) => connectWith(() => apiCall('connection.openOss', arg)),
    profilesLoad: async () => {
      const response = await apiCall('profiles.list', {});
      if (response.ok) set({ profiles: response.value, profilesError: null });
      else set({ profilesError: response.error });
    },
    profileSave: async (profile) => {
      const response = await apiCall('profiles.save', profile);
      if (!response.ok) {
        set({ profilesError: response.error });
        return false;
      }
      await get().profilesLoad();
      return true;
    },
    profileDelete: async (name) => {
      const response = await apiCall('profiles.delete', { name });
      if (!response.ok) set({ profilesError: response.error });
      await get().profilesLoad();
    },
  };
};
