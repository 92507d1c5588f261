import type { FastifyRequest } from 'fastify';
import { queryParsing } from '@meridian/platform/nest/testing';
import { timelineCursorOf } from '@meridian/read-models/customer-activity';
import { parseCustomerTimelineQuery } from './customer-timeline.query';

// The parser needs no tenant: the queryParsing helper passes one anyway.
const timelineQuery = queryParsing((request: FastifyRequest) => parseCustomerTimelineQuery(request));

const cursor = timelineCursorOf({ at: '2026-03-01T09:00:00.000Z', position: 42, eventId: '5f1d3c1e-0a4b-4c55-9d41-2d1c2f6a7b10' });

describe('parseCustomerTimelineQuery', () => {
  it('reads no parameters as the newest page of the default size', () => {
    expect(timelineQuery.parse({})).toEqual({});
  });

  it('takes a cursor the timeline handed out and a limit', () => {
    expect(timelineQuery.parse({ before: cursor, limit: '200', minPosition: '3' })).toEqual({ before: cursor, limit: 200 });
  });

  it.each(['yesterday', '2026-03-01T09:00:00.000Z|x|e1', '2026-03-01|42|e1', '2026-03-01T09:00:00.000Z|42|'])('refuses the cursor %p, naming before', (before) => {
    expect(timelineQuery.errorsOf({ before })).toEqual({ 'query:before': 'must be the `next` cursor of a previous page' });
  });

  it('refuses a limit out of range, an unknown and a repeated parameter, all at once', () => {
    expect(timelineQuery.fieldsOf({ limit: '201', after: cursor, before: [cursor, cursor] })).toEqual(['query:after', 'query:before', 'query:limit']);
  });
});
