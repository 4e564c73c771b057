/**
 * Value coercions the crosswalk language offers (`as:`). Each returns the normalised value or
 * `undefined` when the value is not of that type; the caller reports it with its source path.
 */
export type Coercion = 'string' | 'json' | 'date' | 'datetime' | 'integer' | 'number' | 'boolean' | 'uri' | 'email' | 'mediatype' | 'epoch';
export const COERCIONS: readonly Coercion[] = ['string', 'json', 'date', 'datetime', 'integer', 'number', 'boolean', 'uri', 'email', 'mediatype', 'epoch'];

export interface ParsedDate {
  /** YYYY, YYYY-MM or YYYY-MM-DD */
  date: string;
  /** Full ISO 8601 date-time when the source had a time. */
  dateTime?: string;
}

const DATE_RE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/** Days in a month of the proleptic Gregorian calendar. */
function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Dates recently parsed: the profile check and the crosswalk read the same field of a record one
 * after the other. Bounded; the results are frozen (shared between callers).
 */
const recentDates = new Map<string, Readonly<ParsedDate> | null>();
const RECENT_DATES = 256;

/** Dates as portals write them: ISO 8601 and CKAN's `2017-05-18 00:00:00`. Calendar-checked. */
export function parseDate(value: unknown): Readonly<ParsedDate> | undefined {
  if (typeof value !== 'string') return undefined;
  const recent = recentDates.get(value); // null: not a date
  if (recent !== undefined) return recent ?? undefined;
  const parsed = parseDateText(value);
  if (recentDates.size >= RECENT_DATES) recentDates.clear();
  recentDates.set(value, parsed ? Object.freeze(parsed) : null);
  return parsed;
}

/** The number written by the ASCII digits of `s` from `start` to `end`, or -1 when one is not a digit. */
function digitsAt(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function parseDateText(value: string): ParsedDate | undefined {
  // YYYY-MM-DD, the most common form, without the regular expression (same checks, same result)
  if (value.length === 10 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45) {
    const year = digitsAt(value, 0, 4);
    const month = digitsAt(value, 5, 7);
    const day = digitsAt(value, 8, 10);
    if (year >= 0 && month >= 0 && day >= 0) return month < 1 || month > 12 || day < 1 || day > daysIn(year, month) ? undefined : { date: value };
  }
  const m = DATE_RE.exec(value.trim());
  if (!m) return undefined;
  const y = m[1], mo = m[2], d = m[3], h = m[4], mi = m[5], s = m[6], frac = m[7], tz = m[8];
  if (mo !== undefined && (+mo < 1 || +mo > 12)) return undefined;
  if (d !== undefined && (+d < 1 || +d > daysIn(+y, +mo))) return undefined;
  if (h !== undefined && (+h > 23 || +mi > 59 || (s !== undefined && +s > 60))) return undefined;
  const date = mo === undefined ? y : d === undefined ? `${y}-${mo}` : `${y}-${mo}-${d}`;
  if (h === undefined) return { date };
  return { date, dateTime: `${date}T${h}:${mi}:${s ?? '00'}${frac ?? ''}${tz ?? ''}` };
}

const URI_RE = /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]+$/;
const EMAIL_RE = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
const MEDIA_TYPE_RE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;
export const IANA_MEDIA_TYPES = 'http://www.iana.org/assignments/media-types/';

export function coerce(value: unknown, as: Coercion): unknown {
  switch (as) {
    case 'string':
      if (typeof value === 'string') return value.trim() || undefined;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      return undefined;
    case 'json': {
      // JSON carried as text (a GeoJSON geometry): objects are written out, text must parse
      if (value !== null && typeof value === 'object') return JSON.stringify(value);
      if (typeof value !== 'string' || !value.trim()) return undefined;
      try {
        JSON.parse(value);
        return value.trim();
      } catch {
        return undefined;
      }
    }
    case 'date': {
      const d = parseDate(value);
      return d?.date;
    }
    case 'datetime': {
      const d = parseDate(value);
      return d ? (d.dateTime ?? d.date) : undefined;
    }
    case 'epoch': {
      const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) return undefined;
      // beyond year 9999 a date has no ISO 8601 form portals write (and past ±8.64e15 ms, none at all)
      const d = new Date(n * 1000);
      if (Number.isNaN(d.getTime()) || d.getUTCFullYear() > 9999) return undefined;
      return d.toISOString().replace('.000Z', 'Z');
    }
    case 'integer': {
      if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
      if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
      return undefined;
    }
    case 'number': {
      if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
      if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
      return undefined;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
      return undefined;
    case 'uri': {
      if (typeof value !== 'string') return undefined;
      const s = value.trim();
      if (URI_RE.test(s)) return s;
      // A URL with spaces or other characters browsers repair is still the publisher's intent.
      if (/^https?:\/\//i.test(s)) {
        try {
          return new URL(s).href;
        } catch {
          return undefined;
        }
      }
      return undefined;
    }
    case 'email': {
      if (typeof value !== 'string') return undefined;
      const s = value.trim().replace(/^mailto:/i, '');
      return EMAIL_RE.test(s) ? s : undefined;
    }
    case 'mediatype': {
      if (typeof value !== 'string') return undefined;
      const s = value.trim();
      if (s.startsWith(IANA_MEDIA_TYPES) || s.startsWith('https://www.iana.org/assignments/media-types/')) return s;
      const bare = s.split(';')[0].trim().toLowerCase();
      return MEDIA_TYPE_RE.test(bare) ? IANA_MEDIA_TYPES + bare : undefined;
    }
  }
}
