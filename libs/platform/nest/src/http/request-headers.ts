import { ApiHeader } from '@nestjs/swagger';
import type { InputRule } from './input-rules';
import { ifMatchRule, positionRule, printableTokenRule, tenantIdRule } from './input-rules';

/** A request header: the rule the server checks it with is the schema the document states for it. */
export type RequestHeaderRule = InputRule & Readonly<{ name: string; required: boolean; description: string }>;

export const tenantIdHeader: RequestHeaderRule = {
  ...tenantIdRule,
  name: 'X-Tenant-Id',
  required: true,
  description: 'Tenant the request acts for (until OIDC lands)',
};

export const userIdHeader: RequestHeaderRule = {
  ...printableTokenRule,
  name: 'X-User-Id',
  required: true,
  description: 'Acting user, stamped into event metadata',
};

/** Never refused: a correlation id that is not 1-255 printable ASCII characters is replaced by a fresh one. */
export const correlationIdHeader: RequestHeaderRule = {
  schema: { type: 'string' },
  message: 'is any text',
  name: 'X-Correlation-Id',
  required: false,
  description: 'Carried into every event this request causes; one that is not 1-255 printable ASCII characters is replaced by a new id',
};

export const idempotencyKeyHeader: RequestHeaderRule = {
  ...printableTokenRule,
  name: 'Idempotency-Key',
  required: false,
  description: 'A retry with the same key appends nothing and returns the first result',
};

export const ifMatchHeader: RequestHeaderRule = {
  ...ifMatchRule,
  name: 'If-Match',
  required: false,
  description: 'ETag from a read or a command answer; a stale one gets 412',
};

export const minPositionHeader: RequestHeaderRule = {
  ...positionRule,
  name: 'X-Min-Position',
  required: false,
  description: 'Wait (bounded) until the read model reflects this global position',
};

export const documentedHeader = (rule: RequestHeaderRule) =>
  ApiHeader({ name: rule.name, required: rule.required, description: rule.description, schema: rule.schema });
