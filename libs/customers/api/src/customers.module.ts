import { Module } from '@nestjs/common';
import { AddContactController } from './add-contact/add-contact.controller';
import { ArchiveCustomerController } from './archive-customer/archive-customer.controller';
import { AssignCustomerGroupsController } from './assign-customer-groups/assign-customer-groups.controller';
import { ChangeCustomerOwnerController } from './change-customer-owner/change-customer-owner.controller';
import { GetCustomerController } from './get-customer/get-customer.controller';
import { GetSegmentPolicyController } from './get-segment-policy/get-segment-policy.controller';
import { ListContactsController } from './list-contacts/list-contacts.controller';
import { MergeCustomersController } from './merge-customers/merge-customers.controller';
import { RecordConsentController } from './record-consent/record-consent.controller';
import { RecordInteractionController } from './record-interaction/record-interaction.controller';
import { CustomerDuplicateCheck } from './register-customer/customer-duplicates.check';
import { RegisterCustomerController } from './register-customer/register-customer.controller';
import { RemoveContactController } from './remove-contact/remove-contact.controller';
import { RestoreCustomerController } from './restore-customer/restore-customer.controller';
import { ReviseContactController } from './revise-contact/revise-contact.controller';
import { ReviseCustomerProfileController } from './revise-customer-profile/revise-customer-profile.controller';
import { SetIntentLevelController } from './set-intent-level/set-intent-level.controller';
import { SetSegmentPolicyController } from './set-segment-policy/set-segment-policy.controller';
import { CustomerCommands } from './shared/customer-commands.service';
import { TagCustomerController } from './tag-customer/tag-customer.controller';
import { UntagCustomerController } from './untag-customer/untag-customer.controller';
import { UnmergeCustomersController } from './unmerge-customers/unmerge-customers.controller';

/**
 * The customers context's write API and strongly consistent reads; needs
 * EventStoreModule imported by the host. CUSTOMER_DIRECTORY is optional: a
 * host with the read side provides it globally for duplicate detection.
 * Exports CustomerCommands for the context's process managers and imports.
 */
@Module({
  controllers: [
    // The tenant-wide segment-policy routes first: `segment-policy` is a fixed
    // segment that must never be taken for a `:customerId`.
    GetSegmentPolicyController,
    SetSegmentPolicyController,
    RegisterCustomerController,
    GetCustomerController,
    ReviseCustomerProfileController,
    ListContactsController,
    AddContactController,
    ReviseContactController,
    RemoveContactController,
    TagCustomerController,
    UntagCustomerController,
    AssignCustomerGroupsController,
    SetIntentLevelController,
    ChangeCustomerOwnerController,
    RecordConsentController,
    RecordInteractionController,
    MergeCustomersController,
    UnmergeCustomersController,
    ArchiveCustomerController,
    RestoreCustomerController,
  ],
  providers: [CustomerCommands, CustomerDuplicateCheck],
  exports: [CustomerCommands],
})
export class CustomersModule {}
