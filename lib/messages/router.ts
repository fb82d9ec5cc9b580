import { parseRequest } from './protocol';
import type { ErrorCode, Reply, Request, RequestType, ResponseMap } from './protocol';

/** One handler per request type; the compiler checks none is missing. */
export type Handlers = {
  [K in RequestType]: (request: Extract<Request, { type: K }>) => Promise<ResponseMap[K]>;
};

/** An error a handler raises on purpose, with a code the caller can act on. */
export class HandlerError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode,
  ) {
    super(message);
  }
}

/** Makes a function that validates a raw message, runs its handler and always returns an envelope. */
export function createRouter(handlers: Handlers): (message: unknown) => Promise<Reply<unknown>> {
  return async (message) => {
    const parsed = parseRequest(message);
    if (!parsed.ok) return { ok: false, error: parsed.error, code: 'malformed' };
    const { request } = parsed;
    try {
      const handler = handlers[request.type] as (r: Request) => Promise<unknown>;
      return { ok: true, data: await handler(request) };
    } catch (error) {
      if (error instanceof HandlerError) return { ok: false, error: error.message, code: error.code };
      return {
        ok: false,
        error: `${request.type} failed: ${error instanceof Error ? error.message : String(error)}`,
        code: 'failed',
      };
    }
  };
}
