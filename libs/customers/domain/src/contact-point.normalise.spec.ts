import { checkEmail, checkPhone, isCountryCallingCode, normaliseEmail, normalisePhone } from './contact-point.normalise';

describe('normaliseEmail', () => {
  it.each([
    ['  Ann.Lee@Example.COM ', 'ann.lee@example.com'],
    ['j.doe+newsletter@gmail.com', 'jdoe@gmail.com'],
    ['J.Doe@GoogleMail.com', 'jdoe@googlemail.com'],
    ['first.last+tag@outlook.com', 'first.last+tag@outlook.com'],
    ['a.b+c+d@gmail.com', 'ab@gmail.com'],
    ['not-an-address', 'not-an-address'],
  ])('%j becomes %j', (raw, expected) => {
    expect(normaliseEmail(raw)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const raw of ['J.Doe+x@gmail.com', ' Sales@ACME.example ']) {
      expect(normaliseEmail(normaliseEmail(raw))).toBe(normaliseEmail(raw));
    }
  });

  it('keeps dots outside Gmail, where they may name another mailbox', () => {
    expect(normaliseEmail('j.doe@acme.example')).not.toBe(normaliseEmail('jdoe@acme.example'));
  });
});

describe('checkEmail', () => {
  it.each([
    ['Ann@Example.com', 'ann@example.com'],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ['x@sub.example.co.uk', 'x@sub.example.co.uk'],
    ['first.last+tag@Gmail.com', 'firstlast@gmail.com'],
  ])('accepts %j as %j', (raw, value) => {
    expect(checkEmail(raw)).toEqual({ valid: true, value });
  });

  it.each([
    ['', 'is empty'],
    ['   ', 'is empty'],
    ['ann.example.com', 'needs a local part, an @ and a domain'],
    ['@example.com', 'needs a local part, an @ and a domain'],
    ['ann@', 'needs a local part, an @ and a domain'],
    ['ann..lee@example.com', 'has an invalid local part "ann..lee"'],
    ['.ann@example.com', 'has an invalid local part ".ann"'],
    ['ann lee@example.com', 'has an invalid local part "ann lee"'],
    ['ann@example', 'has an invalid domain "example"'],
    ['ann@-example.com', 'has an invalid domain "-example.com"'],
    ['ann@example..com', 'has an invalid domain "example..com"'],
    ['ann@example.c0m', 'has no valid top-level domain'],
    ['ann@b@example.com', 'has an invalid local part "ann@b"'],
    ['+promo@gmail.com', 'has nothing left of its local part once dots and +tag are removed'],
    [`${'a'.repeat(65)}@example.com`, 'has a local part longer than 64 characters'],
    [`a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(63)}.com`, 'is longer than 254 characters'],
  ])('refuses %j: %s', (raw, problem) => {
    expect(checkEmail(raw)).toEqual({ valid: false, problem });
  });
});

describe('normalisePhone', () => {
  it.each([
    ['(555) 010-4477', '+1', '+15550104477'],
    ['(555) 010-4477', undefined, '+15550104477'],
    ['+44 20 7946 0018', '+1', '+442079460018'],
    ['0044 20 7946 0018', '+1', '+442079460018'],
    // The trunk prefix goes, so the national and the international form are one number.
    ['030 1234567', '+49', '+49301234567'],
    ['+49 30 1234567', '+1', '+49301234567'],
    ['020 7946 0018', '+44', '+442079460018'],
    ['1 (555) 010-4477', '+1', '+15550104477'],
    // Italy keeps its leading 0: it is part of the number.
    ['06 6982 1234', '+39', '+390669821234'],
    ['  +1 (555) 010.4477 ', '+49', '+15550104477'],
  ])('%j with default %s becomes %j', (raw, defaultCode, expected) => {
    expect(normalisePhone(raw, defaultCode)).toBe(expected);
  });

  it('is idempotent: a normalised number keeps its country code', () => {
    expect(normalisePhone(normalisePhone('(555) 010-4477', '+1'), '+49')).toBe('+15550104477');
  });
});

describe('checkPhone', () => {
  it.each([
    ['(555) 010-4477', '+15550104477'],
    ['+353 1 234 5678', '+35312345678'],
    ['555 0104', '+15550104'],
    ['+1 234 567 890 123 45', '+123456789012345'],
  ])('accepts %j as %j', (raw, value) => {
    expect(checkPhone(raw)).toEqual({ valid: true, value });
  });

  it.each([
    ['', 'is empty'],
    ['010 44', 'has 6 digits; 7 to 15 are needed'],
    ['+1 234 567 890 123 456', 'has 16 digits; 7 to 15 are needed'],
    ['555-CALL-NOW', 'may contain only digits, spaces, ( ) . - / and a leading +'],
    ['555 010 4477 ext. 12', 'may contain only digits, spaces, ( ) . - / and a leading +'],
    ['+1 555 +010', 'may contain only digits, spaces, ( ) . - / and a leading +'],
    ['+0 555 010 4477', 'has a country code starting with 0'],
  ])('refuses %j: %s', (raw, problem) => {
    expect(checkPhone(raw)).toEqual({ valid: false, problem });
  });

  it('counts the default country code among the digits', () => {
    expect(checkPhone('12 34 56', '+1')).toEqual({ valid: true, value: '+1123456' });
    expect(checkPhone('12 34 5', '+1')).toEqual({ valid: false, problem: 'has 6 digits; 7 to 15 are needed' });
  });

  it.each(['1', '+', '+0', '+1234', 'x'])('refuses the default country code %j', (code) => {
    expect(isCountryCallingCode(code)).toBe(false);
    expect(checkPhone('555 010 4477', code)).toEqual({ valid: false, problem: `cannot take the default country code "${code}"` });
  });

  it.each(['+1', '+44', '+353'])('takes the default country code %j', (code) => {
    expect(isCountryCallingCode(code)).toBe(true);
  });
});
