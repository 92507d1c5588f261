import type { DocumentQuery, FieldRange, FieldValue } from '../document-query';
import { keysetOf } from '../document-query';

/** A WHERE condition (or ORDER BY list) with its parameters, numbered from where the caller left off. */
export type SqlFragment = Readonly<{ sql: string; params: unknown[] }>;

/**
 * Builds parameterised SQL over one JSONB column with the semantics
 * `runQueryInMemory` defines (the reference for every adapter). Field names
 * and values always travel as parameters, never inside the SQL text.
 */
class SqlBuilder {
  readonly params: unknown[];
  constructor(private readonly column: string, firstParams: readonly unknown[]) {
    this.params = [...firstParams];
  }

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  json(value: unknown): string {
    return `${this.param(JSON.stringify(value))}::jsonb`;
  }

  field(name: string): string {
    return `(${this.column} -> ${this.param(name)}::text)`;
  }
}

/** The field holds the value itself or as an element of its array. */
const holds = (b: SqlBuilder, column: string, field: string, value: FieldValue): string =>
  `(${column} @> ${b.json({ [field]: value })} OR ${column} @> ${b.json({ [field]: [value] })})`;

/** Like MongoDB, a comparison only matches values of its bound's type; strings compare by code point ("C"). */
const comparison = (b: SqlBuilder, field: string, operator: '>=' | '<=' | '>' | '<', bound: FieldValue): string =>
  typeof bound === 'number'
    ? `(jsonb_typeof(${b.field(field)}) = 'number' AND (${b.field(field)})::numeric ${operator} ${b.param(bound)}::numeric)`
    : `(jsonb_typeof(${b.field(field)}) = 'string' AND (${b.field(field)} #>> '{}') COLLATE "C" ${operator} ${b.param(bound)}::text COLLATE "C")`;

const rangeOf = (b: SqlBuilder, field: string, range: FieldRange): string[] => {
  const conditions: string[] = [];
  for (const [operator, bound] of [['>=', range.gte], ['<=', range.lte]] as const) {
    if (bound !== undefined) conditions.push(comparison(b, field, operator, bound));
  }
  return conditions;
};

/** Strictly after the bound in the sort's order: an OR of prefix-equal branches, each beyond on its last field. */
const keysetAfter = (b: SqlBuilder, query: DocumentQuery): string[] => {
  const keyset = keysetOf(query);
  if (keyset === undefined) return [];
  const branches = keyset.map(([field, direction, value], index) => [
    ...keyset.slice(0, index).map(([equalField, , equalValue]) => `${b.field(equalField)} = ${b.json(equalValue)}`),
    comparison(b, field, direction === 1 ? '>' : '<', value),
  ].join(' AND '));
  return [`(${branches.map((branch) => `(${branch})`).join(' OR ')})`];
};

const prefixOf = (b: SqlBuilder, field: string, text: string): string => {
  const value = b.field(field);
  return `EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(${value}) = 'array' THEN ${value} ELSE jsonb_build_array(${value}) END) AS element
    WHERE jsonb_typeof(element) = 'string' AND starts_with(element #>> '{}', ${b.param(text)}::text))`;
};

/**
 * The WHERE clause of `query` over `column`, after `leading` (the caller's
 * own conditions, already numbered `$1`…): `sql` is `leadingSql AND …`.
 */
export const sqlWhereOf = (column: string, query: DocumentQuery, leadingSql: string, leading: readonly unknown[]): SqlFragment => {
  const b = new SqlBuilder(column, leading);
  const conditions = [leadingSql];
  if (query.equals !== undefined && Object.keys(query.equals).length > 0) conditions.push(`${column} @> ${b.json(query.equals)}`);
  for (const [field, values] of Object.entries(query.oneOf ?? {})) {
    conditions.push(values.length === 0 ? 'false' : `(${values.map((value) => `${column} @> ${b.json({ [field]: value })}`).join(' OR ')})`);
  }
  for (const [field, value] of Object.entries(query.contains ?? {})) conditions.push(holds(b, column, field, value));
  for (const [field, text] of Object.entries(query.prefix ?? {})) conditions.push(prefixOf(b, field, text));
  for (const [field, range] of Object.entries(query.ranges ?? {})) conditions.push(...rangeOf(b, field, range));
  conditions.push(...keysetAfter(b, query));
  return { sql: conditions.join(' AND '), params: b.params };
};

/**
 * ORDER BY for the query's sort, continuing `after`'s parameters. Per field:
 * missing or null first, then numbers by value, then strings by code point,
 * then anything else (MongoDB's order for the types read models sort by).
 */
export const sqlOrderOf = (column: string, query: DocumentQuery, after: readonly unknown[]): SqlFragment => {
  const b = new SqlBuilder(column, after);
  const keys = (query.sort ?? []).flatMap(([field, direction]) => {
    const value = b.field(field);
    const order = direction === 1 ? 'ASC' : 'DESC';
    return [
      `CASE WHEN ${value} IS NULL OR jsonb_typeof(${value}) = 'null' THEN 0 WHEN jsonb_typeof(${value}) = 'number' THEN 1 WHEN jsonb_typeof(${value}) = 'string' THEN 2 ELSE 3 END ${order}`,
      `CASE WHEN jsonb_typeof(${value}) = 'number' THEN (${value})::numeric END ${order}`,
      `CASE WHEN jsonb_typeof(${value}) = 'string' THEN (${value} #>> '{}') COLLATE "C" END ${order}`,
    ];
  });
  return { sql: keys.length === 0 ? '' : ` ORDER BY ${keys.join(', ')}`, params: b.params };
};

/** OFFSET and LIMIT, as parameters after `after`'s. */
export const sqlPageOf = (query: DocumentQuery, after: readonly unknown[]): SqlFragment => {
  const params = [...after];
  let sql = '';
  if (query.limit !== undefined) sql += ` LIMIT $${params.push(query.limit)}`;
  if (query.skip !== undefined && query.skip > 0) sql += ` OFFSET $${params.push(query.skip)}`;
  return { sql, params };
};
