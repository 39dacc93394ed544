import { DatasetTally } from '../dataset/dataset.tally';
import type { CellKey } from '../dataset/dataset.types';
import { renderDatasetReport } from './dataset-report.html';

const header = {
  insurer: '100',
  year: 2026,
  generatedAt: '2027-01-15T08:00:00.000Z',
  smallCellThreshold: 5,
};

function summaryOf(people: Array<[CellKey, number]>, inconsistent = 1) {
  const tally = new DatasetTally();
  for (const [cell, count] of people) {
    for (let i = 0; i < count; i++) tally.add({ cells: [cell], findings: [] });
  }
  for (let i = 0; i < inconsistent; i++) {
    tally.add({ cells: [], findings: [{ pseudonym: 'c'.repeat(64), code: 'OPENING_MISSING' }] });
  }
  return tally.summary();
}

describe('the HTML report of a dataset', () => {
  const html = renderDatasetReport(
    header,
    summaryOf([
      ['completedQuestionnairesReceived@1', 12],
      ['completedQuestionnairesReceived@2', 3],
      ['questionnairesSent@1', 7],
    ]),
  );

  it('is one self-contained page: inline SVG charts, no script and no external resource', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.match(/<svg /g)!.length).toBeGreaterThanOrEqual(10);
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('shows a published count as a figure and a suppressed cell as suppressed, never as its count', () => {
    expect(html).toContain('Cost-sharing key, per quarter');
    expect(html).toContain('<td>12</td>');
    expect(html).toContain('<td class="suppressed"');
    expect(html).toContain('Q2: suppressed');
    expect(html).not.toMatch(/>3<\/t(d|ext)>/);
  });

  it('summarises the findings by code, without pseudonyms', () => {
    expect(html).toContain('<code>OPENING_MISSING</code>');
    expect(html).toContain('1 finding(s) on 1 trajectory(ies)');
    expect(html).not.toContain('c'.repeat(64));
  });

  it('escapes what it prints', () => {
    const page = renderDatasetReport({ ...header, insurer: '<b>&' }, summaryOf([], 0));
    expect(page).toContain('insurer &lt;b&gt;&amp;');
    expect(page).toContain('No inconsistent trajectory was found.');
  });
});
