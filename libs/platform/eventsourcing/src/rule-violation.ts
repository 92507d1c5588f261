/**
 * A business rule said no. `code` is stable and machine-readable: clients
 * branch on it, so renaming one is a breaking API change.
 */
export class BusinessRuleViolation extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'BusinessRuleViolation';
  }
}

/** The aggregate does not exist (or belongs to another tenant, which must look the same). */
export class AggregateNotFound extends BusinessRuleViolation {
  constructor(readonly streamId: string) {
    super('not-found', `No such resource: ${streamId}`);
    this.name = 'AggregateNotFound';
  }
}

export const assertNever = (value: never): never => {
  throw new Error(`Unhandled variant: ${JSON.stringify(value)}`);
};
