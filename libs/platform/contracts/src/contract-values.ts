// Value schemas shared by every context's public events, so "money" or "an
// instant" means the same on every topic.

/** Major currency units with at most two decimals (e.g. 1250.5) and an ISO 4217 code. */
export type ContractMoney = Readonly<{ amount: number; currency: string }>;
/** `YYYY-MM-DD` (JSON Schema format `date`). */
export type ContractCalendarDate = string;
/** RFC 3339 date-time with offset (JSON Schema format `date-time`). */
export type ContractInstant = string;

export const moneySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['amount', 'currency'],
  properties: {
    // The cap keeps `multipleOf` exact under contractValidatorOptions (see event-schema.ts).
    amount: { type: 'number', minimum: 0, maximum: 999999999.99, multipleOf: 0.01 },
    // The shape, not the ISO 4217 list the HTTP APIs check: history recorded before that check, or a code
    // a later list withdraws, must stay valid to consumers and replays.
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
  },
} as const;

export const calendarDateSchema = { type: 'string', format: 'date' } as const;
export const instantSchema = { type: 'string', format: 'date-time' } as const;
export const textSchema = { type: 'string' } as const;
/** Free text that must say something: never empty or only whitespace. */
export const nonBlankTextSchema = { type: 'string', minLength: 1, pattern: '\\S' } as const;
export const textListSchema = { type: 'array', items: textSchema } as const;
