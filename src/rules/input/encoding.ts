import { CLASSES, type ClassName, type PropertyDef } from '../../model/properties.js';
import { codeRule } from '../define.js';
import type { RuleContext } from '../types.js';

/**
 * Characters Windows-1252 (or Latin-1) shows for the bytes 0x80–0xBF, which continue a UTF-8
 * sequence: U+0080–U+00BF for themselves (and Windows-1252's five unassigned bytes), and the
 * punctuation and letters Windows-1252 puts at 0x80–0x9F.
 */
const CP1252_HIGH = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const CP1252_BYTES = [
  0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93,
  0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f,
];
const BYTE = new Map<string, number>([...CP1252_HIGH].map((c, i) => [c, CP1252_BYTES[i]]));
const CONT = `[\\u0080-\\u00BF${CP1252_HIGH}]`;

/** A UTF-8 sequence read one byte per character: a lead byte (Â–ô) and its continuation bytes. */
const MOJIBAKE = new RegExp(
  `[\\u00C2-\\u00DF]${CONT}|[\\u00E0-\\u00EF]${CONT}{2}|[\\u00F0-\\u00F4]${CONT}{3}`,
  'g',
);
const REPLACEMENT = '\uFFFD';
/**
 * Either kind of damage, tested in one pass (every text is read, nearly none is damaged, and a
 * regular expression scans them faster than a loop over the characters).
 */
const DAMAGED = new RegExp(`${REPLACEMENT}|${MOJIBAKE.source}`);
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Characters a repair may give: Latin-1 and Latin Extended-A (the accented letters of French and
 * other European languages), Canadian Aboriginal syllabics (Inuktitut, Cree), punctuation and
 * symbols (’ – “ € ™), and those beyond the Basic Multilingual Plane (emoji). A capital É, Ê or Ç
 * followed by » or … is also the UTF-8 of an IPA or Greek letter: text that reads right is not
 * taken for damage because its bytes would make some other alphabet.
 */
function plausible(c: number): boolean {
  return (
    (c >= 0x80 && c <= 0x17f) ||
    (c >= 0x1400 && c <= 0x167f) ||
    (c >= 0x2000 && c <= 0x2bff) ||
    c >= 0x10000
  );
}

/** The character a run of such characters stood for, when their bytes are its UTF-8. */
function repairRun(run: string): string | undefined {
  const bytes = new Uint8Array(run.length);
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    bytes[i] = c < 0x100 ? c : (BYTE.get(run[i]) as number);
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return undefined;
  }
  return plausible(text.codePointAt(0) as number) ? text : undefined;
}

/** Up to 40 characters around `at`, so that a message shows where, not the whole description. */
function excerpt(text: string, at: number, length: number): string {
  const from = Math.max(0, at - 15);
  const to = Math.min(text.length, at + length + 15);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

/** What is wrong with a text that DAMAGED matched, if anything: characters lost (U+FFFD), or UTF-8 read as Windows-1252. */
function damage(
  text: string,
): { messageId: string; data: Record<string, string>; repaired?: string } | undefined {
  const lost = text.indexOf(REPLACEMENT);
  if (lost >= 0) return { messageId: 'lost', data: { found: excerpt(text, lost, 1) } };
  MOJIBAKE.lastIndex = 0;
  let first: RegExpExecArray | null = null;
  for (let m = MOJIBAKE.exec(text); m; m = MOJIBAKE.exec(text)) {
    if (repairRun(m[0]) === undefined) continue; // a real Â, É or é followed by punctuation
    first = m;
    break;
  }
  if (!first) return undefined;
  // the whole text repaired, each run that was UTF-8 turned back into its character
  const repaired = text.replace(MOJIBAKE, (run) => repairRun(run) ?? run);
  const at = first.index; // runs before it were left as they are: it starts at the same place in both
  return {
    messageId: 'misread',
    repaired,
    data: {
      found: excerpt(text, at, first[0].length),
      repaired: excerpt(repaired, at, (repairRun(first[0]) as string).length),
    },
  };
}

/** Each class's properties that hold text or objects (the others are URIs, dates and numbers), found once. */
const TEXT_PROPERTIES = Object.fromEntries(
  Object.entries(CLASSES).map(([cls, c]) => [
    cls,
    c.properties.filter(
      (d) =>
        d.kind === 'text' ||
        d.kind === 'texts' ||
        d.kind === 'string' ||
        (d.kind === 'object' && d.class),
    ),
  ]),
) as Record<ClassName, PropertyDef[]>;

/**
 * Every text of an object of the common model (titles, descriptions, keywords, names, labels). Each
 * text is tested once; a property's name (`distribution[1].title@fr`) is made only for damaged ones.
 */
function checkObject(
  ctx: RuleContext,
  cls: ClassName,
  node: Record<string, unknown>,
  prefix: string,
): void {
  for (const def of TEXT_PROPERTIES[cls]) {
    const value = node[def.name];
    if (value === undefined || value === null) continue;
    if (def.kind === 'text' || def.kind === 'texts') {
      for (const lang in value as Record<string, unknown>) {
        const v = (value as Record<string, unknown>)[lang];
        if (typeof v === 'string') {
          if (DAMAGED.test(v)) report(ctx, `${prefix}${def.name}@${lang}`, v);
        } else if (Array.isArray(v)) {
          // a list of keywords: its first damaged one
          const t = v.find((x) => typeof x === 'string' && DAMAGED.test(x));
          if (t !== undefined) report(ctx, `${prefix}${def.name}@${lang}`, t);
        }
      }
    } else if (!def.multiple || !Array.isArray(value)) {
      if (typeof value === 'string') {
        if (DAMAGED.test(value)) report(ctx, prefix + def.name, value);
      } else if (def.kind === 'object' && typeof value === 'object')
        checkObject(
          ctx,
          def.class as ClassName,
          value as Record<string, unknown>,
          `${prefix}${def.name}.`,
        );
    } else {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item === 'string') {
          if (DAMAGED.test(item)) report(ctx, `${prefix}${def.name}[${i}]`, item);
        } else if (def.kind === 'object' && item && typeof item === 'object')
          checkObject(
            ctx,
            def.class as ClassName,
            item as Record<string, unknown>,
            `${prefix}${def.name}[${i}].`,
          );
      }
    }
  }
}

