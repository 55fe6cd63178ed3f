// CSV (RFC 4180) cells that a spreadsheet will not run: a text cell starting with = + - @, a tab
// or a carriage return gets a leading apostrophe (OWASP's advice against CSV injection), and a
// cell with a comma, quote or line break is quoted.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export type TCsvValue = string | number | boolean | Date | null | undefined;

export function csvCell(value: TCsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = value instanceof Date ? value.toISOString() : FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line, CRLF-terminated as RFC 4180 says. */
export function csvRow(values: readonly TCsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
