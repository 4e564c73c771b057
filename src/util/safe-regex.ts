/**
 * Regular expressions a user file gives (a ruleset's `pattern`, a rule option of `format: regex`)
 * are checked and compiled here and nowhere else. JavaScript's engine backtracks: a pattern such as `(a+)+$`
 * takes exponential time on a value of a few dozen characters, and one record could then stall a
 * whole run. Patterns that can backtrack without bound are refused before any record is read.
 */
import { ConfigError, type Said } from './errors.js';

/** Longer patterns are refused: a metadata check needs no more, and size multiplies backtracking. */
export const MAX_PATTERN_LENGTH = 500;
/** `g` and `y` make `test` remember where it stopped (a check would pass or fail by turns). */
const FLAGS = /^[imsu]*$/;

interface Group {
  /** An unbounded quantifier (`*`, `+`, `{n,}`) is inside. */
  unbounded: boolean;
  /** The first character of each alternative, or null once one starts with something else. */
  firsts: string[] | null;
  /** Where the current alternative starts (to read its first character). */
  altStart: number;
  alternation: boolean;
}

/** A quantifier at `i`, if any: its length and whether its upper bound is above one or absent. */
function quantifier(p: string, i: number): { length: number; max: number } | undefined {
  const c = p[i];
  if (c === '*' || c === '+') return { length: p[i + 1] === '?' ? 2 : 1, max: Infinity };
  if (c === '?') return { length: p[i + 1] === '?' ? 2 : 1, max: 1 };
  if (c !== '{') return undefined;
  const m = /^\{(\d+)(,(\d*))?\}\??/.exec(p.slice(i));
  if (!m) return undefined;
  const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
  return { length: m[0].length, max };
}

/** The first character of an alternative when it is a plain literal (`a`, `\.`), else null. */
function literalAt(p: string, i: number): string | null {
  const c = p[i];
  if (c === undefined || '([.^$|)'.includes(c)) return null;
  if (c !== '\\') return c;
  const n = p[i + 1];
  return n !== undefined && /[^A-Za-z0-9]/.test(n) ? n : null;
}

/** Ends the alternative that starts at `g.altStart`: its first character kept while all are distinct literals. */
function endAlternative(p: string, g: Group): void {
  if (!g.firsts) return;
  const first = literalAt(p, g.altStart);
  g.firsts = first === null || g.firsts.includes(first) ? null : [...g.firsts, first];
}

/** Why `pattern` could backtrack without bound, or undefined when it cannot. */
export function unsafeReason(pattern: string): Said | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH)
    return {
      en: `the pattern is longer than ${MAX_PATTERN_LENGTH} characters`,
      fr: `le motif dépasse ${MAX_PATTERN_LENGTH} caractères`,
    };
  const stack: Group[] = [{ unbounded: false, firsts: [], altStart: 0, alternation: false }];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    const top = stack[stack.length - 1];
    if (c === '\\') {
      const n = pattern[i + 1];
      if (n !== undefined && /[1-9k]/.test(n))
        return {
          en: 'back-references (\\1, \\k<name>) are not allowed: they can take exponential time',
          fr: 'les références arrière (\\1, \\k<name>) ne sont pas permises : elles peuvent prendre un temps exponentiel',
        };
      i++;
    } else if (c === '[') {
      // a class is one character: skip to its end
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
    } else if (c === '(') {
      if (pattern.startsWith('(?<=', i) || pattern.startsWith('(?<!', i))
        return {
          en: 'lookbehind ((?<=…), (?<!…)) is not allowed: it is matched backwards, with backtracking',
          fr: 'le regard arrière ((?<=…), (?<!…)) n’est pas permis : il est apparié à rebours, avec retours en arrière',
        };
      const open = /^\(\?(?::|=|!|<[A-Za-z_][A-Za-z0-9_]*>)/.exec(pattern.slice(i));
      const skip = open ? open[0].length - 1 : 0;
      stack.push({ unbounded: false, firsts: [], altStart: i + 1 + skip, alternation: false });
      i += skip;
    } else if (c === '|') {
      endAlternative(pattern, top);
      top.alternation = true;
      top.altStart = i + 1;
    } else if (c === ')' && stack.length > 1) {
      endAlternative(pattern, top);
      stack.pop();
      const q = quantifier(pattern, i + 1);
      const parent = stack[stack.length - 1];
      if (q && q.max > 1) {
        if (top.unbounded)
          return {
            en: 'a repeated group holds a repetition (nested quantifiers such as (a+)+): it can take exponential time',
            fr: 'un groupe répété contient une répétition (quantificateurs imbriqués comme (a+)+) : cela peut prendre un temps exponentiel',
          };
        if (top.alternation && !top.firsts)
          return {
            en: 'a repeated group holds alternatives that can match the same text (such as (a|ab)*): start each alternative with a different character',
            fr: 'un groupe répété contient des alternatives qui peuvent reconnaître le même texte (comme (a|ab)*) : commencez chaque alternative par un caractère différent',
          };
      }
      parent.unbounded ||= top.unbounded || (q !== undefined && q.max === Infinity);
      if (q) i += q.length;
    } else {
      const q = quantifier(pattern, i);
      if (q) {
        if (q.max === Infinity) top.unbounded = true;
        i += q.length - 1;
      }
    }
  }
  return undefined;
}

