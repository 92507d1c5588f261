import { queryParsing } from '@meridian/platform/nest/testing';
import type { CustomerContact } from '@meridian/customers/domain';
import { toContactListPageView } from './contact-list-page.view';
import { parseContactPage } from './list-contacts.query';

const { parse, errorsOf } = queryParsing((request) => parseContactPage(request));

const contact = (n: number): CustomerContact => ({ contactId: `ct-${n}`, name: `Contact ${n}`, emails: [`c${n}@acme.example`], phones: [] });
const contacts = [1, 2, 3, 4, 5].map(contact);

describe('the contact page query', () => {
  it('defaults to the first 50, and reads limit and offset', () => {
    expect(parse({})).toEqual({ limit: 50, offset: 0 });
    expect(parse({ limit: '2', offset: '3' })).toEqual({ limit: 2, offset: 3 });
  });

  it('refuses limits and offsets out of bounds, and any other parameter', () => {
    expect(errorsOf({ limit: '0', offset: '-1' })).toEqual({ 'query:limit': 'must be an integer from 1 to 200', 'query:offset': 'must be an integer from 0 to 1000000' });
    expect(errorsOf({ limit: '201' })).toEqual({ 'query:limit': 'must be an integer from 1 to 200' });
    expect(Object.keys(errorsOf({ archived: 'true' }))).toEqual(['query:archived']);
  });
});

describe('a contact page', () => {
  it('slices the contacts in their order, counting them all', () => {
    expect(toContactListPageView('cust-1', contacts, { limit: 2, offset: 1 }, 7)).toEqual({
      customerId: 'cust-1', items: [contact(2), contact(3)], total: 5, limit: 2, offset: 1, hasMore: true, revision: 7,
    });
    expect(toContactListPageView('cust-1', contacts, { limit: 2, offset: 3 }, 7)).toMatchObject({ items: [contact(4), contact(5)], hasMore: false });
    expect(toContactListPageView('cust-1', contacts, { limit: 50, offset: 9 }, 7)).toMatchObject({ items: [], total: 5, hasMore: false });
  });

  it('copies the lists, so the view never shares the state\'s arrays', () => {
    const [item] = toContactListPageView('cust-1', contacts, { limit: 1, offset: 0 }, 1).items;
    expect(item?.emails).not.toBe(contacts[0]?.emails);
  });
});
