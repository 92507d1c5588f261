/**
 * The small query language read models need, small enough for every store
 * (MongoDB, FerretDB, memory) to run the same way: equality, membership,
 * array elements, prefixes, ranges, sort, a keyset bound, skip and limit. No aggregation
 * pipelines: aggregates are counters kept by the projections.
 */
export type FieldValue = string | number;
export type FieldRange = Readonly<{ gte?: FieldValue; lte?: FieldValue }>;
export type SortDirection = 1 | -1;

export type DocumentQuery = Readonly<{
  equals?: Readonly<Record<string, FieldValue>>;
  /** The field equals one of the values (MongoDB `$in`). */
  oneOf?: Readonly<Record<string, readonly FieldValue[]>>;
  /** The array field has this element (MongoDB's equality on an array). */
  contains?: Readonly<Record<string, FieldValue>>;
  /** The string field, or an element of the array field, starts with this text (case-sensitive: store it folded). */
  prefix?: Readonly<Record<string, string>>;
  ranges?: Readonly<Record<string, FieldRange>>;
  /** Applied in order; put a unique field last for a stable page order. */
  sort?: ReadonlyArray<readonly [field: string, direction: SortDirection]>;
  /**
   * Keyset bound: only documents strictly after this tuple in `sort`'s order
   * (one value per sort field, each field's direction honoured), as the next
   * page after a row with these sort values. The sort must end with a unique
   * field. Like a range, a bound value only compares with values of its own
   * type: the sort fields must be present, with one type, in every document.
   */
  after?: readonly FieldValue[];
  skip?: number;
  limit?: number;
}>;

/** The sort fields paired with the bound's values; throws when the bound does not fit the sort. */
export const keysetOf = (query: DocumentQuery): ReadonlyArray<readonly [field: string, direction: SortDirection, value: FieldValue]> | undefined => {
  if (query.after === undefined) return undefined;
  const sort = query.sort ?? [];
  if (sort.length === 0 || query.after.length !== sort.length) {
    throw new Error(`a keyset bound needs one value per sort field (sort has ${sort.length}, the bound ${query.after.length})`);
  }
  return sort.map(([field, direction], index) => [field, direction, query.after![index]] as const);
};

/** The sort values of a document, in `sort`'s order: the `after` of the page that follows it. */
export const sortKeyOf = (document: object, sort: NonNullable<DocumentQuery['sort']>): FieldValue[] =>
  sort.map(([field]) => fieldOf(document, field) as FieldValue);

/** The MongoDB filter for a query (also what FerretDB supports). */
export const mongoFilterOf = (query: DocumentQuery): Record<string, unknown> => {
  const filter: Record<string, unknown> = { ...query.equals };
  const and: Record<string, unknown>[] = [];
  for (const [field, values] of Object.entries(query.oneOf ?? {})) and.push({ [field]: { $in: [...values] } });
  for (const [field, value] of Object.entries(query.contains ?? {})) and.push({ [field]: value });
  for (const [field, text] of Object.entries(query.prefix ?? {})) and.push({ [field]: { $regex: `^${escapeRegex(text)}` } });
  for (const [field, range] of Object.entries(query.ranges ?? {})) {
    const bounds: Record<string, FieldValue> = {};
    if (range.gte !== undefined) bounds.$gte = range.gte;
    if (range.lte !== undefined) bounds.$lte = range.lte;
    if (Object.keys(bounds).length > 0) and.push({ [field]: bounds });
  }
  const keyset = keysetOf(query);
  if (keyset !== undefined) {
    // After (a, b, c): a beyond, or a equal and b beyond, or a and b equal and c beyond.
    and.push({
      $or: keyset.map(([field, direction, value], index) => ({
        ...Object.fromEntries(keyset.slice(0, index).map(([equalField, , equalValue]) => [equalField, equalValue])),
        [field]: { [direction === 1 ? '$gt' : '$lt']: value },
      })),
    });
  }
  // `$and` keeps two conditions on one field (say, equals and contains) from overwriting each other.
  return and.length === 0 ? filter : { ...filter, $and: and };
};

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const fieldOf = (document: object, field: string): unknown => (document as Record<string, unknown>)[field];

const compare = (a: unknown, b: unknown): number => {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  return (a as FieldValue) < (b as FieldValue) ? -1 : 1;
};

const elementsOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** A strict comparison as MongoDB's `$gt`/`$lt` make it: values of another type never match. */
const beyond = (value: unknown, bound: FieldValue, direction: SortDirection): boolean =>
  typeof value === typeof bound && compare(value, bound) === direction;

const isAfter = (document: object, query: DocumentQuery): boolean => {
  const keyset = keysetOf(query);
  if (keyset === undefined) return true;
  return keyset.some(([field, direction, value], index) =>
    keyset.slice(0, index).every(([equalField, , equalValue]) => fieldOf(document, equalField) === equalValue) &&
    beyond(fieldOf(document, field), value, direction));
};

const matches = (document: object, query: DocumentQuery): boolean =>
  Object.entries(query.equals ?? {}).every(([field, value]) => fieldOf(document, field) === value) &&
  Object.entries(query.oneOf ?? {}).every(([field, values]) => values.includes(fieldOf(document, field) as FieldValue)) &&
  Object.entries(query.contains ?? {}).every(([field, value]) => elementsOf(fieldOf(document, field)).includes(value)) &&
  Object.entries(query.prefix ?? {}).every(([field, text]) =>
    elementsOf(fieldOf(document, field)).some((element) => typeof element === 'string' && element.startsWith(text))) &&
  Object.entries(query.ranges ?? {}).every(([field, range]) => {
    const value = fieldOf(document, field);
    if (range.gte !== undefined && (value === undefined || compare(value, range.gte) < 0)) return false;
    if (range.lte !== undefined && (value === undefined || compare(value, range.lte) > 0)) return false;
    return true;
  }) &&
  isAfter(document, query);

/** Runs a query over documents in memory, with MongoDB's semantics for the supported subset. */
export const runQueryInMemory = <T extends object>(documents: Iterable<T>, query: DocumentQuery): T[] => {
  const found = [...documents].filter((document) => matches(document, query));
  const sort = query.sort ?? [];
  if (sort.length > 0) {
    found.sort((a, b) => {
      for (const [field, direction] of sort) {
        const order = compare(fieldOf(a, field), fieldOf(b, field));
        if (order !== 0) return order * direction;
      }
      return 0;
    });
  }
  const skip = query.skip ?? 0;
  return found.slice(skip, query.limit === undefined ? undefined : skip + query.limit);
};
