import { Registry } from 'prom-client';
import type { LimitedReply } from './in-flight-limit';
import { inFlightLimit } from './in-flight-limit';

/** A reply that records what the hook did to it, and whose response can be finished on demand. */
const fakeReply = () => {
  const headers: Record<string, string> = {};
  let finish = (): void => undefined;
  const reply: LimitedReply & { status?: number; body?: unknown } = {
    raw: { once: (_event, listener) => (finish = listener) },
    code(status) {
      reply.status = status;
    },
    header(name, value) {
      headers[name.toLowerCase()] = value;
    },
    send(payload) {
      reply.body = payload;
    },
  };
  return { reply, headers, finish: () => finish() };
};

const request = (url: string) => ({ url, routeOptions: { url } });

describe('inFlightLimit while draining', () => {
  it('finishes the admitted request, refuses new ones, and closes every connection from the drain on', async () => {
    const limit = inFlightLimit(10, new Registry());
    const admitted = fakeReply();
    await limit.onRequest(request('/api/v1/orders'), admitted.reply);
    await limit.onSend(undefined, admitted.reply, 'before');
    expect(admitted.headers).toEqual({});

    let drained = false;
    const draining = limit.drain().then(() => (drained = true));
    const refused = fakeReply();
    await limit.onRequest(request('/api/v1/orders'), refused.reply);
    expect(refused.reply.status).toBe(503);
    expect(refused.headers).toMatchObject({ 'retry-after': '1', connection: 'close', 'content-type': expect.stringContaining('application/problem+json') });
    expect(refused.reply.body).toMatchObject({ code: 'shutting-down', instance: '/api/v1/orders' });

    // The probe is still answered, but its connection closes after it, as does the admitted request's.
    const probe = fakeReply();
    await limit.onRequest(request('/health/ready'), probe.reply);
    expect(probe.reply.status).toBeUndefined();
    await expect(limit.onSend(undefined, probe.reply, 'ok')).resolves.toBe('ok');
    await limit.onSend(undefined, admitted.reply, 'answer');
    expect(probe.headers).toEqual({ connection: 'close' });
    expect(admitted.headers).toEqual({ connection: 'close' });

    await Promise.resolve();
    expect(drained).toBe(false);
    admitted.finish();
    await draining;
    expect(limit.inFlight()).toBe(0);
  });

  it('is drained at once when nothing is in flight', async () => {
    await expect(inFlightLimit(1, new Registry()).drain()).resolves.toBeUndefined();
  });
});
