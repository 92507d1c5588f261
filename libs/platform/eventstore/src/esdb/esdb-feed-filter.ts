/** Streams the adapter's checkpoint store writes (`relaycheckpoint-<name>`): bookkeeping, never part of the feed. */
export const checkpointCategory = 'relaycheckpoint';

const categoryPattern = /^[a-z][a-z0-9_]*$/;

/**
 * The stream-name filter the server applies to `$all` for `readAll` and
 * `headPosition` (a .NET regex, kept to syntax JavaScript reads the same way).
 * - Default: every stream except system streams (`$…`, including metadata
 *   streams `$$…` and projection output such as `$ce-…`) and checkpoint streams.
 * - With `categories`: only streams `<category>-…` of those categories, for a
 *   database other applications also write to.
 */
export const feedStreamRegex = (categories?: readonly string[]): string => {
  if (categories === undefined) return `^(?!\\$|${checkpointCategory}-)`;
  if (categories.length === 0) throw new Error('Feed categories, when given, must name at least one category');
  for (const category of categories) {
    if (!categoryPattern.test(category)) {
      throw new Error(`Feed category "${category}" must be lowercase letters, digits or underscores`);
    }
    if (category === checkpointCategory) throw new Error(`"${checkpointCategory}" holds checkpoints and cannot be a feed category`);
  }
  return `^(?:${categories.join('|')})-`;
};
