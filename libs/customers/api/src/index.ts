export { CustomersModule } from './customers.module';
export { CustomerCommands } from './shared/customer-commands.service';
export type { MergeInput, UnmergeInput } from './shared/customer-commands.service';
export type { LineageOutcome } from './shared/customer-merge.saga';
export { CUSTOMER_DIRECTORY } from './shared/customer-directory.port';
export type { CustomerDirectory } from './shared/customer-directory.port';
export { likelyDuplicateCode } from './register-customer/register-customer.controller';
/** The register endpoint's body, whose rules the CSV import applies to every row. */
export { RegisterCustomerDto } from './register-customer/register-customer.dto';
export { CustomerView } from './get-customer/customer.view';
export { SegmentPolicyView } from './get-segment-policy/segment-policy.view';
