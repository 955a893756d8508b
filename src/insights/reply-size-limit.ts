import { formatBytes } from '../risk/format-bytes.js';

/**
 * Maximum bytes of one reply that footprint reads. A reply of MAX_OUTPUT_TOKENS output tokens
 * is some tens of kilobytes (an estimate), so this leaves ample room, and a server that sends
 * hundreds of megabytes cannot fill the hook's memory.
 */
export const MAX_REPLY_BYTES = 4 * 1024 * 1024;

/** A reply body that grew past its limit; reading stopped there. */
export class ReplyTooLargeError extends Error {
  override readonly name = 'ReplyTooLargeError';

  constructor(readonly maxBytes: number) {
    super(`the reply was larger than ${formatBytes(maxBytes)}`);
  }
}

/**
 * Returns the response with a body that fails with ReplyTooLargeError once more than
 * `maxBytes` arrive, or at once when its `content-length` is larger. The failing read cancels
 * the rest of the body, which closes the connection. Decoded bytes are counted, so a small
 * compressed reply that inflates past the limit fails too.
 */
export function limitReplySize(response: Response, maxBytes: number): Response {
  if (response.body === null) return response;

  const declared = Number(response.headers.get('content-length'));
  let received = 0;
  const limiter = new TransformStream<Uint8Array, Uint8Array>({
    start(controller) {
      if (declared > maxBytes) controller.error(new ReplyTooLargeError(maxBytes));
    },
    transform(chunk, controller) {
      received += chunk.byteLength;
      if (received > maxBytes) controller.error(new ReplyTooLargeError(maxBytes));
      else controller.enqueue(chunk);
    },
  });
  return new Response(response.body.pipeThrough(limiter), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
