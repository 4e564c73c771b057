/**
 * Comparing texts the way rules normalise them (trimmed, lower-cased, each run of separators made
 * one space) without building the normalised texts: titles, descriptions and their translations
 * nearly always differ within a few characters, and reading up to there allocates nothing.
 * Only characters of the Latin blocks are read this way (their lower case is one character and does
 * not depend on the characters around it); at any other the answer is `undefined`, and the caller
 * normalises both texts as before.
 */

/** Character kinds: part of a word, whitespace, punctuation, or not read here. */
const WORD = 0;
const SPACE = 1;
const PUNCT = 2;
const OTHER = 3;

/** Basic Latin to Latin Extended-B: ASCII, Latin-1 and the accented letters of European languages. */
const N = 0x250;

let table: { lower: Uint16Array; kind: Uint8Array } | undefined;
/** Each character's lower case and kind, classified as the normalising regular expressions do (built on first use). */
function charTable(): { lower: Uint16Array; kind: Uint8Array } {
  if (table) return table;
  const lower = new Uint16Array(N);
  const kind = new Uint8Array(N);
  for (let c = 0; c < N; c++) {
    const l = String.fromCharCode(c).toLowerCase();
    if (l.length !== 1) {
      kind[c] = OTHER; // İ: two characters in lower case
      continue;
    }
    lower[c] = l.charCodeAt(0);
    kind[c] = /\s/u.test(l) ? SPACE : /\p{P}/u.test(l) ? PUNCT : WORD;
  }
  return (table = { lower, kind });
}

/**
 * Whether `a` and `b` are the same once each is trimmed, lower-cased and each run of whitespace
 * (with `punctuation`, of whitespace and punctuation) replaced by one space; `undefined` when a
 * character outside the Latin blocks is met before the answer is known.
 */
export function sameNormalised(a: string, b: string, punctuation: boolean): boolean | undefined {
  const { lower, kind } = charTable();
  const sep = punctuation ? PUNCT : SPACE; // kinds SPACE..sep separate words
  // A text that starts with the other (a description opening with the title) adds words, unless
  // all it adds is separators: lower case maps each character alone, and never to or from a separator.
  if (b.startsWith(a)) return onlySeparators(b, a.length, sep, kind);
  if (a.startsWith(b)) return onlySeparators(a, b.length, sep, kind);
  let i = 0;
  let j = 0;
  for (let start = true; ; start = false) {
    let gapA = false;
    let gapB = false;
    for (; i < a.length; i++, gapA = true) {
      const c = a.charCodeAt(i);
      const k = c < N ? kind[c] : OTHER;
      if (k === OTHER) return undefined;
      if (k === WORD || k > sep) break;
    }
    for (; j < b.length; j++, gapB = true) {
      const c = b.charCodeAt(j);
      const k = c < N ? kind[c] : OTHER;
      if (k === OTHER) return undefined;
      if (k === WORD || k > sep) break;
    }
    const endA = i === a.length;
    const endB = j === b.length;
    // separators at either end are trimmed; between words, one text has a space where the other has none
    if (endA || endB) return endA && endB;
    if (!start && gapA !== gapB) return false;
    if (lower[a.charCodeAt(i)] !== lower[b.charCodeAt(j)]) return false;
    i++;
    j++;
  }
}

function onlySeparators(
  s: string,
  from: number,
  sep: number,
  kind: Uint8Array,
): boolean | undefined {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const k = c < N ? kind[c] : OTHER;
    if (k === OTHER) return undefined;
    if (k === WORD || k > sep) return false;
  }
  return true;
}

/**
 * The lower-cased first character of a trimmed text (-1 when the text is blank), or undefined when
 * it is not read here: for telling lists of texts apart by their first letters.
 */
export function firstLetter(s: string): number | undefined {
  const { lower, kind } = charTable();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const k = c < N ? kind[c] : OTHER;
    if (k === OTHER) return undefined;
    if (k !== SPACE) return lower[c];
  }
  return -1;
}
