import type { Socket } from 'node:net';
import { problem, problemContentType } from './problem-details';

// Structural, as in the in-flight limit: Nest's adapter brings its own copy of fastify, whose nominal types differ.
type RefusedRequest = Readonly<{ url: string }>;
type RefusalReply = Readonly<{ raw: { writeHead(status: number, headers: Record<string, string>): unknown; end(body: string): unknown } }>;

/**
 * Requests Fastify refuses before any route runs: a malformed percent-encoding
 * in the path (`/customers/%E0`), or a path segment longer than the router
 * reads. Answered like every other refusal, as problem+json naming the path.
 */
export const frameworkErrors = (error: Error & { code?: string }, request: RefusedRequest, reply: RefusalReply): void => {
  const path = request.url.split('?')[0] ?? '/';
  const body =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? problem(414, 'path-segment-too-long', 'Path segment too long', `A segment of ${path.slice(0, 200)} is longer than any id or name this API takes (${maxPathSegmentLength} characters)`)
      : problem(400, 'malformed-url', 'Malformed URL', 'The path is not a valid URL: a percent-encoding does not decode to UTF-8 text');
  const payload = JSON.stringify({ ...body, instance: path.slice(0, 200) });
  // Written on the raw response: Fastify's reply would run the route's hooks, and there is no route.
  reply.raw.writeHead(body.status, { 'Content-Type': problemContentType, 'Content-Length': String(Buffer.byteLength(payload)) });
  reply.raw.end(payload);
};

/** Longer than every path parameter's own bound (a tag's 64, a reference's 128), after percent-decoding. */
export const maxPathSegmentLength = 1024;

/**
 * Node's answer to bytes that are no HTTP request (a header with a control
 * character, say) is written straight to the socket: there is no request to
 * route. Written here as problem+json, so every refusal has one shape.
 */
export const clientErrorHandler = (error: Error & { code?: string }, socket: Socket): void => {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const body = JSON.stringify(
    tooLarge
      ? problem(431, 'headers-too-large', 'Request headers too large', 'The request line and headers exceed what this server reads')
      : problem(400, 'malformed-request', 'Malformed HTTP request', 'The request is not valid HTTP/1.1 (e.g. a control character in a header)'),
  );
  const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: ${problemContentType}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
};
