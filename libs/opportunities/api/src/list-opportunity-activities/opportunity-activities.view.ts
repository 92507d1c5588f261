import { ApiProperty } from '@nestjs/swagger';
import type { LoggedActivity } from '@meridian/opportunities/domain';
import { ActivityView } from '../get-opportunity/opportunity.view';
import type { OpportunityActivitiesPaging } from './opportunity-activities.query';

export class OpportunityActivitiesPageView {
  @ApiProperty({ format: 'uuid' }) opportunityId!: string;
  @ApiProperty({ type: [ActivityView], description: 'Newest first by occurredAt (as instants); of two at the same instant, the one logged later first' })
  items!: ActivityView[];
  @ApiProperty({ description: 'How many activities the deal has' }) total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
  @ApiProperty({ description: 'True when another page follows' }) hasMore!: boolean;
  @ApiProperty({ description: 'Stream revision the list reflects; also the ETag' }) revision!: number;
}

/** RFC 3339 allows a lower-case `t`/`z`, which `Date.parse` does not promise to read. */
const millisOf = (instant: string): number => Date.parse(instant.toUpperCase());

/**
 * Newest first: by the instant each activity occurred (offsets compared as
 * instants, not as text), then the later logged first. Pure; the stream keeps
 * activities in the order they were logged.
 */
export const newestFirst = (activities: readonly LoggedActivity[]): LoggedActivity[] =>
  activities
    .map((activity, logged) => ({ activity, logged, at: millisOf(activity.occurredAt) }))
    .sort((a, b) => b.at - a.at || b.logged - a.logged)
    .map(({ activity }) => activity);

export const toOpportunityActivitiesPageView = (
  opportunityId: string,
  activities: readonly LoggedActivity[],
  { limit, offset }: OpportunityActivitiesPaging,
  revision: number,
): OpportunityActivitiesPageView => ({
  opportunityId,
  items: newestFirst(activities).slice(offset, offset + limit).map((activity) => ({ ...activity })),
  total: activities.length,
  limit,
  offset,
  hasMore: offset + limit < activities.length,
  revision,
});
