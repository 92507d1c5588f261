import { streamIdFor } from '@meridian/platform/eventsourcing';

/** The one place that names an opportunity's stream: `opportunity-<id>`. */
export const opportunityStreamId = (opportunityId: string): string => streamIdFor('opportunity', opportunityId);
