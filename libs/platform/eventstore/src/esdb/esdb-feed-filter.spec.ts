import { checkpointCategory, feedStreamRegex } from './esdb-feed-filter';

/** The server matches the regex anywhere in the name (Regex.IsMatch); JavaScript's test() does the same. */
const matches = (regex: string, streamId: string): boolean => new RegExp(regex).test(streamId);

describe('feed stream filter', () => {
  describe('by default', () => {
    const regex = feedStreamRegex();

    it.each(['opportunity-1b2c', 'service_ticket-42', 'contract-x', 'relaycheckpointx-1', 'a'])('keeps %s', (streamId) => {
      expect(matches(regex, streamId)).toBe(true);
    });

    it.each(['$users', '$$opportunity-1', '$ce-opportunity', '$et-Opened', `${checkpointCategory}-relay`, '$$relaycheckpoint-relay'])(
      'drops %s',
      (streamId) => {
        expect(matches(regex, streamId)).toBe(false);
      },
    );
  });

  describe('with categories', () => {
    const regex = feedStreamRegex(['opportunity', 'service_ticket']);

    it('keeps only streams of those categories', () => {
      expect(matches(regex, 'opportunity-1')).toBe(true);
      expect(matches(regex, 'service_ticket-9')).toBe(true);
      expect(matches(regex, 'opportunityx-1')).toBe(false);
      expect(matches(regex, 'account-1')).toBe(false);
      expect(matches(regex, '$ce-opportunity')).toBe(false);
      expect(matches(regex, 'x-opportunity-1')).toBe(false);
    });

    it('refuses a category that is not one, or would let checkpoints into the feed', () => {
      expect(() => feedStreamRegex([])).toThrow(/at least one/);
      expect(() => feedStreamRegex(['Opportunity'])).toThrow(/lowercase/);
      expect(() => feedStreamRegex(['a|.*'])).toThrow(/lowercase/);
      expect(() => feedStreamRegex([checkpointCategory])).toThrow(/holds checkpoints/);
    });
  });
});
