import { Controller, Get, HttpStatus, Inject, Req, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EventStore } from '@meridian/platform/eventsourcing';
import { AggregateNotFound } from '@meridian/platform/eventsourcing';
import { commandResponseHeaders, etagOf, EVENT_STORE, PathParam, QueryEndpoint, TenantId, uuidPathParam } from '@meridian/platform/nest';
import { MergedCustomerView } from '../get-customer/customer.view';
import { readCustomerHistory } from '../shared/customer-stream.read';
import { ContactListPageView, toContactListPageView } from './contact-list-page.view';
import { listContactsQuery, parseContactPage } from './list-contacts.query';

@ApiTags('customers')
@ApiExtraModels(MergedCustomerView)
@Controller('api/v1/customers')
export class ListContactsController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /**
   * From the customer's stream, as GET /customers/{id}: a client that just
   * added a contact sees it, with no read model to wait for, and a customer
   * has a handful of contacts, so folding its stream is cheap.
   */
  @Get(':customerId/contacts')
  @ApiOperation({
    summary: "The customer's current contacts, in the order they were added, paged (strongly consistent); ETag carries the revision",
    description:
      'Archived customers list their contacts too. A customer merged into another answers 307 with the survivor\'s contacts in Location ' +
      '(its own contacts stay on its stream, but the survivor is the customer now).',
  })
  @QueryEndpoint()
  @listContactsQuery.documented()
  @ApiOkResponse({ type: ContactListPageView, headers: { ETag: commandResponseHeaders.ETag } })
  @ApiResponse({
    status: HttpStatus.TEMPORARY_REDIRECT,
    description: 'Merged into another customer',
    headers: { Location: { description: "URL of the survivor's contacts", schema: { type: 'string' } } },
    content: { 'application/json': { schema: { $ref: getSchemaPath(MergedCustomerView) } } },
  })
  async list(
    @PathParam('customerId', uuidPathParam) customerId: string,
    @TenantId() tenantId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactListPageView | MergedCustomerView> {
    const page = parseContactPage(request);
    const { streamId, events, state } = await readCustomerHistory(this.store, tenantId, customerId);
    if (state.status === 'absent') throw new AggregateNotFound(streamId);
    if (state.mergedInto !== undefined) {
      const location = `/api/v1/customers/${state.mergedInto}/contacts`;
      void reply.status(HttpStatus.TEMPORARY_REDIRECT).header('Location', location);
      return { customerId, mergedInto: state.mergedInto, location };
    }
    const revision = events[events.length - 1].revision;
    void reply.header('ETag', etagOf(revision));
    return toContactListPageView(customerId, state.contacts, page, revision);
  }
}
