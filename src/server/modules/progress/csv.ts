/** RFC 4180 CSV for spreadsheets. */
const NEEDS_QUOTES = /[",\r\n]/;
// A cell starting like a formula would run in Excel/LibreOffice (CSV injection): defuse it.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CRLF line ends and a UTF-8 byte-order mark so Excel reads accents right. */
export function toCsv(rows: (string | number | boolean | null | undefined)[][]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
