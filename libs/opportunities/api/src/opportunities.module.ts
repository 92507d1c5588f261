import { Module } from '@nestjs/common';
import { ArchiveOpportunityController } from './archive-opportunity/archive-opportunity.controller';
import { ChangeOpportunityStageController } from './change-opportunity-stage/change-opportunity-stage.controller';
import { GetOpportunityController } from './get-opportunity/get-opportunity.controller';
import { ListOpportunityActivitiesController } from './list-opportunity-activities/list-opportunity-activities.controller';
import { LogOpportunityActivityController } from './log-opportunity-activity/log-opportunity-activity.controller';
import { OpenOpportunityController } from './open-opportunity/open-opportunity.controller';
import { ReassignOpportunityOwnerController } from './reassign-opportunity-owner/reassign-opportunity-owner.controller';
import { ReopenOpportunityController } from './reopen-opportunity/reopen-opportunity.controller';
import { RestoreOpportunityController } from './restore-opportunity/restore-opportunity.controller';
import { RescheduleOpportunityCloseController } from './reschedule-opportunity-close/reschedule-opportunity-close.controller';
import { ReviseOpportunityAmountController } from './revise-opportunity-amount/revise-opportunity-amount.controller';
import { OpportunityCommands } from './shared/opportunity-commands.service';

/** The opportunities context's HTTP surface; needs EventStoreModule imported by the host. */
@Module({
  controllers: [
    OpenOpportunityController,
    GetOpportunityController,
    ChangeOpportunityStageController,
    ReviseOpportunityAmountController,
    RescheduleOpportunityCloseController,
    ReassignOpportunityOwnerController,
    LogOpportunityActivityController,
    ReopenOpportunityController,
    ArchiveOpportunityController,
    RestoreOpportunityController,
    ListOpportunityActivitiesController,
  ],
  providers: [OpportunityCommands],
})
export class OpportunitiesModule {}
