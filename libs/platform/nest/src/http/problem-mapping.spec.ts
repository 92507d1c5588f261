import { ServiceUnavailableException } from '@nestjs/common';
import { BusinessRuleViolation } from '@meridian/platform/eventsourcing';
import { toProblem } from './problem-mapping';

describe('problem mapping of a failed readiness check', () => {
  it('answers 503 not-ready and names the checks that are down', () => {
    const details = { eventStore: { status: 'down', message: 'connection refused' } };
    expect(toProblem(new ServiceUnavailableException({ status: 'error', info: {}, error: details, details }))).toMatchObject({
      status: 503, code: 'not-ready', checks: details,
    });
  });

  it('leaves other 503s generic', () => {
    expect(toProblem(new ServiceUnavailableException('closing'))).toMatchObject({ status: 503, code: 'http-503' });
  });
});

describe('rule violations as problems', () => {
  it('keeps the standard members when a rule detail shares their name', () => {
    const mapped = toProblem(new BusinessRuleViolation('payment-not-allowed', 'Order is placed', { status: 'placed', type: 'x', orderId: 'o-1' }));
    expect(mapped).toMatchObject({ status: 409, code: 'payment-not-allowed', type: expect.stringContaining('payment-not-allowed'), orderId: 'o-1' });
  });
});
