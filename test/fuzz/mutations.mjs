/**
 * Mutations of real exports, the way files go wrong on their way from a portal to a steward: bytes
 * flipped, inserted or lost, files cut short, lines repeated, invalid UTF-8, byte order marks, huge
 * values and deep nesting (within a cap), types swapped, keys dropped or repeated, odd Unicode.
 * Byte-level mutations work on any file; structure-level ones know their format (JSON, XML, CSV,
 * Turtle). Every choice comes from the `rng` given, so that a case is the same for the same seed.
 */

/** A small seeded generator (mulberry32): no Math.random, so a seed gives the same cases. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
  };
}

/** One seed per case, from the run's seed and the case's number: any case can be rebuilt alone. */
export function caseSeed(seed, i) {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (i + 0x7f4a7c15), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Values are at most this long, nesting at most this deep: big enough to cross the limits, small enough to stay quick. */
export const HUGE = 200_000;
const DEPTHS = [10, 127, 128, 129, 300, 2000];

const ODD = [
  'e\u0301\u0301\u0301',
  '\u202Eevil\u202C',
  'مجموعة بيانات',
  '\u200B\u200D\uFEFF',
  '\u0000\u0007\u001B[2J\u001B]0;x\u0007',
  '\u009B31m',
  '\uD800',
  'a\uDC00b',
  '👩🏽‍🔬🇨🇦',
  'ᐃᓄᒃᑎᑐᑦ',
  '\u2028\u2029',
  '\uFFFE\uFFFF',
  '<script>&amp;"\'',
  '=cmd|x',
  '__proto__',
];
const INVALID_UTF8 = [
  [0xff],
  [0xc3, 0x28],
  [0xed, 0xa0, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xc0, 0xaf],
  [0x80],
  [0xe2, 0x82],
];
const BOMS = [
  [0xef, 0xbb, 0xbf],
  [0xfe, 0xff],
  [0xff, 0xfe],
  [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf],
  [0x00, 0x00, 0xfe, 0xff],
];

const enc = (s) => Buffer.from(s, 'utf8');
const splice = (b, at, del, ins = Buffer.alloc(0)) =>
  Buffer.concat([b.subarray(0, at), ins, b.subarray(at + del)]);
const lineStarts = (b) => {
  const out = [0];
  for (let i = 0; i < b.length; i++) if (b[i] === 0x0a && i + 1 < b.length) out.push(i + 1);
  return out;
};
const lineAt = (b, start) => {
  const end = b.indexOf(0x0a, start);
  return end < 0 ? b.length : end + 1;
};

/** Mutations of bytes, for every format. */
export const BYTE_MUTATIONS = {
  flip(b, r) {
    const c = Buffer.from(b);
    for (let n = 1 + r.int(8); n > 0 && c.length; n--) c[r.int(c.length)] ^= 1 << r.int(8);
    return c;
  },
  insertBytes(b, r) {
    const ins = Buffer.alloc(1 + r.int(16));
    for (let i = 0; i < ins.length; i++) ins[i] = r.int(256);
    return splice(b, r.int(b.length + 1), 0, ins);
  },
  deleteBytes: (b, r) => (b.length ? splice(b, r.int(b.length), 1 + r.int(64)) : b),
  truncate: (b, r) => b.subarray(0, r.int(b.length + 1)),
  duplicateLine(b, r) {
    const s = r.pick(lineStarts(b));
    const e = lineAt(b, s);
    let line = b.subarray(s, e);
    if (line[line.length - 1] !== 0x0a) line = Buffer.concat([line, enc('\n')]);
    return splice(b, r.chance(0.5) ? e : s, 0, Buffer.concat(Array(1 + r.int(3)).fill(line)));
  },
  deleteLine(b, r) {
    const s = r.pick(lineStarts(b));
    return splice(b, s, lineAt(b, s) - s);
  },
  swapLines(b, r) {
    const starts = lineStarts(b);
    const lines = starts.map((s) => b.subarray(s, lineAt(b, s)));
    const i = r.int(lines.length);
    const j = r.int(lines.length);
    [lines[i], lines[j]] = [lines[j], lines[i]];
    return Buffer.concat(lines);
  },
  invalidUtf8: (b, r) =>
    splice(
      b,
      r.chance(0.5) ? r.pick(lineStarts(b)) : r.int(b.length + 1),
      0,
      Buffer.from(r.pick(INVALID_UTF8)),
    ),
  bom: (b, r) => Buffer.concat([Buffer.from(r.pick(BOMS)), b]),
  lineEnds: (b, r) =>
    Buffer.from(
      b.toString('latin1').replace(/\n/g, r.pick(['\r\n', '\r', '\n\n', '\xe2\x80\xa8\n'])),
      'latin1',
    ),
  oddUnicode: (b, r) => splice(b, r.int(b.length + 1), 0, enc(r.pick(ODD))),
  nul: (b, r) => splice(b, r.int(b.length + 1), 0, Buffer.alloc(1 + r.int(4))),
  windows1252: (b) => Buffer.from(b.toString('utf8'), 'latin1'),
};

// ---- JSON

const JSON_VALUES = [
  null,
  true,
  false,
  0,
  -1,
  1e308,
  'x',
  '',
  [],
  {},
  [null],
  { '': '' },
  '2026-02-30',
  'NaN',
];

function jsonPaths(root, limit = 300) {
  const out = [];
  const queue = [[]];
  while (queue.length && out.length < limit) {
    const p = queue.shift();
    out.push(p);
    const v = jsonAt(root, p);
    if (Array.isArray(v)) v.forEach((_, i) => queue.push([...p, i]));
    else if (v && typeof v === 'object') for (const k of Object.keys(v)) queue.push([...p, k]);
  }
  return out;
}
function jsonAt(root, p) {
  let v = root;
  for (const s of p) v = v[s];
  return v;
}
/** Sets as JSON.parse would: `__proto__` is an own key, never the prototype. */
function put(parent, key, value) {
  Object.defineProperty(parent, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
function nest(value, depth, r) {
  let v = value;
  const asArray = r.chance(0.5);
  for (let d = 0; d < depth; d++) v = asArray ? [v] : { a: v };
  return v;
}

/** `value` in place of `parent[key]`; the new root when there is no parent. */
function replace(root, parent, key, value) {
  if (!parent) return value;
  put(parent, key, value);
  return root;
}

/** Structure-level mutations of a parsed JSON value (changes it in place; the root may be replaced). */
const JSON_MUTATIONS = {
  swapType(root, r, p, parent, key) {
    const v = jsonAt(root, p);
    const swapped =
      typeof v === 'string'
        ? r.pick([Number(v.length), [v], { '@value': v }, null, true])
        : typeof v === 'number'
          ? String(v)
          : Array.isArray(v)
            ? v.length
              ? v[0]
              : {}
            : v && typeof v === 'object'
              ? [v]
              : r.pick(JSON_VALUES);
    return replace(root, parent, key, swapped);
  },
  removeKey(root, _r, _p, parent, key) {
    if (!parent) return root;
    if (Array.isArray(parent)) parent.splice(key, 1);
    else delete parent[key];
    return root;
  },
  huge(root, r, _p, parent, key) {
    const s = r.pick(['x', 'é', '🇨🇦', ' ', '\\']).repeat(Math.floor(HUGE / 2) + r.int(HUGE / 2));
    return parent ? replace(root, parent, key, s) : root;
  },
  deep(root, r, p, parent, key) {
    const v = nest(jsonAt(root, p), r.pick(DEPTHS), r);
    return replace(root, parent, key, v);
  },
  odd(root, r, _p, parent, key) {
    if (!parent) return root;
    put(parent, key, r.pick(ODD) + String(parent[key] ?? ''));
    return root;
  },
  protoKey(root, r, p) {
    const v = jsonAt(root, p);
    if (v && typeof v === 'object' && !Array.isArray(v))
      put(v, r.pick(['__proto__', 'constructor', 'prototype', '']), r.pick(JSON_VALUES));
    return root;
  },
  manyKeys(root, r, p) {
    const v = jsonAt(root, p);
    if (v && typeof v === 'object' && !Array.isArray(v))
      for (let i = 0, n = 1000 + r.int(9000); i < n; i++) v[`k${i}`] = i;
    return root;
  },
};

/** Serialised, with one key written twice now and then (JSON.stringify cannot repeat a key). */
function writeJson(v, r, indent) {
  let text = JSON.stringify(v, null, indent);
  if (r.chance(0.3)) {
    const keys = [...text.matchAll(/"([\w@:$.-]{0,100})":/g)];
    if (keys.length) {
      const k = r.pick(keys);
      text = `${text.slice(0, k.index)}"${k[1]}":${JSON.stringify(r.pick(JSON_VALUES))},${text.slice(k.index)}`;
    }
  }
  return text;
}

/** A JSON text mutated in its structure; undefined when it does not parse (a byte mutation then). */
export function mutateJsonText(text, r, indent) {
  let root;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  for (let n = 1 + r.int(3); n > 0; n--) {
    const paths = jsonPaths(root);
    const p = r.pick(paths);
    const parent = p.length ? jsonAt(root, p.slice(0, -1)) : undefined;
    const name = r.pick(Object.keys(JSON_MUTATIONS));
    root = JSON_MUTATIONS[name](root, r, p, parent, p[p.length - 1]);
  }
  return writeJson(root, r, indent);
}

// ---- XML (HNAP, CSW, RDF/XML)

const XML_MUTATIONS = {
  duplicateElement(t, r) {
    const e = xmlElement(t, r);
    return e
      ? t.slice(0, e.end) + t.slice(e.start, e.end).repeat(1 + r.int(3)) + t.slice(e.end)
      : t;
  },
  removeElement(t, r) {
    const e = xmlElement(t, r);
    return e ? t.slice(0, e.start) + t.slice(e.end) : t;
  },
  deep(t, r) {
    const at = xmlText(t, r);
    const d = r.pick(DEPTHS);
    return `${t.slice(0, at) + '<a>'.repeat(d)}x${'</a>'.repeat(d)}${t.slice(at)}`;
  },
  huge: (t, r) => insertAt(t, xmlText(t, r), r.pick(['x', 'é', '&amp;']).repeat(HUGE / 5)),
  odd: (t, r) => insertAt(t, xmlText(t, r), r.pick(ODD).replace(/[<&]/g, '')),
  entity: (t, r) =>
    insertAt(
      t,
      xmlText(t, r),
      r.pick(['&foo;', '&#0;', '&#xD800;', '&#1114112;', '&#x1F600;', '&lt', '&']),
    ),
  cdata: (t, r) =>
    insertAt(
      t,
      xmlText(t, r),
      r.pick(['<![CDATA[<x>]]>', '<![CDATA[', ']]>', '<!-- c -->', '<?pi x?>']),
    ),
  duplicateAttribute(t, r) {
    const m = r.pick([...t.matchAll(/<[A-Za-z][\w:.-]*\s+([\w:.-]+="[^"]*")/g)]);
    return m ? insertAt(t, m.index + m[0].length, ` ${m[1]}`) : t;
  },
  manySiblings(t, r) {
    const e = xmlElement(t, r);
    return e
      ? t.slice(0, e.end) +
          t
            .slice(e.start, e.end)
            .repeat(200 + r.int(800))
            .slice(0, HUGE * 5) +
          t.slice(e.end)
      : t;
  },
  doctype: (t) =>
    t.replace(
      /(<\?xml[^>]*\?>)?/,
      '$1<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
    ),
};
const insertAt = (t, at, s) => t.slice(0, at) + s + t.slice(at);
/** Where text can go: just after a start tag. */
function xmlText(t, r) {
  const tags = [...t.matchAll(/<[A-Za-z][^<>]*[^/]>/g)];
  if (!tags.length) return r.int(t.length + 1);
  const m = r.pick(tags.slice(1).length ? tags.slice(1) : tags);
  return m.index + m[0].length;
}
/** An element with its content (the first closing tag of its name: good enough to mutate). */
function xmlElement(t, r) {
  const starts = [...t.matchAll(/<([A-Za-z][\w:.-]*)(\s[^<>]*)?>/g)].slice(1);
  if (!starts.length) return undefined;
  const m = r.pick(starts);
  if (m[0].endsWith('/>')) return { start: m.index, end: m.index + m[0].length };
  const close = t.indexOf(`</${m[1]}>`, m.index);
  return close < 0 ? undefined : { start: m.index, end: close + m[1].length + 3 };
}

// ---- CSV

/** Each changes the rows in place. */
const CSV_MUTATIONS = {
  duplicateColumn: (rows, r) => rows[0].push(r.pick(rows[0])),
  removeColumn: (rows, r) => rows[0].splice(r.int(rows[0].length), 1),
  manyFields(rows, r) {
    const row = rows[r.int(rows.length)];
    row.push(...Array(r.pick([500, 9999, 10_001, 20_000])).fill(''));
  },
  huge: (rows, r) => cell(rows, r, 'x'.repeat(HUGE)),
  odd: (rows, r) => cell(rows, r, r.pick(ODD)),
  quote: (rows, r) => cell(rows, r, r.pick(['"', '"a""b', 'a"b', '"\n"', ';', ',', '\t'])),
  emptyRows: (rows, r) => rows.splice(r.int(rows.length + 1), 0, [], [''], []),
  headerOnly: (rows) => rows.splice(1),
  duplicateRow(rows, r) {
    const at = r.int(rows.length + 1);
    rows.splice(at, 0, rows[r.int(rows.length)]);
  },
};
function cell(rows, r, v) {
  const row = rows[r.int(rows.length)];
  row[r.int(row.length + 1)] = v;
}
function mutateCsv(text, r) {
  const sep = (text.split('\n', 1)[0].match(/;/g)?.length ?? 0) > 0 ? ';' : ',';
  // split naively (quoted separators and line breaks are cut too: one more way a file goes wrong)
  const rows = text.split(/\r?\n/).map((l) => l.split(sep));
  for (let n = 1 + r.int(2); n > 0; n--) CSV_MUTATIONS[r.pick(Object.keys(CSV_MUTATIONS))](rows, r);
  return rows.map((row) => row.join(sep)).join('\n');
}

// ---- Turtle

const TURTLE_MUTATIONS = {
  duplicateStatement(t, r) {
    const lines = t.split('\n');
    const i = r.int(lines.length);
    lines.splice(i, 0, ...Array(1 + r.int(3)).fill(lines[i]));
    return lines.join('\n');
  },
  removeStatement(t, r) {
    const lines = t.split('\n');
    lines.splice(r.int(lines.length), 1 + r.int(3));
    return lines.join('\n');
  },
  huge: (t, r) => replaceLiteral(t, r, `"${'x'.repeat(HUGE)}"`),
  odd: (t, r) => replaceLiteral(t, r, JSON.stringify(r.pick(ODD))),
  swapType: (t, r) =>
    replaceLiteral(
      t,
      r,
      r.pick([
        '<http://example.org/x>',
        '42',
        'true',
        '[]',
        '()',
        '"x"@en-ÿ',
        '"x"^^<bad iri>',
        '_:b0',
        'zz:undefined',
      ]),
    ),
  deep(t, r) {
    const d = r.pick(DEPTHS);
    const s = r.chance(0.5)
      ? `${'[ <http://x/p> '.repeat(d)}"x"${' ]'.repeat(d)}`
      : `${'( '.repeat(d)}1${' )'.repeat(d)}`;
    return `${t}\n<http://x/s> <http://x/p> ${s} .\n`;
  },
  punctuation: (t, r) => {
    const i = r.pick([...t.matchAll(/[.;,]\s*$/gm)])?.index;
    return i === undefined
      ? t
      : insertAt(t.slice(0, i) + t.slice(i + 1), i, r.pick(['', ';', '.', ',', ' .. ']));
  },
  prefix: (t, r) =>
    t.replace(/@prefix\s+(\w*):/, r.pick(['@prefix $1: <>', '@prefix :', '@base <http://[::1>'])),
};
function replaceLiteral(t, r, v) {
  const lits = [...t.matchAll(/"[^"\\\n]{0,2000}"/g)];
  if (!lits.length) return `${t}\n<http://x/s> <http://x/p> ${v} .\n`;
  const m = r.pick(lits);
  return t.slice(0, m.index) + v + t.slice(m.index + m[0].length);
}

/** One structure-level mutation of a file of `format`; undefined when none applies (a byte mutation then). */
export function mutateStructure(format, bytes, r) {
  // a legacy export in Windows-1252 keeps its bytes (read and written back one byte a character)
  const encoding = new TextDecoder('utf-8', { fatal: false }).decode(bytes).includes('\uFFFD')
    ? 'latin1'
    : 'utf8';
  const text = structure(format, bytes.toString(encoding), r);
  return text === undefined ? undefined : Buffer.from(text, encoding);
}

function structure(format, text, r) {
  switch (format) {
    case 'json':
    case 'jsonld':
      return mutateJsonText(text, r, r.pick([undefined, 2, '\t']));
    case 'jsonl': {
      const lines = text.split('\n');
      for (let n = 1 + r.int(3); n > 0; n--) {
        const i = r.int(lines.length);
        const m = mutateJsonText(lines[i], r, undefined);
        if (m !== undefined) lines[i] = m;
      }
      return lines.join('\n');
    }
    case 'xml':
    case 'rdfxml': {
      let t = text;
      for (let n = 1 + r.int(2); n > 0; n--)
        t = XML_MUTATIONS[r.pick(Object.keys(XML_MUTATIONS))](t, r);
      return t;
    }
    case 'csv':
      return mutateCsv(text, r);
    case 'turtle': {
      let t = text;
      for (let n = 1 + r.int(2); n > 0; n--)
        t = TURTLE_MUTATIONS[r.pick(Object.keys(TURTLE_MUTATIONS))](t, r);
      return t;
    }
    default:
      return undefined;
  }
}
