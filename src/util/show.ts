/**
 * Values from records as messages and reports show them. A record may hold anything: an object
 * where a code was expected, a 300 000-character string, a list nested a thousand deep. Messages
 * show text as it is and other values as JSON, cut to a readable length; a finding's `value` keeps
 * its type when it is small and becomes that text when it is not, so that no report carries a
 * whole hostile record in each finding.
 */

/** Characters of a value a message shows (then `…`). */
export const MAX_SHOWN = 200;
/** Characters of JSON a finding's `value` may hold before it is shown as text instead. */
export const MAX_VALUE = 1000;

function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  // never cut a surrogate pair in half
  const end = /[\uD800-\uDBFF]/.test(s[max - 1]) ? max - 1 : max;
  return `${s.slice(0, end)}…`;
}

/** JSON of a value, or undefined when it is too big or too deep to write (a hostile record). */
function json(value: unknown, max: number): string | undefined {
  try {
    const s = JSON.stringify(value);
    return s === undefined ? undefined : s.length > max * 4 ? s.slice(0, max * 4) : s;
  } catch {
    return undefined;
  }
}

/** A value as a message shows it: text as is, numbers and booleans as written, lists and objects as JSON. */
export function shown(value: unknown, max = MAX_SHOWN): string {
  if (typeof value === 'string') return cut(value, max);
  if (value === null || typeof value !== 'object') return cut(String(value), max);
  return cut(json(value, max) ?? (Array.isArray(value) ? '[…]' : '{…}'), max);
}

/** A finding's `value`: as found when small, else as a message shows it. */
export function reportedValue(value: unknown): unknown {
  if (typeof value === 'string') return cut(value, MAX_VALUE);
  if (value === null || typeof value !== 'object') return value;
  const s = json(value, MAX_VALUE);
  return s !== undefined && s.length <= MAX_VALUE ? value : shown(value, MAX_VALUE);
}
