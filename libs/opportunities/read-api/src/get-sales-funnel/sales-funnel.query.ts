import type { FastifyRequest } from 'fastify';
import type { FunnelSplit, SalesFunnelQuery } from '@meridian/read-models/sales-funnel';
import { monthParameter, queryParameters, textParameter } from '@meridian/platform/nest';

const splits = ['ownerId', 'region', 'productLine', 'sourceChannel'] as const;
const dimensionOf = { ownerId: 'owner', region: 'region', productLine: 'productLine', sourceChannel: 'sourceChannel' } as const;

const oneSplit = `At most one of ${splits.join(', ')} (each is its own rollup)`;

export const salesFunnelQuery = queryParameters(
  {
    from: monthParameter('First cohort month, YYYY-MM (inclusive); default: the beginning'),
    to: monthParameter('Last cohort month, YYYY-MM (inclusive), not before from; default: now'),
    ownerId: textParameter(oneSplit),
    region: textParameter(oneSplit),
    productLine: textParameter(oneSplit),
    sourceChannel: textParameter(oneSplit),
  },
  { readYourWrites: true },
);

/**
 * Period = cohort months (when deals were opened), both bounds inclusive and
 * optional. At most one split: each is a precomputed rollup, and a
 * combination would need query-time aggregation the design avoids.
 */
export const parseSalesFunnelQuery = (request: FastifyRequest, tenantId: string): SalesFunnelQuery => {
  const read = salesFunnelQuery.reader(request);
  const fromMonth = read.value('from');
  const toMonth = read.value('to');
  if (fromMonth !== undefined && toMonth !== undefined && fromMonth > toMonth) read.fail('to', 'must not be before from');
  const given = splits.map((name) => [name, read.value(name)] as const).filter(([, value]) => value !== undefined);
  if (given.length > 1) read.fail(given[1][0], `only one of ${splits.join(', ')} may be given (got ${given.map(([name]) => name).join(' and ')})`);
  read.done();
  const split: FunnelSplit | undefined = given.length === 1 ? { dimension: dimensionOf[given[0][0]], value: given[0][1] as string } : undefined;
  return { tenantId, fromMonth, toMonth, split };
};
