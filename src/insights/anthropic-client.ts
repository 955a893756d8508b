import { createDebug } from '../log/debug.js';
import { SYSTEM_PROMPT, TOOL_DESCRIPTION } from './prompt.js';
import { limitReplySize, MAX_REPLY_BYTES } from './reply-size-limit.js';
import { describeRequestFailure } from './request-failure.js';
import { readToolInputSchema, TOOL_NAME } from './tool-schema.js';

const debug = createDebug('anthropic');

/** Output tokens a reply may use; a reply for a few hundred batches fits. */
const MAX_OUTPUT_TOKENS = 4096;

/** Retries after a failed attempt: one, as the time budget rarely leaves room for more. */
const MAX_RETRIES = 1;

/**
 * Maximum delay before a retry that a reply may request (`retry-after`, `retry-after-ms`). A
 * rate limit that requests a longer one would use up a commit's whole time budget only to time
 * out, so the request fails at once with the reply's status instead.
 */
const MAX_RETRY_AFTER_MS = 1000;

/** The request and where it goes. */
export interface MessagesRequest {
  apiKey: string;
  /** Base URL of the API, or null for the SDK's default (https://api.anthropic.com). */
  baseURL: string | null;
  model: string;
  /** The change summary, the user message. */
  text: string;
  /** Milliseconds the SDK waits for one attempt. */
  timeoutMs: number;
  signal: AbortSignal;
}

/** An error whose message is one line for the user, with no value from the request in it. */
export class InsightProviderError extends Error {
  override readonly name = 'InsightProviderError';
}

/** Routes the SDK's log lines, such as its retries, to footprint's debug output. */
const SDK_LOGGER = {
  error: (message: string) => debug(message),
  warn: (message: string) => debug(message),
  info: (message: string) => debug(message),
  debug: (message: string) => debug(message),
};

/**
 * Sends one Messages API request that forces the model to call the insights tool, and returns
 * the tool's input, not yet validated. The SDK is imported here, on first use, because loading
 * it takes about 0.1 s or more. No sampling parameter (`temperature`, `top_p`, `top_k`) is
 * sent, because the API version of the 1.x SDK rejects them. Throws InsightProviderError.
 */
export async function requestToolInput(request: MessagesRequest): Promise<unknown> {
  const { default: Anthropic } = await import('@anthropic-ai/sdk');
  const client = new Anthropic({
    apiKey: request.apiKey,
    baseURL: request.baseURL,
    maxRetries: MAX_RETRIES,
    timeout: request.timeoutMs,
    fetch: fetchWithoutLongRetries,
    logger: SDK_LOGGER,
    logLevel: 'info',
  });

  let message;
  try {
    message = await client.messages.create(
      {
        model: request.model,
        max_tokens: MAX_OUTPUT_TOKENS,
        system: SYSTEM_PROMPT,
        messages: [{ role: 'user', content: request.text }],
        tools: [
          {
            name: TOOL_NAME,
            description: TOOL_DESCRIPTION,
            input_schema: readToolInputSchema() as { type: 'object' },
          },
        ],
        tool_choice: { type: 'tool', name: TOOL_NAME, disable_parallel_tool_use: true },
      },
      { signal: request.signal, maxRetries: MAX_RETRIES, timeout: request.timeoutMs },
    );
  } catch (error) {
    const description = describeRequestFailure(error, [request.apiKey]);
    throw new InsightProviderError(description, { cause: error });
  }

  // A reply body such as `null` or `[]` passes the SDK's parsing, so its shape is checked here.
  const content: unknown =
    typeof message === 'object' && message !== null
      ? (message as { content?: unknown }).content
      : undefined;
  if (!Array.isArray(content)) {
    throw new InsightProviderError('the reply is not a Messages API response');
  }
  const toolUse = message.content.find(
    (block) => block.type === 'tool_use' && block.name === TOOL_NAME,
  );
  if (toolUse === undefined || toolUse.type !== 'tool_use') {
    throw new InsightProviderError(`the reply has no ${TOOL_NAME} tool call`);
  }
  return toolUse.input;
}

/**
 * Fetches like the global fetch, but stops reading a reply past MAX_REPLY_BYTES. A reply that
 * requests a retry after more than MAX_RETRY_AFTER_MS gets `x-should-retry: false`, the header
 * the SDK obeys, so the request fails at once with its status instead of waiting. A redirect
 * is not followed: it would send the change summary to an address that is not configured, so
 * the request fails with its 3xx status.
 */
async function fetchWithoutLongRetries(
  input: string | URL | Request,
  init?: RequestInit,
): Promise<Response> {
  const sent = await fetch(input, { ...init, redirect: 'manual' });
  const response = limitReplySize(sent, MAX_REPLY_BYTES);
  const waitMs = retryAfterMs(response.headers);
  if (waitMs === null || waitMs <= MAX_RETRY_AFTER_MS) return response;

  debug(`the API requested a retry after ${Math.round(waitMs)} ms; not retrying`);
  const headers = new Headers(response.headers);
  headers.set('x-should-retry', 'false');
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

/** Returns the retry delay a reply requests, in milliseconds, or null when it sets none. */
function retryAfterMs(headers: Headers): number | null {
  const milliseconds = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(milliseconds)) return milliseconds;
  const value = headers.get('retry-after');
  if (value === null) return null;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : date - Date.now();
}
