import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { MinPosition, ReadModelQueryEndpoint, ReadYourWrites, TenantId, readFrom } from '@meridian/platform/nest';
import { listOpportunities, maxPageSize, opportunityListReadModel, opportunityListSortFields } from '@meridian/read-models/opportunity-list';
import type { OpportunityReadModels } from '../shared/opportunity-read-models';
import { OPPORTUNITY_READ_MODELS } from '../shared/opportunity-read-models';
import { parseListOpportunitiesQuery } from './list-opportunities.query';
import { OpportunityListPageView, toOpportunityListPageView } from './opportunity-list-page.dto';

@ApiTags('opportunities')
@Controller('api/v1/opportunities')
export class ListOpportunitiesController {
  constructor(@Inject(OPPORTUNITY_READ_MODELS) private readonly readModels: OpportunityReadModels) {}

  @Get()
  @ApiOperation({ summary: "List the tenant's opportunities (read model; eventually consistent, see X-Min-Position)" })
  @ReadModelQueryEndpoint()
  @ReadYourWrites()
  @ApiQuery({ name: 'ownerId', required: false })
  @ApiQuery({ name: 'stage', required: false, enum: ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'] })
  @ApiQuery({ name: 'region', required: false })
  @ApiQuery({ name: 'closeDateFrom', required: false, description: 'Inclusive, YYYY-MM-DD, on the expected close date' })
  @ApiQuery({ name: 'closeDateTo', required: false, description: 'Inclusive, YYYY-MM-DD' })
  @ApiQuery({ name: 'sortBy', required: false, enum: opportunityListSortFields, description: 'Default expectedCloseDate' })
  @ApiQuery({ name: 'direction', required: false, enum: ['asc', 'desc'] })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: `1-${maxPageSize}, default 50` })
  @ApiQuery({ name: 'offset', required: false, type: Number })
  @ApiOkResponse({ type: OpportunityListPageView })
  async list(@TenantId() tenantId: string, @MinPosition() minPosition: number | undefined, @Req() request: FastifyRequest): Promise<OpportunityListPageView> {
    const query = parseListOpportunitiesQuery(request, tenantId);
    const page = await readFrom(opportunityListReadModel, this.readModels.opportunityList, { minPosition, maxWaitMs: this.readModels.maxWaitMs }, (storage) =>
      listOpportunities(storage.documents, query),
    );
    return toOpportunityListPageView(page);
  }
}
