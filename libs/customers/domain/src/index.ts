export type {
  AddContact,
  AssignCustomerGroups,
  ChangeCustomerOwner,
  CustomerCommand,
  CustomerContactCommand,
  CustomerProfileCommand,
  RecordConsent,
  RecordInteraction,
  RegisterCustomer,
  RemoveContact,
  ReviseContact,
  ReviseCustomerProfile,
  SetIntentLevel,
  TagCustomer,
  UntagCustomer,
} from './customer.commands';
export type { ArchiveCustomer, CustomerArchiveCommand, RestoreCustomer } from './customer-archive.commands';
export type { CustomerLineageCommand, MarkMergedInto, MergeCustomer, RevertMerge, UnmergeCustomer } from './customer-merge.commands';
export type { CustomerValueCommand, RecordOrderValue, ReevaluateValueSegment } from './customer-value.commands';
export type {
  ContactAdded,
  ContactRemoved,
  ContactRevised,
  CustomerArchived,
  CustomerConsentRecorded,
  CustomerEvent,
  CustomerGroupsAssigned,
  CustomerIntentLevelSet,
  CustomerMergeReverted,
  CustomerMergedInto,
  CustomerOrderValueRecorded,
  CustomerOwnerChanged,
  CustomerProfileRevised,
  CustomerRegistered,
  CustomerRestored,
  CustomerTagged,
  CustomerUntagged,
  CustomerValueSegmentChanged,
  CustomersMerged,
  CustomersUnmerged,
  InteractionRecorded,
} from './customer.events';
export { customerEventTypes } from './customer.events';
export type {
  ArchiveRecord,
  ConsentRecord,
  CustomerContact,
  CustomerDetails,
  CustomerProfile,
  CustomerState,
  IntentRecord,
  RecordedOrderValue,
  RegisteredCustomer,
} from './customer.state';
export { initialCustomerState } from './customer.state';
export type {
  CompanySize,
  ConsentPurpose,
  CustomerKind,
  DuplicateReason,
  Instant,
  IntentLevel,
  InteractionKind,
  Money,
  ValueSegment,
} from './customer.values';
export {
  companySizes,
  consentPurposes,
  customerKinds,
  defaultCountryCallingCode,
  duplicateReasons,
  intentLevels,
  interactionKinds,
  maxMoneyAmount,
  valueSegments,
} from './customer.values';
export { customerDecider, decide, evolve } from './customer.decider';
export { customerImportStreamId, customerStreamCategories, customerStreamId, segmentPolicyStreamId } from './customers.stream-ids';
export { CustomerRuleCodes } from './customer.rules';
export type { CustomerRuleCode } from './customer.rules';
export { isCurrencyCode, isInstant, isValidMoneyAmount } from './customer-fields.validate';
export type { ContactPointCheck } from './contact-point.normalise';
export { checkEmail, checkPhone, isCountryCallingCode, normaliseEmail, normalisePhone } from './contact-point.normalise';
export { foldCompanyName, foldToAscii, legalSuffixes } from './customer-name.fold';
export { jaroSimilarity, jaroWinklerSimilarity } from './jaro-winkler.similarity';
export type { DuplicateCandidate, DuplicateMatch, DuplicateMatchReason } from './customer-duplicates.detect';
export { findLikelyDuplicates, likelyDuplicateNameSimilarity } from './customer-duplicates.detect';
export type { SegmentPolicy } from './segment-policy.values';
export { defaultSegmentPolicy, maxSegmentWindowDays, sameSegmentPolicy, segmentPolicyProblems } from './segment-policy.values';
export type { SegmentPolicyCommand, SegmentPolicyEvent, SegmentPolicySet, SetSegmentPolicy } from './segment-policy.events';
export { segmentPolicyEventTypes } from './segment-policy.events';
export type { SegmentPolicyState } from './segment-policy.decider';
export {
  currentSegmentPolicy,
  decideSegmentPolicy,
  evolveSegmentPolicy,
  initialSegmentPolicyState,
  segmentPolicyDecider,
} from './segment-policy.decider';
export type { OrderForSegment, SegmentClassification } from './value-segment.classify';
export { classifySegment } from './value-segment.classify';
export type { CompleteCustomerImport, CustomerImportCommand, RecordImportBatch, StartCustomerImport } from './customer-import.commands';
export type {
  CustomerImportBatchProcessed,
  CustomerImportCompleted,
  CustomerImportEvent,
  CustomerImportStarted,
  DuplicateRow,
  ImportFieldError,
  ImportedRow,
  RejectedRow,
} from './customer-import.events';
export { customerImportEventTypes } from './customer-import.events';
export type { CustomerImportDetails, CustomerImportState } from './customer-import.state';
export { initialCustomerImportState } from './customer-import.state';
export { customerImportDecider, decideCustomerImport, evolveCustomerImport } from './customer-import.decider';
export type { ImportRowFields, ImportRowRecord, ImportRowResult, ImportedCustomerProfile } from './customer-import-row.validate';
export { defaultImportKind, importRowFields, importSourceChannel, listSeparator, validateImportRow } from './customer-import-row.validate';
export type { ImportRowContactPoints } from './customer-import-row.dedupe';
export { findDuplicateRowsInFile } from './customer-import-row.dedupe';
