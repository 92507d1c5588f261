import { ApiProperty } from '@nestjs/swagger';
import type { CustomerContact } from '@meridian/customers/domain';
import { ContactView } from '../get-customer/customer.view';

/** One page of a customer's current contacts, in the order they were added. */
export class ContactListPageView {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ type: [ContactView] }) items!: ContactView[];
  @ApiProperty({ description: 'Current contacts in all (removed ones are not counted)' }) total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
  @ApiProperty({ description: 'Whether contacts follow this page' }) hasMore!: boolean;
  @ApiProperty({ description: 'Stream revision the page was read at; also the ETag' }) revision!: number;
}

export const toContactListPageView = (
  customerId: string,
  contacts: readonly CustomerContact[],
  page: Readonly<{ limit: number; offset: number }>,
  revision: number,
): ContactListPageView => ({
  customerId,
  items: contacts.slice(page.offset, page.offset + page.limit).map((contact) => ({ ...contact, emails: [...contact.emails], phones: [...contact.phones] })),
  total: contacts.length,
  limit: page.limit,
  offset: page.offset,
  hasMore: page.offset + page.limit < contacts.length,
  revision,
});
