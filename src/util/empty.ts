/** A value counts as absent when it carries no information: undefined, null, blank text, empty list or map. */
export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') {
    // most texts start with a visible ASCII character: not blank, no need to trim
    const c = value.charCodeAt(0);
    return !(c > 0x20 && c < 0x7f) && value.trim() === '';
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!isEmpty(value[i])) return false;
    return true;
  }
  if (typeof value === 'object') {
    const keys = Object.keys(value); // the properties Object.values lists
    for (let i = 0; i < keys.length; i++)
      if (!isEmpty((value as Record<string, unknown>)[keys[i]])) return false;
    return true;
  }
  return false;
}
