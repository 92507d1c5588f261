/** The only source of "now" for command handling; tests substitute their own. */
export type Clock = Readonly<{ now: () => Date }>;

export const CLOCK = Symbol('Clock');

export const systemClock: Clock = { now: () => new Date() };
