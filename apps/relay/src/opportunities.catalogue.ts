import type { PublicEventCatalogue, PublicEventContract } from '@meridian/platform/kafka';
import { contractValidatorOptions, opportunitiesTopic, opportunityContractTypes, opportunityContracts } from '@meridian/opportunities/contracts';

/** The opportunities context as the relay sees it: `opportunity-…` streams → `crm.opportunities`. */
export const opportunitiesCatalogue: PublicEventCatalogue = {
  streamCategory: 'opportunity',
  topic: opportunitiesTopic,
  source: '/meridian/opportunities',
  contracts: Object.fromEntries(
    opportunityContractTypes.map((type): [string, PublicEventContract] => {
      const { version, ceType, schema } = opportunityContracts[type];
      return [type, { version, ceType, schema }];
    }),
  ),
  validatorOptions: contractValidatorOptions,
};

/** Every context the relay publishes; a new context adds its catalogue here. */
export const relayCatalogues: readonly PublicEventCatalogue[] = [opportunitiesCatalogue];
