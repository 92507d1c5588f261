import { ServiceUnavailableException } from '@nestjs/common';
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
