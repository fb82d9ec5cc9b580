/**
 * The typed client side of the message API. Kept free of the validator so the content script
 * stays small: requests are validated by the background on receipt.
 */
import type { ErrorCode, Reply, Request, RequestType, ResponseMap } from './protocol';

/** Sends one raw message and resolves with the raw reply (e.g. browser.runtime.sendMessage). */
export type Transport = (message: unknown) => Promise<unknown>;

/** Raised when the background answers with an error envelope. */
export class RequestError extends Error {
  override name = 'RequestError';
  constructor(
    message: string,
    readonly code: ErrorCode = 'failed',
  ) {
    super(message);
  }
}

/** Makes a typed `request(msg)` function over a transport. */
export function createClient(transport: Transport) {
  return async function request<T extends RequestType>(
    message: Extract<Request, { type: T }>,
  ): Promise<ResponseMap[T]> {
    const reply = (await transport(message)) as Reply<ResponseMap[T]> | undefined;
    if (!reply || typeof reply !== 'object') throw new RequestError(`No reply to ${message.type}`);
    if (!reply.ok) throw new RequestError(reply.error, reply.code);
    return reply.data;
  };
}

export type Client = ReturnType<typeof createClient>;
