import { contractValidatorOptions, opportunitiesTopic } from './event-contract.schema';
import { opportunityContractTypes, opportunityContracts } from './opportunity-contracts.registry';

/**
 * The opportunities context's public face on Kafka, in one place for the relay
 * and for tests: structurally the `PublicEventCatalogue` of platform/kafka,
 * which a contracts library may not import.
 */
export const opportunitiesPublicCatalogue = {
  streamCategory: 'opportunity',
  topic: opportunitiesTopic,
  source: '/meridian/opportunities',
  contracts: Object.fromEntries(
    opportunityContractTypes.map((type) => {
      const { version, ceType, schema } = opportunityContracts[type];
      return [type, { version, ceType, schema }] as const;
    }),
  ),
  validatorOptions: contractValidatorOptions,
};
