/**
 * Charts as inline SVG, for the comparison page: drawn here, styled by the page's stylesheet
 * (classes, no style attributes, so the page's Content-Security-Policy holds), every text escaped.
 * Each chart is an image with a title for screen readers; the numbers are also in the page's tables.
 */
import { escapeHtml as h } from '../../util/escape.js';

/** The label column: wide enough for the longest label (about 7 pixels a character), within bounds. */
const LABEL_MIN = 120;
const LABEL_MAX = 360;
const BAR = 260;
const VALUE = 170;
const ROW = 22;
const TOP = 8;

export interface Bar {
  label: string;
  /** 0 to 1 of the bar's length. */
  value: number;
  /** Shown after the bar. */
  text: string;
  /** Extra class (`band-good`). */
  cls?: string;
}

const num = (n: number): string => String(Math.round(n * 10) / 10);

/** Width of the label column for these labels: jurisdiction names are read whole, not cut. */
function labelColumn(labels: readonly string[]): number {
  const longest = labels.reduce((n, l) => Math.max(n, l.length), 0);
  return Math.min(LABEL_MAX, Math.max(LABEL_MIN, longest * 7 + 12));
}

/** A label in `width` pixels (about 7 per character): cut with `…` when longer, whole in its tooltip. */
function fitLabel(label: string, width: number): string {
  const max = Math.max(4, Math.floor(width / 7));
  const shown = label.length > max ? `${label.slice(0, max - 1)}…` : label;
  return `${h(shown)}<title>${h(label)}</title>`;
}

function frame(id: string, title: string, width: number, height: number, body: string): string {
  return (
    `<svg id="${h(id)}" class="chart" role="img" aria-labelledby="${h(id)}-t" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${h(id)}-t">${h(title)}</title>${body}</svg>`
  );
}

/** One horizontal bar per item, on a 0–100 % axis. */
export function barChart(id: string, title: string, bars: readonly Bar[]): string {
  const left = labelColumn(bars.map((b) => b.label));
  const height = TOP * 2 + bars.length * ROW;
  const width = left + BAR + VALUE;
  let body = `<line class="axis" x1="${left}" y1="${TOP - 4}" x2="${left}" y2="${height - TOP + 4}"/>`;
  bars.forEach((b, i) => {
    const y = TOP + i * ROW;
    const len = Math.max(0, Math.min(1, b.value)) * BAR;
    body +=
      `<text class="label" x="${left - 6}" y="${y + 15}" text-anchor="end">${fitLabel(b.label, left - 6)}</text>` +
      `<rect class="track" x="${left}" y="${y + 3}" width="${BAR}" height="${ROW - 6}"/>` +
      `<rect class="bar${b.cls ? ` ${h(b.cls)}` : ''}" x="${left}" y="${y + 3}" width="${num(len)}" height="${ROW - 6}" data-value="${num(b.value * 100)}"><title>${h(`${b.label}: ${b.text}`)}</title></rect>` +
      `<text class="value" x="${left + BAR + 6}" y="${y + 15}">${h(b.text)}</text>`;
  });
  return frame(id, title, width, height, body);
}

export interface Stack {
  label: string;
  /** Counts per segment, in the order of `segments`. */
  counts: number[];
}

/** One stacked bar per item (each as shares of its total), with a legend of the segments. */
export function stackedChart(
  id: string,
  title: string,
  segments: readonly string[],
  stacks: readonly Stack[],
): string {
  const left = labelColumn(stacks.map((s) => s.label));
  const legend = 24;
  const height = TOP * 2 + stacks.length * ROW + legend;
  const width = left + BAR + VALUE;
  let body = '';
  segments.forEach((s, k) => {
    const x = left + k * 52;
    body += `<rect class="seg seg-${k}" x="${x}" y="${TOP}" width="12" height="12"/><text class="legend" x="${x + 16}" y="${TOP + 11}">${h(s)}</text>`;
  });
  stacks.forEach((s, i) => {
    const y = TOP + legend + i * ROW;
    const total = s.counts.reduce((a, b) => a + b, 0);
    body += `<text class="label" x="${left - 6}" y="${y + 15}" text-anchor="end">${fitLabel(s.label, left - 6)}</text><rect class="track" x="${left}" y="${y + 3}" width="${BAR}" height="${ROW - 6}"/>`;
    let x = left;
    s.counts.forEach((n, k) => {
      if (!n || !total) return;
      const len = (n / total) * BAR;
      body += `<rect class="bar seg seg-${k}" x="${num(x)}" y="${y + 3}" width="${num(len)}" height="${ROW - 6}" data-value="${n}"><title>${h(`${s.label}: ${segments[k]} ${n}`)}</title></rect>`;
      x += len;
    });
    body += `<text class="value" x="${left + BAR + 6}" y="${y + 15}">${h(String(total))}</text>`;
  });
  return frame(id, title, width, height, body);
}

/** A grid of shares (rows × columns), each cell shaded by its share and labelled with its text. */
export function heatmap(
  id: string,
  title: string,
  columns: readonly string[],
  rows: readonly { label: string; cells: ({ value: number; text: string } | undefined)[] }[],
  { labelWidth, cellWidth = 64 }: { labelWidth?: number; cellWidth?: number } = {},
): string {
  const left = labelWidth ?? labelColumn(rows.map((r) => r.label));
  const cw = cellWidth;
  // column names longer than a cell are written slanted, whole, above their column
  const longest = columns.reduce((n, c) => Math.max(n, c.length), 0);
  const slant = longest * 7 > cw;
  const head = slant ? Math.min(LABEL_MAX, Math.round(longest * 7 * 0.6) + 16) : 22;
  const height = TOP * 2 + head + rows.length * ROW;
  const width = left + columns.length * cw + (slant ? Math.round(longest * 7 * 0.8) : 8);
  let body = '';
  columns.forEach((c, k) => {
    const x = left + k * cw + cw / 2;
    const y = TOP + head - 6;
    body += slant
      ? `<text class="legend" x="${x}" y="${y}" transform="rotate(-35 ${x} ${y})">${fitLabel(c, LABEL_MAX)}</text>`
      : `<text class="legend" x="${x}" y="${TOP + 14}" text-anchor="middle">${fitLabel(c, cw)}</text>`;
  });
  rows.forEach((r, i) => {
    const y = TOP + head + i * ROW;
    body += `<text class="label" x="${left - 6}" y="${y + 15}" text-anchor="end">${fitLabel(r.label, left - 6)}</text>`;
    r.cells.forEach((c, k) => {
      const x = left + k * cw;
      if (!c) {
        body += `<rect class="cell none" x="${x + 1}" y="${y + 1}" width="${cw - 2}" height="${ROW - 2}"/>`;
        return;
      }
      const shade = Math.max(0, Math.min(10, Math.round(c.value * 10)));
      body +=
        `<rect class="bar cell h${shade}" x="${x + 1}" y="${y + 1}" width="${cw - 2}" height="${ROW - 2}" data-value="${num(c.value * 100)}"><title>${h(`${r.label}, ${columns[k]}: ${c.text}`)}</title></rect>` +
        `<text class="cell-text${shade >= 6 ? ' on-dark' : ''}" x="${x + cw / 2}" y="${y + 15}" text-anchor="middle">${h(c.text)}</text>`;
    });
  });
  return frame(id, title, width, height, body);
}
