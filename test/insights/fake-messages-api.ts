import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted response of the fake server. */
export interface ScriptedReply {
  /** HTTP status; 200 by default. */
  status?: number;
  headers?: Record<string, string>;
  /** Input of the `record_insights` tool call in a 200 reply. */
  toolInput?: unknown;
  /** A whole response body, sent in place of the tool call message. */
  body?: unknown;
  /** Milliseconds to wait before responding. */
  delayMs?: number;
  /**
   * Bytes of padding in a 200 reply's text block, sent in chunks of 1 MiB until all are sent
   * or the client closes the connection. `sentBytes` of the request counts what went out.
   */
  paddingBytes?: number;
  /** Sends the headers and part of the body, then closes the connection. */
  cutBody?: boolean;
}

/** A request as the fake server received it. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  /** The body exactly as it arrived. */
  rawBody: string;
  body: Record<string, unknown>;
  /** Bytes of a padded reply written before the client closed the connection or all were sent. */
  sentBytes?: number;
  /**
   * True once the server has started its reply. A client that returns while this is false did
   * not wait for a delayed reply.
   */
  replied: boolean;
}

export interface FakeMessagesApi {
  /** `http://127.0.0.1:<port>`, for ANTHROPIC_BASE_URL. */
  baseURL: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

/** Returns a Messages API reply whose only content block calls the tool with `input`. */
export function toolUseMessage(model: unknown, input: unknown, sequence: number): object {
  return {
    id: `msg_test_${sequence}`,
    type: 'message',
    role: 'assistant',
    model,
    content: [{ type: 'tool_use', id: `toolu_test_${sequence}`, name: 'record_insights', input }],
    stop_reason: 'tool_use',
    stop_sequence: null,
    usage: { input_tokens: 100, output_tokens: 50 },
  };
}

function errorBody(status: number, sequence: number): object {
  const type = ERROR_TYPES[status] ?? 'api_error';
  return {
    type: 'error',
    error: { type, message: `fake ${type}` },
    request_id: `req_test_${sequence}`,
  };
}

const CHUNK_BYTES = 1024 * 1024;

/** Writes a reply whose text block holds `paddingBytes` bytes, until the client goes away. */
async function answerPadded(
  response: ServerResponse,
  paddingBytes: number,
  request: RecordedRequest,
): Promise<void> {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.write(
    '{"id":"msg_padded","type":"message","role":"assistant","content":[{"type":"text","text":"',
  );
  const chunk = 'A'.repeat(CHUNK_BYTES);
  request.sentBytes = 0;
  while (request.sentBytes < paddingBytes && !response.destroyed) {
    const flushed = response.write(chunk);
    request.sentBytes += CHUNK_BYTES;
    if (flushed) continue;
    await new Promise((resolve) => {
      response.once('drain', resolve);
      response.once('close', resolve);
    });
  }
  if (!response.destroyed) response.end('"}],"stop_reason":"end_turn"}');
}

/** Sends headers that promise a longer body, part of it, then closes the connection. */
function answerCut(response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
  response.write('{"id":"msg_cut","type":');
  setTimeout(() => response.destroy(), 20);
}

function answer(
  response: ServerResponse,
  reply: ScriptedReply,
  request: RecordedRequest,
  sequence: number,
) {
  request.replied = true;
  if (reply.paddingBytes !== undefined) {
    void answerPadded(response, reply.paddingBytes, request);
    return;
  }
  if (reply.cutBody === true) {
    answerCut(response);
    return;
  }
  const status = reply.status ?? 200;
  // A `body` of null is sent as the JSON text `null`.
  const body =
    reply.body !== undefined
      ? reply.body
      : status === 200
        ? toolUseMessage(request.body['model'], reply.toolInput, sequence)
        : errorBody(status, sequence);
  response.writeHead(status, {
    'content-type': 'application/json',
    'request-id': `req_test_${sequence}`,
    ...reply.headers,
  });
  response.end(JSON.stringify(body));
}

/**
 * Starts a fake of Anthropic's Messages API on 127.0.0.1 with a free port. It responds to
 * `POST /v1/messages` with the scripted replies in order, repeating the last one, and records
 * every request so tests can check what arrived. Any other path gets a 404.
 */
export async function startFakeMessagesApi(replies: ScriptedReply[]): Promise<FakeMessagesApi> {
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const parsed = rawBody === '' ? {} : (JSON.parse(rawBody) as Record<string, unknown>);
      const request: RecordedRequest = {
        method: incoming.method ?? '',
        url: incoming.url ?? '',
        headers: incoming.headers,
        rawBody,
        body: parsed,
        replied: false,
      };
      requests.push(request);
      if (request.method !== 'POST' || !request.url.startsWith('/v1/messages')) {
        request.replied = true;
        response.writeHead(404, { 'content-type': 'application/json' }).end('{}');
        return;
      }

      const sequence = requests.length;
      const reply = replies[Math.min(sequence, replies.length) - 1] ?? { status: 500 };
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!response.destroyed) answer(response, reply, request, sequence);
      }, reply.delayMs ?? 0);
      timers.add(timer);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Returns a URL on 127.0.0.1 where nothing listens: a port that was free a moment ago. */
export async function closedPortURL(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
