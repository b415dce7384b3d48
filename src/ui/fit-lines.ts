/** Room left for a list in one message, after its header, hints and footer (Discord: 4,000). */
export const listBudget = 3_400;

/**
 * Joins as many whole lines as fit in `budget` characters; the rest is summarised by
 * `more(count)` so a long course never makes a message Discord would refuse. A message with
 * two lists gives each a share of the budget.
 */
export function fitLines(
  lines: readonly string[],
  separator: string,
  more: (count: number) => string,
  budget: number = listBudget,
): string {
  let used = 0;
  const kept: string[] = [];
  for (const [index, line] of lines.entries()) {
    const cost = line.length + (kept.length > 0 ? separator.length : 0);
    const reserve = index < lines.length - 1 ? 40 : 0;
    if (used + cost + reserve > budget) {
      kept.push(more(lines.length - index));
      break;
    }
    kept.push(line);
    used += cost;
  }
  return kept.join(separator);
}
