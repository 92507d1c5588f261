import { ApiProperty } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

export class MergedCustomerRedirectView {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ format: 'uuid' }) mergedInto!: string;
  @ApiProperty({ example: '/api/v1/customers/0b7c…/360', description: 'Also in the Location header' }) location!: string;
}

/**
 * 307 to the same view of the survivor, keeping the query string (a
 * minPosition or cursor still applies there). 307 rather than 308: a merge
 * can be undone, so the redirect must not be cached as permanent.
 */
export const redirectToSurvivor = (
  reply: FastifyReply,
  request: FastifyRequest,
  customerId: string,
  survivorId: string,
  view: '360' | 'timeline',
): MergedCustomerRedirectView => {
  const queryAt = request.url.indexOf('?');
  const location = `/api/v1/customers/${survivorId}/${view}${queryAt === -1 ? '' : request.url.slice(queryAt)}`;
  void reply.status(307).header('Location', location);
  return { customerId, mergedInto: survivorId, location };
};
