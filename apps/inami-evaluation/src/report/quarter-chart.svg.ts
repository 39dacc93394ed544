import type { Cell } from '../dataset/dataset.types';

/** One series of a chart: a label and its four quarterly cells. */
export interface ChartSeries {
  label: string;
  cells: readonly Cell[];
}

const WIDTH = 320;
const HEIGHT = 150;
const PLOT_TOP = 14;
const PLOT_BOTTOM = 122;
const PLOT_LEFT = 34;
const COLOURS = ['#2b6cb0', '#c05621', '#2f855a', '#6b46c1'];

/** The hatch pattern of suppressed cells, defined once per page (ids are page-wide). */
export const CHART_DEFINITIONS =
  '<svg width="0" height="0" aria-hidden="true" style="position:absolute"><defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="#718096" stroke-width="2"/></pattern></defs></svg>';

/** Escapes text for HTML and SVG content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * A bar chart of quarters as inline SVG, drawn on the server: no script, no external resource,
 * so the report opens offline. A published cell is a bar with its count above it; a suppressed
 * cell is a hatched stub marked "suppressed", never drawn as a count (nor as zero).
 */
export function quarterChart(title: string, series: readonly ChartSeries[]): string {
  const counts = series.flatMap((s) => s.cells.map((cell) => (cell.suppressed ? 0 : cell.count)));
  const max = Math.max(1, ...counts);
  const groupWidth = (WIDTH - PLOT_LEFT - 6) / 4;
  const barWidth = Math.min(28, (groupWidth - 8) / series.length);
  const scale = (PLOT_BOTTOM - PLOT_TOP) / max;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escapeHtml(title)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<line x1="${PLOT_LEFT}" y1="${PLOT_BOTTOM}" x2="${WIDTH - 4}" y2="${PLOT_BOTTOM}" stroke="#4a5568"/>`,
    `<text x="${PLOT_LEFT - 4}" y="${PLOT_TOP + 4}" text-anchor="end" font-size="10" fill="#4a5568">${max}</text>`,
    `<text x="${PLOT_LEFT - 4}" y="${PLOT_BOTTOM}" text-anchor="end" font-size="10" fill="#4a5568">0</text>`,
  ];
  for (let quarter = 0; quarter < 4; quarter++) {
    const groupX = PLOT_LEFT + quarter * groupWidth + 4;
    series.forEach((s, index) => {
      const cell = s.cells[quarter];
      const x = groupX + index * barWidth;
      if (cell === undefined) return;
      if (cell.suppressed) {
        parts.push(
          `<rect x="${x}" y="${PLOT_BOTTOM - 10}" width="${barWidth - 2}" height="10" fill="url(#hatch)" stroke="#718096"><title>${escapeHtml(s.label)}, Q${quarter + 1}: suppressed (fewer than 5 people)</title></rect>`,
          `<text x="${x + (barWidth - 2) / 2}" y="${PLOT_BOTTOM - 13}" text-anchor="middle" font-size="8" fill="#4a5568">supp.</text>`,
        );
        return;
      }
      const height = cell.count * scale;
      parts.push(
        `<rect x="${x}" y="${PLOT_BOTTOM - height}" width="${barWidth - 2}" height="${height}" fill="${COLOURS[index % COLOURS.length]}"><title>${escapeHtml(s.label)}, Q${quarter + 1}: ${cell.count}</title></rect>`,
        `<text x="${x + (barWidth - 2) / 2}" y="${PLOT_BOTTOM - height - 3}" text-anchor="middle" font-size="9" fill="#1a202c">${cell.count}</text>`,
      );
    });
    parts.push(
      `<text x="${groupX + (series.length * barWidth) / 2}" y="${PLOT_BOTTOM + 14}" text-anchor="middle" font-size="10" fill="#1a202c">Q${quarter + 1}</text>`,
    );
  }
  if (series.length > 1) {
    series.forEach((s, index) => {
      const x = PLOT_LEFT + (index * (WIDTH - PLOT_LEFT)) / series.length;
      parts.push(
        `<rect x="${x}" y="${HEIGHT - 10}" width="8" height="8" fill="${COLOURS[index % COLOURS.length]}"/>`,
        `<text x="${x + 11}" y="${HEIGHT - 3}" font-size="9" fill="#1a202c">${escapeHtml(s.label)}</text>`,
      );
    });
  }
  parts.push('</svg>');
  return parts.join('');
}
