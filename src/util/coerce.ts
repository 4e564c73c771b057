/**
 * Value coercions the crosswalk language offers (`as:`). Each returns the normalised value or
 * `undefined` when the value is not of that type; the caller reports it with its source path.
 */
export type Coercion =
  | 'string'
  | 'json'
  | 'date'
  | 'datetime'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'uri'
  | 'email'
  | 'mediatype'
  | 'epoch';
export const COERCIONS: readonly Coercion[] = [
  'string',
  'json',
  'date',
  'datetime',
  'integer',
  'number',
  'boolean',
  'uri',
  'email',
  'mediatype',
  'epoch',
];

export interface ParsedDate {
  /** YYYY, YYYY-MM or YYYY-MM-DD */
  date: string;
  /** Full ISO 8601 date-time when the source had a time. */
  dateTime?: string;
}

/** Days in a month of the proleptic Gregorian calendar. */
function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Dates recently parsed: the crosswalk and the rules read the same fields of a record one after
 * the other. Bounded; the results are frozen (shared between callers).
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

/**
 * How `t` (trimmed) reads as a portal date: 4, 7 or 10 (YYYY, YYYY-MM, YYYY-MM-DD), 16 (a time
 * with hours and minutes), 19 (with seconds), or 0 when it is not one. The grammar, read by hand
 * (no regular expression, nothing built): it runs for every date of every record.
 *   YYYY[-MM[-DD[(T| )hh:mm[:ss[.f+]][Z|(+|-)hh[:]mm]]]], month 1-12, day in the month,
 *   hours to 23, minutes to 59, seconds to 60 (a leap second).
 */
function scanDate(t: string): number {
  const n = t.length;
  // digitsAt reads past the end as NaN: every read below is guarded by the length
  if (n < 4 || digitsAt(t, 0, 4) < 0) return 0;
  if (n === 4) return 4;
  if (n < 7 || t.charCodeAt(4) !== 45) return 0;
  const month = digitsAt(t, 5, 7);
  if (month < 1 || month > 12) return 0;
  if (n === 7) return 7;
  if (n < 10 || t.charCodeAt(7) !== 45) return 0;
  const day = digitsAt(t, 8, 10);
  if (day < 1 || day > daysIn(digitsAt(t, 0, 4), month)) return 0;
  if (n === 10) return 10;
  const sep = t.charCodeAt(10);
  if ((sep !== 84 && sep !== 32) || n < 16 || t.charCodeAt(13) !== 58) return 0; // T or space; hh:mm
  const hour = digitsAt(t, 11, 13);
  const minute = digitsAt(t, 14, 16);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return 0;
  let i = 16;
  let kind = 16;
  if (t.charCodeAt(i) === 58) {
    // :ss, then an optional fraction of one digit or more
    const second = i + 3 <= n ? digitsAt(t, i + 1, i + 3) : -1;
    if (second < 0 || second > 60) return 0;
    i += 3;
    kind = 19;
    if (t.charCodeAt(i) === 46) {
      let j = i + 1;
      while (j < n && digitsAt(t, j, j + 1) >= 0) j++;
      if (j === i + 1) return 0;
      i = j;
    }
  }
  if (i < n) {
    // the zone: Z, or +hh:mm / +hhmm (or -)
    const c = t.charCodeAt(i);
    if (c === 90) i++;
    else if (c === 43 || c === 45) {
      if (i + 3 > n || digitsAt(t, i + 1, i + 3) < 0) return 0;
      i += 3;
      if (t.charCodeAt(i) === 58) i++;
      if (i + 2 > n || digitsAt(t, i, i + 2) < 0) return 0;
      i += 2;
    } else return 0;
  }
  return i === n ? kind : 0;
}

/**
 * Whether `value` is a date parseDate accepts (same rules, same answer), without building its
 * result or remembering it: the profile check only asks whether a field is a date.
 */
export function isDate(value: string): boolean {
  return scanDate(value.trim()) !== 0;
}

function parseDateText(value: string): ParsedDate | undefined {
  const t = value.trim();
  const kind = scanDate(t);
  if (kind === 0) return undefined;
  if (kind <= 10) return { date: t };
  return { date: t.slice(0, 10), dateTime: dateTimeText(t, kind) };
}

/** The full date-time of `t` (trimmed) read by scanDate as `kind` 16 or 19: seconds default to :00. */
function dateTimeText(t: string, kind: number): string {
  // already in full with a T: the text itself (the same value as the one built below)
  if (kind === 19) return t.charCodeAt(10) === 84 ? t : `${t.slice(0, 10)}T${t.slice(11)}`;
  return `${t.slice(0, 10)}T${t.slice(11, 16)}:00${t.slice(16)}`;
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
    // parseDate's results, read without building them nor remembering the text (the crosswalk's
    // dates are mostly new texts: a first candidate's date-time, then its date)
    case 'date': {
      if (typeof value !== 'string') return undefined;
      const t = value.trim();
      const kind = scanDate(t);
      return kind === 0 ? undefined : kind <= 10 ? t : t.slice(0, 10);
    }
    case 'datetime': {
      if (typeof value !== 'string') return undefined;
      const t = value.trim();
      const kind = scanDate(t);
      return kind === 0 ? undefined : kind <= 10 ? t : dateTimeText(t, kind);
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
      if (typeof value === 'number')
        return Number.isInteger(value) && value >= 0 ? value : undefined;
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
      if (typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
        return value.trim().toLowerCase() === 'true';
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
      const known = mediaTypes.get(value); // null: not a media type
      if (known !== undefined) return known ?? undefined;
      const m = mediaTypeOf(value);
      if (mediaTypes.size >= MEDIA_TYPES) mediaTypes.clear();
      mediaTypes.set(value, m ?? null);
      return m;
    }
  }
}

/**
 * Media types recently read: a catalogue uses a few dozen, in every record. Bounded; the answer
 * depends on the text alone.
 */
const mediaTypes = new Map<string, string | null>();
const MEDIA_TYPES = 256;

function mediaTypeOf(value: string): string | undefined {
  const s = value.trim();
  if (
    s.startsWith(IANA_MEDIA_TYPES) ||
    s.startsWith('https://www.iana.org/assignments/media-types/')
  )
    return s;
  const bare = s.split(';')[0].trim().toLowerCase();
  return MEDIA_TYPE_RE.test(bare) ? IANA_MEDIA_TYPES + bare : undefined;
}
