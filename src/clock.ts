/** Time as the services see it; tests pass a controllable clock instead of Date.now. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
