/**
 * Escaping for each target format. Everything that comes from a record (titles, ids, values,
 * messages quoting them, file names) goes through one of these before it is written, so that a
 * record cannot inject markup, formulas, workflow commands or terminal escape sequences into a
 * report.
 *
 * Control characters are shown one way in every format: as the text `\u001b` (in JSON, the
 * format's own escape, which reads back as the character). No raw C0 control (but the tab, line
 * feed and carriage return a format carries), DEL or C1 control (U+0080–U+009F: U+009B is an
 * 8-bit CSI) reaches a report, so a report printed to a terminal or a log cannot set the window
 * title, clear the screen, start a device control string or ring the bell.
 */

/** A control character as text: `\u001b`. */
function controlText(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
// C0 but tab, line feed and carriage return; DEL; C1.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Control characters shown as `\u001b`; tab, line feed and carriage return kept (each format decides on those). */
export function showControls(s: string): string {
  return s.replace(CONTROL, controlText);
}

/** JSON text: JSON.stringify escapes C0 itself; DEL and C1 are escaped too (`\u009b`), so the value reads back exactly. */
export function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[\u007F-\u009F]/g, controlText);
}

/** HTML text and attribute values (double- or single-quoted). */
export function escapeHtml(s: string): string {
  return showControls(s).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}
const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

// Characters XML 1.0 cannot carry at all, even as references, besides the controls `showControls`
// has shown: lone surrogates, U+FFFE and U+FFFF. They become U+FFFD so that the document stays well-formed.
const NOT_XML =
  /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * XML text and attribute values. Markup characters become references (never CDATA, so `]]>` in a
 * value has nothing to close); line breaks and tabs become references so that attribute values
 * keep them instead of being normalised to spaces.
 */
export function escapeXml(s: string): string {
  return showControls(s)
    .replace(NOT_XML, '\uFFFD')
    .replace(/[&<>"'\n\r\t]/g, (c) => XML_ENTITIES[c]);
}
const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};

/**
 * A CSV field (RFC 4180), always quoted. A value a spreadsheet would read as a formula (starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return, or their full-width forms) is prefixed with `'`,
 * as OWASP recommends against CSV injection, so that it is shown as text and never evaluated.
 */
export function csvField(value: string | number | undefined | null): string {
  let s = value === undefined || value === null ? '' : showControls(String(value));
  if (/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * Markdown (CommonMark, GitHub Flavored) inline text: `<`, `>` and `&` become entities (no raw
 * HTML), line breaks become spaces (a value cannot open a block, a table row or a heading, so
 * marks that only count at the start of a line need nothing), and every character that can open
 * inline markup (emphasis, code, links, images, tables, strikethrough, math, mentions) is
 * backslash-escaped.
 */
export function escapeMarkdown(s: string): string {
  return showControls(s)
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] as string)
    .replace(/[\\`*_{}[\]()#+!|~$@^]/g, '\\$&');
}

/**
 * GitHub Actions workflow commands (`::error file=…::message`), after @actions/core: in the message,
 * `%`, CR and LF are percent-encoded, so a value can neither end the line nor start a command of
 * its own; in property values, `:` and `,` too, so a value cannot close the properties.
 */
export function escapeWorkflowData(s: string): string {
  return showControls(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeWorkflowProperty(s: string): string {
  return escapeWorkflowData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Terminal text (the stylish report): control characters (line breaks, escape sequences) are shown
 * as `\n`, `\u001b`…, so that a value can neither move the cursor, recolour the terminal, nor start
 * a line of its own (CI logs take a line starting with `::` for a workflow command).
 */
export function escapeTerminal(s: string): string {
  return s.replace(
    /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g,
    (c) => TERMINAL_NAMED[c] ?? controlText(c),
  );
}
const TERMINAL_NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Whether a stream shows OSC 8 hyperlinks, as `supports-hyperlinks` decides: `FORCE_HYPERLINK=1`
 * or `0` wins; otherwise a terminal (TTY) that is not `dumb`. Never a file or a pipe.
 */
export function supportsHyperlinks(
  stream: { isTTY?: boolean },
  env: Record<string, string | undefined>,
): boolean {
  const forced = env.FORCE_HYPERLINK;
  if (forced !== undefined) return !(forced.length > 0 && Number.parseInt(forced, 10) === 0);
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

/** `text` as an OSC 8 hyperlink to `uri` (its control characters shown, not sent). */
export function terminalLink(text: string, uri: string): string {
  return `\u001B]8;;${escapeTerminal(uri)}\u001B\\${text}\u001B]8;;\u001B\\`;
}
