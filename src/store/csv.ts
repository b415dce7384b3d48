export type CsvCell = string | number | boolean | null | undefined;

/** Cells a spreadsheet would run as a formula (CSV injection): =, +, -, @, tab, carriage return. */
const formulaStart = /^[=+\-@\t\r]/;

/** Escapes one cell: text that could start a formula gets a leading apostrophe, then RFC 4180 quoting. */
export function csvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  const safe = formulaStart.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Writes rows as CSV with CRLF line ends. With `bom` (the default) the text starts with a
 * UTF-8 byte order mark so spreadsheet programs read Korean text correctly.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: { bom?: boolean } = {}): string {
  const text = rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
  return options.bom === false ? text : `\uFEFF${text}`;
}