function report(ctx: RuleContext, property: string, text: string): void {
  const d = damage(text);
  if (!d) return;
  const { repaired, ...found } = d;
  // the whole text repaired, for UTF-8 read as Windows-1252 (lost characters are lost), when the
  // repair leaves no damage behind
  const fix =
    repaired === undefined || damage(repaired)
      ? undefined
      : { old: text, new: repaired, kind: 'encoding' as const };
  ctx.report({ ...found, property, value: text, ...(fix ? { fix } : {}) });
}

export default codeRule({
  meta: {
    id: 'input/encoding',
    severity: 'warning',
    title: {
      en: 'Texts are free of encoding damage',
      fr: "Les textes sont exempts de dégâts d'encodage",
    },
    docs: {
      en: `Text that went through a wrong encoding conversion reads wrong for everyone who finds it: UTF-8 read
as Windows-1252 or Latin-1 and saved again turns "Québec" into "QuÃ©bec" and "l’eau" into "lâ€™eau"
(often a spreadsheet or database export on Windows); bytes that could not be decoded become U+FFFD
(�), and what they stood for is lost. French text suffers most. The finding names the property and
shows the damaged text with, for the first kind, what it should read. Fix the text in the source
system, or export it again as UTF-8; \`passerelle fix\` repairs the first kind in a JSON export.`,
      fr: `Un texte passé par une mauvaise conversion d'encodage se lit mal pour tous : de l'UTF-8 lu comme du
Windows-1252 ou du Latin-1 puis réenregistré change « Québec » en « QuÃ©bec » et « l’eau » en
« lâ€™eau » (souvent un export de tableur ou de base de données sous Windows) ; les octets qui n'ont
pu être décodés deviennent U+FFFD (�), et ce qu'ils représentaient est perdu. Le texte français est le
plus touché. Le constat nomme la propriété et montre le texte abîmé avec, dans le premier cas, ce
qu'on devrait lire. Corrigez le texte dans le système source, ou exportez-le de nouveau en UTF-8 ;
\`passerelle fix\` répare le premier cas dans un export JSON.`,
    },
    messages: {
      misread: {
        en: 'Text damaged by an encoding conversion: "{{found}}" is UTF-8 read as Windows-1252 (it should read "{{repaired}}")',
        fr: "Texte abîmé par une conversion d'encodage : « {{found}} » est de l'UTF-8 lu comme du Windows-1252 (on devrait lire « {{repaired}} »)",
      },
      lost: {
        en: 'Text has lost characters: "{{found}}" holds U+FFFD (�), put where bytes could not be decoded',
        fr: 'Le texte a perdu des caractères : « {{found}} » contient U+FFFD (�), mis là où des octets étaient illisibles',
      },
    },
    examples: {
      pass: [{ dataset: { title: { en: 'Québec water levels', fr: 'Niveaux d’eau du Québec' } } }],
      fail: [
        {
          note: { en: 'UTF-8 read as Windows-1252', fr: 'UTF-8 lu comme du Windows-1252' },
          dataset: { title: { fr: 'Niveaux dâ€™eau du QuÃ©bec' } },
        },
        {
          note: { en: 'characters lost', fr: 'caractères perdus' },
          dataset: { title: { fr: 'Niveaux d\uFFFDeau' } },
        },
      ],
    },
  },
  check(ctx) {
    checkObject(ctx, 'Dataset', ctx.dataset as unknown as Record<string, unknown>, '');
  },
});
