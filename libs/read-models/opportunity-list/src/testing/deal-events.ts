import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@meridian/platform/eventsourcing';
import type { OpportunityContractPayloads, OpportunityContractType } from '@meridian/opportunities/contracts';
import { at, openedPayload } from './opportunity-events';
import type { OpenedOverrides } from './opportunity-events';

export const newEvent = <T extends OpportunityContractType>(type: T, data: OpportunityContractPayloads[T], tenantId: string): NewEvent => ({
  eventId: randomUUID(),
  type,
  data,
  metadata: { tenantId, actorId: 'rep-ana', correlationId: `corr-${randomUUID()}`, causationId: `cmd-${randomUUID()}`, schemaVersion: 1, occurredAt: at },
});

export type DealStep = (opportunityId: string, tenantId: string) => NewEvent;

export const opening = (overrides: OpenedOverrides) => (opportunityId: string, tenantId: string) =>
  newEvent('OpportunityOpened', openedPayload(opportunityId, overrides), tenantId);

export const qualify: DealStep = (opportunityId, tenantId) =>
  newEvent('OpportunityStageChanged', { opportunityId, fromStage: 'lead', toStage: 'qualified', direction: 'forward', changedAt: at }, tenantId);

export const propose: DealStep = (opportunityId, tenantId) =>
  newEvent('OpportunityStageChanged', { opportunityId, fromStage: 'qualified', toStage: 'proposal', direction: 'forward', changedAt: at }, tenantId);

export const win = (amount: number): DealStep => (opportunityId, tenantId) =>
  newEvent('OpportunityWon', { opportunityId, fromStage: 'qualified', finalAmount: { amount, currency: 'EUR' }, wonAt: '2026-04-02T10:00:00.000Z' }, tenantId);

export const lose: DealStep = (opportunityId, tenantId) =>
  newEvent('OpportunityLost', { opportunityId, fromStage: 'lead', reason: 'no budget', lostAt: '2026-04-03T10:00:00.000Z' }, tenantId);

export const revise = (from: number, to: number): DealStep => (opportunityId, tenantId) =>
  newEvent('OpportunityAmountRevised', { opportunityId, previousAmount: { amount: from, currency: 'EUR' }, amount: { amount: to, currency: 'EUR' }, revisedAt: at }, tenantId);

export const reschedule = (from: string, to: string): DealStep => (opportunityId, tenantId) =>
  newEvent('OpportunityCloseDateRescheduled', { opportunityId, previousExpectedCloseDate: from, expectedCloseDate: to, rescheduledAt: at }, tenantId);
