export { CustomersModule } from './customers.module';
export { CustomerCommands } from './shared/customer-commands.service';
export type { MergeInput, UnmergeInput } from './shared/customer-commands.service';
export type { LineageOutcome } from './shared/customer-merge.saga';
export { CUSTOMER_DIRECTORY } from './shared/customer-directory.port';
export type { CustomerDirectory } from './shared/customer-directory.port';
export { likelyDuplicateCode } from './register-customer/register-customer.controller';
export { CustomerView } from './get-customer/customer.view';
export { SegmentPolicyView } from './get-segment-policy/segment-policy.view';
