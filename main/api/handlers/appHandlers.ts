/** app.*, settings.*, jobs.* and dialog.* handlers. */
import type { HandlerGroup } from '../handlerTypes';

/** Handlers for app info, settings, jobs and dialogs. */
export const appHandlers: HandlerGroup<
  'app.info' | 'settings.get' | 'settings.set' | 'jobs.cancel' | 'dialog.openFiles' | 'dialog.openFolder'
> = {
  'app.info': async (services) => ({
    mode: services.mode,
    version: services.version,
    platform: process.platform,
    hasDialogs: services.dialogs.available,
  }),
  'settings.get': async (services) => services.settings.get(),
  'settings.set': async (services, arg) => services.settings.set(arg),
  'jobs.cancel': async (services, arg) => ({ cancelled: services.jobs.cancel(arg.jobId) }),
  'dialog.openFiles': async (services, arg) => ({ paths: await services.dialogs.openFiles(arg.filters) }),
  'dialog.openFolder': async (services) => ({ path: await services.dialogs.openFolder() }),
};
