/**
 * `value` without the runs of `char` at its ends (or only at its end). A plain loop: the
 * pattern `/-+$/` looks like the same thing but retries at every position of a long run, which
 * costs quadratic time on hostile input.
 */
export function trimChar(value: string, char: string, ends: 'both' | 'end' = 'both'): string {
  let start = 0;
  let end = value.length;
  if (ends === 'both') while (start < end && value[start] === char) start += 1;
  while (end > start && value[end - 1] === char) end -= 1;
  return value.slice(start, end);
}
