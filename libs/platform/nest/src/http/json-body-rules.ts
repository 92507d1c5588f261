import type { FieldError } from './problem-details';

/**
 * Far deeper than any request of ours nests (an order line's price is three
 * levels), far shallower than what overflows the stack of the recursive code
 * after parsing (class-transformer gave out near 3,000 levels).
 */
export const maxJsonBodyDepth = 32;

/**
 * JSON may escape half of a UTF-16 pair (`"\\ud800"`); such a string is no
 * Unicode text, and PostgreSQL's jsonb refuses it at append time. With the `u`
 * flag a pair reads as one code point, so only a lone half is `Cs`.
 */
const loneSurrogate = /\p{Cs}/u;
const notUnicodeText = 'must be Unicode text (it holds a lone UTF-16 surrogate)';

/** An array or object still to walk; its path is rebuilt from its parents only when something in it breaks a rule. */
type Container = Readonly<{ value: object; depth: number; key?: string; parent?: Container }>;

const pathOf = (node: Container | undefined, key?: string): string => {
  const keys: string[] = key === undefined ? [] : [key];
  for (let at = node; at?.key !== undefined; at = at.parent) keys.unshift(at.key);
  return keys.join('.') || 'body';
};

const topFieldOf = (node: Container): string => pathOf(node).split('.')[0]!;

/**
 * The first rule a parsed JSON body breaks (too deep, or text that is not
 * Unicode), named by its field path (`a.0.b`, like the validation pipe's), or
 * undefined. Iterative, so the check itself cannot overflow the stack it protects.
 */
export const jsonBodyViolation = (body: unknown): FieldError | undefined => {
  if (typeof body === 'string' && loneSurrogate.test(body)) return { field: 'body', messages: [notUnicodeText] };
  if (typeof body !== 'object' || body === null) return undefined;
  const pending: Container[] = [{ value: body, depth: 1 }];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.depth > maxJsonBodyDepth) return { field: topFieldOf(node), messages: [`must not nest deeper than ${maxJsonBodyDepth} levels`] };
    const entries: Iterable<readonly [string, unknown]> = Array.isArray(node.value)
      ? node.value.map((value, index) => [String(index), value] as const)
      : Object.entries(node.value);
    for (const [key, value] of entries) {
      if (loneSurrogate.test(key)) return { field: pathOf(node, key), messages: [`field name ${notUnicodeText}`] };
      if (typeof value === 'string' && loneSurrogate.test(value)) return { field: pathOf(node, key), messages: [notUnicodeText] };
      if (typeof value === 'object' && value !== null) pending.push({ value, depth: node.depth + 1, key, parent: node });
    }
  }
  return undefined;
};
