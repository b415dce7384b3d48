/** A text progress bar that reads the same in every font: `▰▰▰▱▱▱▱ 3/7`. */
export function progressBar(done: number, total: number, width = 10): string {
  if (total <= 0) return '▱'.repeat(width);
  const filled = Math.round((Math.min(done, total) / total) * width);
  return `${'▰'.repeat(filled)}${'▱'.repeat(width - filled)}`;
}
