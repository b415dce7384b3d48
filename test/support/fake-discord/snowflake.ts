/** Discord's epoch (2015-01-01T00:00:00Z); snowflakes count milliseconds from it. */
const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Makes numeric snowflake strings the way Discord does (timestamp << 22 | increment), so
 * discord.js can read a creation time from every id the fake hands out.
 */
export function createSnowflakeFactory(): () => string {
  let increment = 0n;
  return () => {
    increment = (increment + 1n) & 0xfffn;
    const sinceEpoch = BigInt(Date.now()) - DISCORD_EPOCH;
    return ((sinceEpoch << 22n) | (1n << 17n) | increment).toString();
  };
}
