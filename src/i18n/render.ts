import type { Lang } from '../core/lang.js';
import { shown } from '../util/show.js';

/** A value given in several languages (`{en, fr}`): rendered in the report's language. */
export function isLangValue(v: unknown): v is Record<string, string> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  if (keys.length === 0) return false;
  for (const k of keys) {
    // en and fr, the keys of almost every map, are language tags without asking the expression
    if (
      !(
        (k === 'en' || k === 'fr' || LANG_TAG.test(k)) &&
        typeof (v as Record<string, unknown>)[k] === 'string'
      )
    )
      return false;
  }
  return true;
}
const LANG_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$|^und$/;

/** The text of a language map in `lang`, else in the other official language, else any. */
export function inLang(v: Record<string, string>, lang: Lang): string {
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  return v[lang] ?? v[other] ?? v.und ?? Object.values(v)[0] ?? '';
}

/**
 * Fills `{{name}}` placeholders of a message template. A value that is a language map
 * (`{en: 'Monthly', fr: 'Mensuel'}`) is given in `lang`, so that data built from labels, type
 * names or parser errors reads in the report's language. Other values are shown as `shown()` shows
 * them (an object as JSON, a long text cut), whatever a record holds.
 */
export function render(
  template: string,
  data: Record<string, unknown> = NO_DATA,
  lang: Lang = 'en',
): string {
  const frozen = Object.isFrozen(data);
  if (frozen) {
    const text = renderedBefore(data, template, lang);
    if (text !== undefined) return text;
  }
  const parts = partsOf(template);
  let out = parts[0];
  // whether the message can be kept: every value it shows is one that can never change
  let constant = frozen;
  for (let i = 1; i < parts.length; i += 2) {
    const v = data[parts[i]];
    if (v !== null && typeof v === 'object') constant &&= Object.isFrozen(v) && isLangValue(v);
    out +=
      (v === undefined || v === null ? '' : isLangValue(v) ? inLang(v, lang) : shown(v)) +
      parts[i + 1];
  }
  if (constant) keep(data, template, lang, out);
  return out;
}

/**
 * Messages of frozen data whose values are text, numbers or frozen language maps: the same data,
 * template and language always give the same message, so it is rendered once (rules that emit the
 * same data object for many records freeze it: `dcat-ap/*`). A few messages per data object.
 */
const RENDERED = new WeakMap<object, { template: string; lang: Lang; text: string }[]>();
function renderedBefore(data: object, template: string, lang: Lang): string | undefined {
  const kept = RENDERED.get(data);
  if (kept) for (const k of kept) if (k.template === template && k.lang === lang) return k.text;
  return undefined;
}
function keep(data: object, template: string, lang: Lang, text: string): void {
  let kept = RENDERED.get(data);
  if (!kept) RENDERED.set(data, (kept = []));
  if (kept.length < 4) kept.push({ template, lang, text });
}

/** The data of findings that have none (shared: `render` only reads it). */
const NO_DATA: Record<string, unknown> = {};

/** A template cut once into text and placeholder names (text, name, text, …): templates are few, records many. */
const PARTS = new Map<string, string[]>();
function partsOf(template: string): string[] {
  let parts = PARTS.get(template);
  if (!parts) {
    parts = template.split(/\{\{\s*(\w+)\s*\}\}/);
    // messages come from the rules' tables; a template from elsewhere is cut every time rather than kept
    if (PARTS.size < 10000) PARTS.set(template, parts);
  }
  return parts;
}
