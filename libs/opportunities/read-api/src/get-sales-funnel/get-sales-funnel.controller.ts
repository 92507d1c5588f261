import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { MinPosition, ReadModelQueryEndpoint, ReadYourWrites, TenantId, readFrom } from '@meridian/platform/nest';
import { salesFunnelReadModel, salesFunnelReport } from '@meridian/read-models/sales-funnel';
import type { OpportunityReadModels } from '../shared/opportunity-read-models';
import { OPPORTUNITY_READ_MODELS } from '../shared/opportunity-read-models';
import { SalesFunnelView, toSalesFunnelView } from './sales-funnel-report.view';
import { parseSalesFunnelQuery, salesFunnelQuery } from './sales-funnel.query';

@ApiTags('analytics')
@Controller('api/v1/analytics/funnel')
export class GetSalesFunnelController {
  constructor(@Inject(OPPORTUNITY_READ_MODELS) private readonly readModels: OpportunityReadModels) {}

  @Get()
  @ApiOperation({
    summary: 'Sales funnel of the deals opened in a period: stage counts and amounts, conversion, dwell, outcomes, biggest drop-off',
    description: 'Optionally for one owner, region, product line or source channel (one at a time). Eventually consistent; see X-Min-Position.',
  })
  @ReadModelQueryEndpoint()
  @ReadYourWrites()
  @salesFunnelQuery.documented()
  @ApiOkResponse({ type: SalesFunnelView })
  async get(@TenantId() tenantId: string, @MinPosition() minPosition: number | undefined, @Req() request: FastifyRequest): Promise<SalesFunnelView> {
    const query = parseSalesFunnelQuery(request, tenantId);
    const report = await readFrom(salesFunnelReadModel, this.readModels.salesFunnel, { minPosition, maxWaitMs: this.readModels.maxWaitMs }, (storage) =>
      salesFunnelReport(storage, query),
    );
    return toSalesFunnelView(report);
  }
}
