import { Body, Controller, HttpCode, HttpStatus, Inject, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Clock, CommandRequest } from '@meridian/platform/nest';
import { CLOCK, CommandRequestContext, MinPosition, queryParameters, ReadModelQueryEndpoint, ReadYourWrites, RequestValidationFailed } from '@meridian/platform/nest';
import { ReevaluateSegmentsDto, SegmentSweepView } from './reevaluate-segments.dto';
import { SegmentSweep } from './segment-sweep.service';

/** No query parameters but read-your-writes' minPosition: anything else is a typo, answered 400. */
const onlyMinPosition = queryParameters({}, { readYourWrites: true });
@ApiTags('customer segments')
@Controller('api/v1/customers/segments')
export class ReevaluateSegmentsController {
  constructor(
    private readonly sweep: SegmentSweep,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('reevaluate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Judge the value segment of every customer who ever bought again, as of now (or asOf), under the policy in force',
    description:
      'For purchases that left the window and after a policy change. Only changed segments append an event, so running it twice changes nothing. ' +
      'Who is judged comes from the customer list (see X-Min-Position).',
  })
  @ReadModelQueryEndpoint({ acting: true })
  @ReadYourWrites()
  @ApiOkResponse({ type: SegmentSweepView })
  async reevaluate(
    @Body() body: ReevaluateSegmentsDto,
    @CommandRequestContext() command: CommandRequest,
    @MinPosition() minPosition: number | undefined,
    @Req() request: FastifyRequest,
  ): Promise<SegmentSweepView> {
    onlyMinPosition.reader(request).done();
    const now = this.clock.now().toISOString();
    // Judging the future would drop customers from segments before their purchases left the window.
    if (body.asOf !== undefined && Date.parse(body.asOf) > Date.parse(now)) {
      throw new RequestValidationFailed([{ field: 'asOf', messages: ['must not be in the future'] }]);
    }
    return this.sweep.run(command.context, body.asOf ?? now, minPosition);
  }
}
