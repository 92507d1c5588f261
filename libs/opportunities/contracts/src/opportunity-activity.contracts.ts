import { eventSchemaFor, jsonSchemaDialect, schemaIdOf } from './event-contract.schema';
import type { ContractActivityKind, ContractCalendarDate, ContractInstant } from './opportunity-contract.values';
import { activityKindSchema, calendarDateSchema, instantSchema, textSchema } from './opportunity-contract.values';

export type ActivityLoggedV1 = Readonly<{
  opportunityId: string;
  activityId: string;
  kind: ContractActivityKind;
  occurredAt: ContractInstant;
  subject: string;
  notes?: string;
  nextFollowUpOn?: ContractCalendarDate;
  loggedAt: ContractInstant;
}>;

export const activityLoggedSchemaV1 = eventSchemaFor<ActivityLoggedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('ActivityLogged', 1),
  title: 'ActivityLogged',
  description:
    'A call, email, meeting or note on a deal (open or closed). Each activityId is logged at most once per deal; ' +
    'nextFollowUpOn is never before the calendar date of occurredAt.',
  type: 'object',
  additionalProperties: false,
  required: ['opportunityId', 'activityId', 'kind', 'occurredAt', 'subject', 'loggedAt'],
  properties: {
    opportunityId: textSchema,
    activityId: textSchema,
    kind: activityKindSchema,
    occurredAt: instantSchema,
    subject: textSchema,
    notes: textSchema,
    nextFollowUpOn: calendarDateSchema,
    loggedAt: instantSchema,
  },
});
