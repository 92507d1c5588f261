import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, HttpStatus, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { BusinessRuleViolation, deterministicUuid } from '@meridian/platform/eventsourcing';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, ReadStoreUnavailable, commandResponseHeaders, problemContentType } from '@meridian/platform/nest';
import { accepted } from '../shared/command-accepted.dto';
import { CustomerCommands } from '../shared/customer-commands.service';
import { duplicateCandidateOf, registerCustomerCommand } from '../shared/profile-commands.mapping';
import type { DuplicateCheck } from './customer-duplicates.check';
import { CustomerDuplicateCheck } from './customer-duplicates.check';
import { CustomerRegisteredDto } from './customer-registered.dto';
import { RegisterCustomerDto, RegisterCustomerQueryDto } from './register-customer.dto';

/** The API's own rule (not the decider's): a strong duplicate refused on request. Details: `duplicates`. */
export const likelyDuplicateCode = 'likely-duplicate';

/** `?onDuplicate=reject`: nothing is registered when a customer shares an email or phone, or when that cannot be checked. */
const refuseDuplicates = (check: DuplicateCheck): void => {
  if (check.status === 'unavailable') {
    throw new ReadStoreUnavailable('customer-directory', 'no customer directory, or it failed: duplicates cannot be ruled out');
  }
  const strong = check.duplicates.filter((duplicate) => duplicate.strength === 'strong');
  if (strong.length > 0) {
    throw new BusinessRuleViolation(likelyDuplicateCode, `${strong.length} customer(s) share an email or phone with this one`, { duplicates: strong });
  }
};

@ApiTags('customers')
@Controller('api/v1/customers')
export class RegisterCustomerController {
  constructor(
    private readonly commands: CustomerCommands,
    private readonly duplicates: CustomerDuplicateCheck,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Register a customer',
    description:
      'Emails and phones are normalised (phones without a country code get `defaultCountryCode`). Possible duplicates are listed, or refused with `?onDuplicate=reject`.',
  })
  @CommandEndpoint({ creates: true })
  @ApiCreatedResponse({
    type: CustomerRegisteredDto,
    description: 'Registered',
    headers: { ...commandResponseHeaders, Location: { description: 'URL of the new customer', schema: { type: 'string' } } },
  })
  @ApiResponse({ status: 503, description: 'onDuplicate=reject, but duplicates cannot be checked now', content: { [problemContentType]: {} } })
  async register(
    @Body() body: RegisterCustomerDto,
    @Query() query: RegisterCustomerQueryDto,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerRegisteredDto> {
    // With an Idempotency-Key the new id is derived from it, so a retry lands on
    // the same stream and finds its first result there instead of registering a twin.
    const { tenantId, idempotencyKey } = request.context;
    const customerId = idempotencyKey ? deterministicUuid(tenantId, 'register-customer', idempotencyKey) : randomUUID();
    // Checked before the append: `reject` must append nothing, and the new customer itself is never its own duplicate.
    const check = await this.duplicates.check(tenantId, duplicateCandidateOf(customerId, body));
    if (query.onDuplicate === 'reject') refuseDuplicates(check);
    // If-Match has nothing to match on a resource that does not exist yet: ignored here.
    const result = await this.commands.execute(customerId, { context: request.context }, (now) => registerCustomerCommand(customerId, body, now));
    void reply.header('Location', `/api/v1/customers/${customerId}`);
    return {
      ...accepted(reply, result),
      duplicateCheck: check.status,
      ...(check.status === 'completed' ? { possibleDuplicates: [...check.duplicates] } : {}),
    };
  }
}
