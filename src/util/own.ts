/**
 * Keys that come from a file (an XML element's name, a CSV header, an RDF property, a YAML key)
 * are data: `__proto__`, `constructor` or `prototype` is a field like any other, never the
 * object's prototype. Readers that build records key by key set and read keys through these, as
 * `JSON.parse` does.
 */

/** Sets `key` as an own property, whatever its name. */
export function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** The own property `key`, or undefined (never one inherited from Object.prototype). */
export function getOwn(target: object, key: string): unknown {
  return Object.hasOwn(target, key) ? (target as Record<string, unknown>)[key] : undefined;
}

export function hasOwn(target: object, key: string): boolean {
  return Object.hasOwn(target, key);
}
