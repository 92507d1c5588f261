import { Writable } from 'node:stream';
import { createProcessLogger } from './process-logger';
import { enrichLogContext, withLogContext } from './log-context';

const capture = () => {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  return { lines, destination };
};

describe('process logger', () => {
  it('writes one JSON object per line: ISO time, level word, service, message and fields', () => {
    const { lines, destination } = capture();
    createProcessLogger({ service: 'relay', level: 'info', destination }).info({ batch: 3 }, 'batch relayed');
    expect(lines).toEqual([expect.objectContaining({ level: 'info', service: 'relay', message: 'batch relayed', batch: 3 })]);
    expect(new Date(lines[0]?.time as string).toISOString()).toBe(lines[0]?.time);
  });

  it('adds the correlation id, tenant and trace id of the work in progress, across awaits', async () => {
    const { lines, destination } = capture();
    const logger = createProcessLogger({ service: 'projections', level: 'info', destination });
    await withLogContext({ correlationId: 'c-1', traceId: 't'.repeat(32) }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      enrichLogContext({ tenantId: 'acme' });
      logger.info('applied');
    });
    logger.info('idle');
    expect(lines[0]).toMatchObject({ correlationId: 'c-1', tenantId: 'acme', traceId: 't'.repeat(32) });
    expect(lines[1]).not.toHaveProperty('correlationId');
    expect(lines[1]).not.toHaveProperty('tenantId');
  });

  it('drops lines below its level and serialises errors with their stack', () => {
    const { lines, destination } = capture();
    const logger = createProcessLogger({ service: 'relay', level: 'warn', destination });
    logger.info('hidden');
    logger.error({ error: new Error('broker down') }, 'send failed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'error', error: { type: 'Error', message: 'broker down' } });
    expect((lines[0]?.error as { stack: string }).stack).toContain('broker down');
  });

  it('enriching outside any request or message changes nothing', () => {
    expect(() => enrichLogContext({ tenantId: 'acme' })).not.toThrow();
  });
});
