import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { MinPosition, ReadModelQueryEndpoint, ReadYourWrites, TenantId, readFrom } from '@meridian/platform/nest';
import { listOpportunities, opportunityListReadModel } from '@meridian/read-models/opportunity-list';
import type { OpportunityReadModels } from '../shared/opportunity-read-models';
import { OPPORTUNITY_READ_MODELS } from '../shared/opportunity-read-models';
import { opportunityListCursorScope } from './list-opportunities.cursor';
import { listOpportunitiesQuery, parseListOpportunitiesQuery } from './list-opportunities.query';
import { OpportunityListPageView, toOpportunityListPageView } from './opportunity-list-page.dto';

@ApiTags('opportunities')
@Controller('api/v1/opportunities')
export class ListOpportunitiesController {
  constructor(@Inject(OPPORTUNITY_READ_MODELS) private readonly readModels: OpportunityReadModels) {}

  @Get()
  @ApiOperation({ summary: "List the tenant's opportunities (read model; eventually consistent, see X-Min-Position)" })
  @ReadModelQueryEndpoint()
  @ReadYourWrites()
  @listOpportunitiesQuery.documented()
  @ApiOkResponse({ type: OpportunityListPageView })
  async list(@TenantId() tenantId: string, @MinPosition() minPosition: number | undefined, @Req() request: FastifyRequest): Promise<OpportunityListPageView> {
    const query = parseListOpportunitiesQuery(request, tenantId);
    const page = await readFrom(opportunityListReadModel, this.readModels.opportunityList, { minPosition, maxWaitMs: this.readModels.maxWaitMs }, (storage) =>
      listOpportunities(storage.documents, query),
    );
    return toOpportunityListPageView(page, opportunityListCursorScope(query));
  }
}
