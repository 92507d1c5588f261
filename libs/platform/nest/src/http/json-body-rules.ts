import type { FieldError } from './problem-details';

/**
 * Far deeper than any request of ours nests (an order line's price is three
 * levels), far shallower than what overflows the stack of the recursive code
 * after parsing (class-transformer gave out near 3,000 levels).
 */
export const maxJsonBodyDepth = 32;

type Pending = Readonly<{ value: unknown; path: readonly string[] }>;

const childrenOf = ({ value, path }: Pending): Pending[] =>
  Array.isArray(value)
    ? value.map((item, index) => ({ value: item, path: [...path, String(index)] }))
    : Object.entries(value as object).map(([key, item]) => ({ value: item, path: [...path, key] }));

/**
 * The first rule a parsed JSON body breaks, named by its field path (`a.0.b`,
 * like the validation pipe's), or undefined. Iterative, so the check itself
 * cannot overflow the stack it protects.
 */
export const jsonBodyViolation = (body: unknown): FieldError | undefined => {
  const pending: Pending[] = [{ value: body, path: [] }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.path.length >= maxJsonBodyDepth) {
      return { field: next.path[0] ?? 'body', messages: [`must not nest deeper than ${maxJsonBodyDepth} levels`] };
    }
    pending.push(...childrenOf(next));
  }
  return undefined;
};
