/** Who types into the console: `learner` (= learner1), `learner2`, `learner3`, … or `instructor`. */
export interface ConsoleIdentity {
  /** As typed after `--as` or `/as`, normalised: `learner1`, `learner2`, `instructor`. */
  handle: string;
  role: 'learner' | 'instructor';
  /** The learner's number (1 for `learner`); null for the instructor. */
  number: number | null;
  /** Their stand-in Discord id, the same on every run so progress stays theirs. */
  id: string;
}

/** The highest learner number: plenty for a study group, and every id stays 18 digits. */
export const MAX_CONSOLE_LEARNER = 9999;

/** The console's stand-ins for Discord ids: one local server and channel, one id per person. */
export const consoleIds = {
  guildId: '100000000000000001',
  channelId: '100000000000000002',
  learnerId: '100000000000000010',
  instructorId: '100000000000000020',
} as const;

/** learner1 keeps the id the console always gave its learner; the others follow 1000 apart. */
function learnerId(number: number): string {
  return String(BigInt(consoleIds.learnerId) + BigInt(number - 1) * 1000n);
}

export function learner(number: number): ConsoleIdentity {
  return { handle: `learner${number}`, role: 'learner', number, id: learnerId(number) };
}

export const instructor: ConsoleIdentity = {
  handle: 'instructor',
  role: 'instructor',
  number: null,
  id: consoleIds.instructorId,
};

/** `learner`, `learnerN` (1 to 9999) or `instructor`; null for anything else. */
export function parseIdentity(handle: string): ConsoleIdentity | null {
  if (handle === 'instructor') return instructor;
  if (handle === 'learner') return learner(1);
  const match = /^learner([1-9]\d{0,3})$/.exec(handle);
  return match ? learner(Number(match[1])) : null;
}

/** The identity behind a stand-in id, so mentions of other learners read as their names. */
export function identityOfId(id: string): ConsoleIdentity | null {
  if (id === instructor.id) return instructor;
  if (!/^\d{18}$/.test(id)) return null;
  const offset = BigInt(id) - BigInt(consoleIds.learnerId);
  if (offset < 0n || offset % 1000n !== 0n) return null;
  const number = Number(offset / 1000n) + 1;
  return number <= MAX_CONSOLE_LEARNER ? learner(number) : null;
}
