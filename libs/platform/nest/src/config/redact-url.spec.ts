import { redactUrl } from './redact-url';

describe('redactUrl', () => {
  it('hides the password and keeps everything else', () => {
    expect(redactUrl('postgres://meridian:s3cret@db:5432/crm')).toBe('postgres://meridian:***@db:5432/crm');
  });

  it('hides the password even in a malformed URL', () => {
    expect(redactUrl('postgres:/admin:S3cretPw@db/crm')).toBe('postgres:/admin:***@db/crm');
  });

  it('leaves URLs without credentials alone', () => {
    expect(redactUrl('embedded:.meridian-data/events')).toBe('embedded:.meridian-data/events');
    expect(redactUrl('postgres://db:5432/crm')).toBe('postgres://db:5432/crm');
  });
});