/** Whether a pattern (without flags) is safe and valid: the `regex` format of the file schemas (util/validators.ts). */
export function isSafeRegex(pattern: string): boolean {
  if (unsafeReason(pattern)) return false;
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

/** V8's reasons for refusing a regular expression (its messages are English), in French. */
const REGEX_REASONS_FR: [RegExp, string][] = [
  [/Unterminated group/, 'groupe non fermé'],
  [/Unmatched '\)'/, '« ) » sans « ( »'],
  [/Nothing to repeat/, 'rien à répéter'],
  [/Unterminated character class/, 'classe de caractères non fermée'],
  [/Lone quantifier brackets/, 'accolades de quantificateur isolées'],
  [/numbers out of order/, 'bornes de quantificateur dans le désordre'],
  [/Invalid capture group name/, 'nom de groupe non valide'],
  [/Invalid group/, 'groupe non valide'],
  [/Invalid escape|Invalid Unicode escape/, 'échappement non valide'],
  [/Range out of order/, 'intervalle de caractères dans le désordre'],
  [/\\ at end of pattern/, '« \\ » en fin de motif'],
];

/** ` (why)` in French, or nothing for a reason not known here. */
function regexReasonFr(message: string): string {
  const found = REGEX_REASONS_FR.find(([re]) => re.test(message));
  return found ? ` (${found[1]})` : '';
}

/**
 * A user's regular expression, compiled once it is known to be safe; a `ConfigError` at `where`
 * (file:line:col) when it is not, or not valid, or its flags are not `i`, `m`, `s`, `u`.
 */
export function safeRegExp(pattern: string, flags = '', where?: string): RegExp {
  if (!FLAGS.test(flags))
    throw new ConfigError(
      `flags "${flags}": only i, m, s and u are allowed`,
      where,
      `options « ${flags} » : seules i, m, s et u sont permises`,
    );
  const unsafe = unsafeReason(pattern);
  if (unsafe)
    throw new ConfigError(
      `pattern ${JSON.stringify(pattern)}: ${unsafe.en}`,
      where,
      `motif ${JSON.stringify(pattern)} : ${unsafe.fr}`,
    );
  try {
    return new RegExp(pattern, flags);
  } catch (e) {
    throw new ConfigError(
      `pattern ${JSON.stringify(pattern)} is not a valid regular expression (${(e as Error).message})`,
      where,
      `le motif ${JSON.stringify(pattern)} n’est pas une expression régulière valide${regexReasonFr((e as Error).message)}`,
    );
  }
}
