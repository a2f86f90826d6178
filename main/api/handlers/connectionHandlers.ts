/** connection.* and profiles.* handlers (secrets go in, never come out). */
import { secretRemember } from '../../services/secrets';
import type { HandlerGroup } from '../handlerTypes';

/** Handlers for choosing storage and managing saved profiles. */
export const connectionHandlers: HandlerGroup<
  | 'connection.current'
  | 'connection.openSample'
  | 'connection.openLocal'
  | 'connection.openOss'
  | 'profiles.list'
  | 'profiles.save'
  | 'profiles.delete'
> = {
  'connection.current': async (services) => services.connections.info(),
  'connection.openSample': async (services) => services.connections.openSample(),
  'connection.openLocal': async (services, arg) => services.connections.openLocal(arg.path),
  'connection.openOss': async (services, arg) => {
    secretRemember(arg.accessKeySecret);
    secretRemember(arg.securityToken);
    return services.connections.openOss(arg);
  },
  'profiles.list': async (services) => services.profiles.list(),
  'profiles.save': async (services, arg) => {
    secretRemember(arg.accessKeySecret);
    secretRemember(arg.securityToken);
    secretRemember(arg.hecToken);
    const { accessKeySecret, securityToken, hecToken, ...rest } = arg;
    return services.profiles.save({ ...rest, hasSecret: Boolean(accessKeySecret), accessKeySecret, securityToken, hecToken });
  },
  'profiles.delete': async (services, arg) => ({ deleted: await services.profiles.delete(arg.name) }),
};
