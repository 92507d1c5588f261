/** RFC 9457 problem details, with a stable `code` clients can branch on. */
export type FieldError = Readonly<{ field: string; messages: readonly string[] }>;

export type ProblemDetails = Readonly<{
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: readonly FieldError[];
  [extension: string]: unknown;
}>;

export const problemContentType = 'application/problem+json';

/** Problem types are URNs: stable identifiers that need no hosted page to stay valid. */
export const problemType = (code: string): string => `urn:meridian:problem:${code}`;

export const problem = (
  status: number,
  code: string,
  title: string,
  detail: string,
  extensions: Readonly<Record<string, unknown>> = {},
  // Extensions come first: a rule's detail named `status` or `type` must never replace the standard members (RFC 9457 §3.2).
): ProblemDetails => ({ ...extensions, type: problemType(code), title, status, detail, code });

/** Thrown by request parsing (DTOs, headers, path params); rendered as 400 with field errors. */
export class RequestValidationFailed extends Error {
  constructor(readonly errors: readonly FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.messages.join('; ')}`).join(' | '));
    this.name = 'RequestValidationFailed';
  }
}

/**
 * The tenant or the acting user is missing or malformed: rendered as 401.
 * Until OIDC lands these headers are the API's security scheme (`tenant`,
 * `actor` in the document): a request that does not say who acts for whom is
 * unauthenticated, not merely invalid.
 */
export class IdentityMissing extends RequestValidationFailed {
  constructor(errors: readonly FieldError[]) {
    super(errors);
    this.name = 'IdentityMissing';
  }
}
