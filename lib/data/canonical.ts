/**
 * The canonical form of a JSON value, the bytes a pack signature covers. Keys are sorted by UTF-16
 * code units and no whitespace is written (as RFC 8785 does), so re-indenting a pack or reordering
 * its keys keeps the signature valid while any change of a value breaks it.
 */

/** Canonical JSON text: sorted keys, no whitespace, members whose value is undefined dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      // JSON has no NaN or Infinity; refusing them keeps "what is signed" equal to "what is written".
      if (!Number.isFinite(value)) throw new TypeError(`cannot sign a non-finite number (${value})`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value))
        return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
      const members = Object.keys(value)
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        // Plain < compares UTF-16 code units; localeCompare would depend on the machine's locale.
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`cannot sign a value of type ${typeof value}`);
  }
}

/** The canonical JSON text as UTF-8 bytes. */
export function canonicalBytes(value: unknown): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(canonicalJson(value));
}
