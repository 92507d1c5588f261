import { Module } from '@nestjs/common';
import { ChangeOpportunityStageController } from './change-opportunity-stage/change-opportunity-stage.controller';
import { GetOpportunityController } from './get-opportunity/get-opportunity.controller';
import { LogOpportunityActivityController } from './log-opportunity-activity/log-opportunity-activity.controller';
import { OpenOpportunityController } from './open-opportunity/open-opportunity.controller';
import { ReassignOpportunityOwnerController } from './reassign-opportunity-owner/reassign-opportunity-owner.controller';
import { ReopenOpportunityController } from './reopen-opportunity/reopen-opportunity.controller';
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
  ],
  providers: [OpportunityCommands],
})
export class OpportunitiesModule {}
