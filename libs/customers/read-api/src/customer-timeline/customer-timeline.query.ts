import type { FastifyRequest } from 'fastify';
import { integerParameter, queryParameters, textParameter } from '@meridian/platform/nest';
import type { TimelineRequest } from '@meridian/read-models/customer-activity';
import { InvalidTimelineCursor, defaultTimelinePageSize, maxTimelinePageSize, timeline } from '@meridian/read-models/customer-activity';

export const customerTimelineQuery = queryParameters(
  {
    before: textParameter('The `next` cursor of the previous page'),
    limit: integerParameter(1, maxTimelinePageSize, `Default ${defaultTimelinePageSize}`),
  },
  { readYourWrites: true },
);

/** Whether the timeline would take this cursor: asked of the timeline itself (over no entries), so the cursor format has one owner. */
const isTimelineCursor = (cursor: string): boolean => {
  try {
    timeline([], { before: cursor });
    return true;
  } catch (error) {
    if (error instanceof InvalidTimelineCursor) return false;
    throw error;
  }
};

/** A page request of the timeline; a `before` that is not a cursor the timeline handed out is a 400 naming it, before any read. */
export const parseCustomerTimelineQuery = (request: FastifyRequest): TimelineRequest => {
  const read = customerTimelineQuery.reader(request);
  const before = read.value('before');
  if (before !== undefined && !isTimelineCursor(before)) read.fail('before', 'must be the `next` cursor of a previous page');
  const limit = read.value('limit');
  read.done();
  return { ...(before === undefined ? {} : { before }), ...(limit === undefined ? {} : { limit }) };
};
