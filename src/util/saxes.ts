/**
 * saxes (the XML parser of HNAP, CSW and RDF/XML files) looks a namespace prefix up in every open
 * element, innermost first, for each element and attribute it reads: elements nested 100,000 deep
 * cost 5·10⁹ steps (`npm run fuzz` found 22,000 taking 7 s of CPU). `linearNamespaces` gives a
 * parser a look-up that remembers, on each open element it walks over, what the prefix means
 * there: each element is walked over once per prefix, so the cost is linear in the file.
 */

/** What of saxes's parser this reads (its own fields, not in its types). */
interface SaxesInside {
  resolve(prefix: string): string | undefined;
  tags: { ns?: Record<string, string> }[];
  topNS: Record<string, string> | null;
  ns: Record<string, string>;
}

export function linearNamespaces(parser: object): void {
  const p = parser as SaxesInside;
  // an open element → what each prefix asked for means inside it (undefined: not bound)
  const known = new WeakMap<object, Map<string, string | undefined>>();
  p.resolve = (prefix) => {
    const own = p.topNS?.[prefix];
    if (own !== undefined) return own;
    const { tags } = p;
    let i = tags.length - 1;
    let uri: string | undefined;
    for (; i >= 0; i--) {
      const m = known.get(tags[i]);
      if (m?.has(prefix)) {
        uri = m.get(prefix);
        break;
      }
      uri = tags[i].ns?.[prefix];
      if (uri !== undefined) break;
    }
    if (i < 0) uri = p.ns[prefix];
    for (let j = Math.max(i, 0); j < tags.length; j++) {
      const m = known.get(tags[j]);
      if (m) m.set(prefix, uri);
      else known.set(tags[j], new Map([[prefix, uri]]));
    }
    return uri;
  };
}
