export { DeciderSpecification } from './decider-specification';
export type { SameShape } from './contract-conformance';
export { playCommands } from './contract-conformance';
