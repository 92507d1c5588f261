import type { DocumentQuery, ReadModelStore } from '@meridian/platform/projections';
import { nameKeyOf } from './customer-search.folding';
import type { CustomerListItem } from './customer-list.model';
import { maxPageSize } from './customer-list.queries';

/** `includeArchived`: archived customers are candidates too (duplicate detection wants them: restore, do not re-register). */
export type CandidateOptions = Readonly<{ includeMerged?: boolean; includeArchived?: boolean; limit?: number }>;

/** Every status is no condition; otherwise the statuses the options let in. */
const statusFilterOf = (options: CandidateOptions): Pick<DocumentQuery, 'equals' | 'oneOf'> => {
  const statuses = ['active', ...(options.includeMerged === true ? ['merged'] : []), ...(options.includeArchived === true ? ['archived'] : [])];
  if (statuses.length === 3) return {};
  return statuses.length === 1 ? { equals: { status: 'active' } } : { oneOf: { status: statuses } };
};

/** Code-unit order, as the store sorts: the same order `listCustomers` gives by name. */
const compareText = (a: string, b: string): number => (a === b ? 0 : a < b ? -1 : 1);
const byName = (a: CustomerListItem, b: CustomerListItem): number => compareText(a.nameKey, b.nameKey) || compareText(a.customerId, b.customerId);

const limitOf = (options: CandidateOptions): number => Math.min(Math.max(Math.trunc(options.limit ?? 50), 1), maxPageSize);

/**
 * Customers of a tenant that hold any of these emails or phones, themselves
 * or through a contact: the candidates of a strong duplicate. Pass values
 * normalised as the customers context stores them.
 *
 * One `contains` query per value, run in parallel: the port's `contains`
 * takes one element, and its `oneOf` is membership of a scalar field (the
 * memory store does not apply `$in` to array fields as MongoDB does), so a
 * single query cannot ask "any of these in that array". A customer has a
 * handful of contact points and each query is one multikey index lookup.
 * Results are merged by customer, in name order.
 */
export const findByEmailsOrPhones = async (
  documents: ReadModelStore<CustomerListItem>,
  tenantId: string,
  emails: readonly string[],
  phones: readonly string[],
  options: CandidateOptions = {},
): Promise<CustomerListItem[]> => {
  const keys = [...new Set([...emails, ...phones])].filter((key) => key !== '');
  const status = statusFilterOf(options);
  const equals = { tenantId, ...status.equals };
  const limit = limitOf(options);
  const found = await Promise.all(keys.map((key) => documents.find({ ...status, equals, contains: { contactKeys: key }, limit })));
  const byCustomer = new Map(found.flat().map((item) => [item.customerId, item]));
  return [...byCustomer.values()].sort(byName).slice(0, limit);
};

/**
 * Active customers of a tenant and region whose folded name starts with the
 * folded `prefix`: candidates for the similar-name check, which scores them
 * itself (Jaro–Winkler weighs the leading characters, so a short prefix of
 * the folded name is a fair net). A blank prefix finds nothing rather than
 * the whole region.
 */
export const findByNamePrefix = async (
  documents: ReadModelStore<CustomerListItem>,
  tenantId: string,
  region: string,
  prefix: string,
  options: CandidateOptions = {},
): Promise<CustomerListItem[]> => {
  const folded = nameKeyOf(prefix);
  if (folded === '') return [];
  const status = statusFilterOf(options);
  const equals = { tenantId, region, ...status.equals };
  return documents.find({ ...status, equals, prefix: { nameKey: folded }, sort: [['nameKey', 1], ['customerId', 1]], limit: limitOf(options) });
};

/** Merges nest (A absorbs B, which had absorbed C), so a lineage is followed level by level; bounded against a corrupt cycle. */
const maxLineageDepth = 32;

/**
 * A customer and everyone merged into it, directly or through a customer it
 * absorbed: the ids whose activity makes up its customer 360. The customer
 * asked for comes first, then each level in merge order. Absorbed customers
 * unknown to the list (not yet projected) still appear: their activity may be.
 */
export const customerLineage = async (
  documents: ReadModelStore<CustomerListItem>,
  tenantId: string,
  customerId: string,
): Promise<string[]> => {
  const lineage = [customerId];
  const seen = new Set(lineage);
  let level = [customerId];
  for (let depth = 0; depth < maxLineageDepth && level.length > 0; depth += 1) {
    const items = await documents.find({ equals: { tenantId }, oneOf: { customerId: level } });
    const byId = new Map(items.map((item) => [item.customerId, item]));
    const next: string[] = [];
    for (const id of level.flatMap((parent) => byId.get(parent)?.absorbed ?? [])) {
      if (seen.has(id)) continue;
      seen.add(id);
      next.push(id);
    }
    lineage.push(...next);
    level = next;
  }
  return lineage;
};
