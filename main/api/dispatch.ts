/**
 * The one entry point of every API call (IPC and HTTP alike): method check, zod validation,
 * handler call, and a typed `ApiResponse` — it never throws and never leaks stacks or secrets.
 */
import type { z } from 'zod';
import { ShiplensError, toShiplensError } from '../../core/errors';
import type { ErrorInfo } from '../../core/errors';
import { apiInputs } from './contract';
import type { ApiMethod, ApiResponse } from './contract';
import type { CallContext, Handler } from './handlerTypes';
import { appHandlers } from './handlers/appHandlers';
import { browseHandlers } from './handlers/browseHandlers';
import { connectionHandlers } from './handlers/connectionHandlers';
import { fileHandlers } from './handlers/fileHandlers';
import { forwardHandlers } from './handlers/forwardHandlers';
import { maxcomputeHandlers } from './handlers/maxcomputeHandlers';
import { rangeHandlers } from './handlers/rangeHandlers';
import { slsHandlers } from './handlers/slsHandlers';
import { tableHandlers } from './handlers/tableHandlers';
import { tableFileHandlers } from './handlers/tableFileHandlers';
import { tableExportHandlers } from './handlers/tableExportHandlers';
import { tableQueryHandlers } from './handlers/tableQueryHandlers';
import { errorInfoRedact } from '../services/secrets';
import type { ApiServices } from '../services/types';

const handlers = {
  ...appHandlers,
  ...connectionHandlers,
  ...browseHandlers,
  ...tableHandlers,
  ...tableFileHandlers,
  ...fileHandlers,
  ...slsHandlers,
  ...maxcomputeHandlers,
  ...rangeHandlers,
  ...forwardHandlers,
  ...tableQueryHandlers,
  ...tableExportHandlers,
};

/** True when `method` names a method of the contract (own keys only: no `__proto__` tricks). */
export function apiMethodKnown(method: unknown): method is ApiMethod {
  return typeof method === 'string' && Object.prototype.hasOwnProperty.call(apiInputs, method);
}

/** The INVALID_ARGUMENT error for a zod failure, naming the first bad field. */
export function invalidArgumentError(method: string, error: z.ZodError): ShiplensError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(argument)';
  const detail = issue?.message ?? 'invalid value';
  return new ShiplensError('INVALID_ARGUMENT', `Invalid argument "${field}" for ${method}: ${detail}.`, { source: field });
}

/** Scrub secrets and cap lengths so nothing sensitive or huge leaves main. */
export function errorInfoSafe(error: unknown): ErrorInfo {
  return errorInfoRedact(toShiplensError(error).toInfo());
}

/** Validate and run one call. */
export async function apiDispatch(
  services: ApiServices,
  method: unknown,
  rawArg: unknown,
  context: CallContext = { transport: 'direct' },
): Promise<ApiResponse<unknown>> {
  if (!apiMethodKnown(method)) {
    const shown = typeof method === 'string' ? method.slice(0, 80) : typeof method;
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown API method "${shown}".` } };
  }
  const parsed = apiInputs[method].safeParse(rawArg === undefined || rawArg === null ? {} : rawArg);
  if (!parsed.success) {
    return { ok: false, error: invalidArgumentError(method, parsed.error).toInfo() };
  }
  try {
    const handler = handlers[method] as Handler<ApiMethod>;
    const value = await handler(services, parsed.data as never, context);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: errorInfoSafe(error) };
  }
}
