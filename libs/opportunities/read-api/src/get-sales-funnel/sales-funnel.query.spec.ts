import type { FastifyRequest } from 'fastify';
import { queryParsing } from '@meridian/platform/nest/testing';
import { parseSalesFunnelQuery } from './sales-funnel.query';

const { parse, errorsOf } = queryParsing(parseSalesFunnelQuery);

describe('parseSalesFunnelQuery', () => {
  it('reads no parameters as the whole period, unsplit, for the tenant', () => {
    expect(parse({})).toEqual({ tenantId: 'acme', fromMonth: undefined, toMonth: undefined, split: undefined });
    expect(parseSalesFunnelQuery({ query: undefined } as unknown as FastifyRequest, 'acme').tenantId).toBe('acme');
  });

  it('maps a full query: inclusive months and one split (minPosition is left to read-your-writes)', () => {
    expect(parse({ from: '2026-01', to: '2026-03', ownerId: 'rep-ada', minPosition: '5' })).toEqual({
      tenantId: 'acme', fromMonth: '2026-01', toMonth: '2026-03', split: { dimension: 'owner', value: 'rep-ada' },
    });
    expect(parse({ from: '2026-02', to: '2026-02' })).toMatchObject({ fromMonth: '2026-02', toMonth: '2026-02' });
  });

  it.each([
    ['ownerId', 'owner'],
    ['region', 'region'],
    ['productLine', 'productLine'],
    ['sourceChannel', 'sourceChannel'],
  ])('splits by %s as the %s dimension', (parameter, dimension) => {
    expect(parse({ [parameter]: 'EMEA / Ada' }).split).toEqual({ dimension, value: 'EMEA / Ada' });
  });

  it('refuses an unknown parameter, listing the allowed ones', () => {
    expect(errorsOf({ owner: 'rep-ada' })).toEqual({ 'query:owner': expect.stringContaining('allowed: from, to, ownerId, region, productLine, sourceChannel, minPosition') });
  });

  it('refuses a repeated parameter', () => {
    expect(errorsOf({ from: ['2026-01', '2026-02'] })).toEqual({ 'query:from': 'is given more than once' });
  });

  it.each(['2026-13', '2026-00', '2026-1', '202601', '2026-01-15', 'january'])('refuses the month %p', (month) => {
    expect(Object.keys(errorsOf({ from: month }))).toEqual(['query:from']);
    expect(Object.keys(errorsOf({ to: month }))).toEqual(['query:to']);
  });

  it('names only the malformed bound, not a range error caused by it', () => {
    expect(errorsOf({ from: 'zzzz', to: '2026-01' })).toEqual({ 'query:from': 'must be a month YYYY-MM' });
  });

  it('refuses a period that ends before it starts, naming to', () => {
    expect(errorsOf({ from: '2026-04', to: '2026-03' })).toEqual({ 'query:to': 'must not be before from' });
    expect(errorsOf({ from: '2026-01', to: '2025-12' })).toEqual({ 'query:to': 'must not be before from' });
  });

  it('refuses two splits, naming the second and both given', () => {
    const errors = errorsOf({ ownerId: 'rep-ada', region: 'EMEA' });
    expect(Object.keys(errors)).toEqual(['query:region']);
    expect(errors['query:region']).toContain('got ownerId and region');
  });

  it('refuses an empty or control-character split value', () => {
    expect(Object.keys(errorsOf({ region: '' }))).toEqual(['query:region']);
    expect(Object.keys(errorsOf({ productLine: 'a\nb' }))).toEqual(['query:productLine']);
  });

  it('reports every problem at once', () => {
    expect(Object.keys(errorsOf({ owner: 'x', to: ['2026-01', '2026-02'], from: '2026-1', region: 'EMEA', sourceChannel: 'web' })).sort()).toEqual([
      'query:from', 'query:owner', 'query:sourceChannel', 'query:to',
    ]);
  });
});
