const categoryPattern = /^[a-z][a-z0-9_]*$/;

/**
 * Streams are `<category>-<id>`. The category may not contain a dash, so the
 * first dash always splits category from id (the id itself may contain dashes, e.g. a UUID).
 */
export const streamIdFor = (category: string, id: string): string => {
  if (!categoryPattern.test(category)) {
    throw new Error(`Stream category "${category}" must be lowercase letters, digits or underscores`);
  }
  if (id.length === 0) throw new Error('Stream id part must not be empty');
  return `${category}-${id}`;
};

export const categoryOf = (streamId: string): string => streamId.slice(0, streamId.indexOf('-'));

export const idOf = (streamId: string): string => streamId.slice(streamId.indexOf('-') + 1);
