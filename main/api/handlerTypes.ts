/** The shape every API handler has: validated argument in, result out, errors thrown as ShiplensError. */
import type { ApiMethod, ApiParsed, ApiResult } from './contract';
import type { ApiServices } from '../services/types';

/** Who is calling (for logs and transport-specific behaviour). */
export interface CallContext {
  transport: 'ipc' | 'http' | 'direct';
}

/** One method's handler. */
export type Handler<M extends ApiMethod> = (services: ApiServices, arg: ApiParsed<M>, context: CallContext) => Promise<ApiResult<M>>;

/** Handlers for a subset of methods. */
export type HandlerGroup<K extends ApiMethod> = { [M in K]: Handler<M> };
