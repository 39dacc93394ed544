import type {
  BarometerQuarter,
  Cell,
  DatasetHeader,
  DatasetSummary,
  FindingCode,
} from '../dataset/dataset.types';
import { CHART_DEFINITIONS, escapeHtml, quarterChart, type ChartSeries } from './quarter-chart.svg';

/** What each finding means, for the reviewer. */
const FINDING_MEANING: Readonly<Record<FindingCode, string>> = {
  OPENING_MISSING: 'no dossier opening stored: the person is counted with unknown attributes',
  STEP_OUT_OF_ORDER: 'a step dated before the step it follows: that duration is left out',
  REFERRAL_UNKNOWN:
    'a registration for a referral the dossier does not hold: not counted per service',
  DATE_MISSING: 'an action without its date: dated by the time the event was recorded',
};

const SERVICE_NAMES: Readonly<Record<string, string>> = {
  actiris: 'Actiris',
  vdab: 'VDAB',
  forem: 'Le Forem',
  adg: 'ADG',
};

/** A barometer theme: its label and its cell in a quarter. */
type Theme = { label: string; cell: (quarter: BarometerQuarter) => Cell };

/** The barometer's themes, grouped as the charts show them (one chart per group). */
function barometerGroups(): Array<{ title: string; themes: Theme[] }> {
  const services = ['actiris', 'vdab', 'forem', 'adg'].map((service) => ({
    title: `Regional service: ${SERVICE_NAMES[service]}`,
    themes: [
      { label: 'Referrals', cell: (q: BarometerQuarter) => serviceCell(q, service, 'referrals') },
      {
        label: 'Registrations',
        cell: (q: BarometerQuarter) => serviceCell(q, service, 'registrations'),
      },
    ],
  }));
  return [
    {
      title: 'Questionnaires',
      themes: [
        { label: 'Sent', cell: (q) => q.questionnairesSent },
        { label: 'Received', cell: (q) => q.questionnairesReceived },
      ],
    },
    {
      title: 'Categorisation',
      themes: [1, 2, 3, 4].map((category) => ({
        label: `Category ${category}`,
        cell: (q: BarometerQuarter) =>
          q.categorisation[`category${category}` as keyof BarometerQuarter['categorisation']],
      })),
    },
    ...services,
    {
      title: 'Engagement declarations and plans',
      themes: [
        { label: 'Declarations signed', cell: (q) => q.engagementDeclarationsSigned },
        { label: 'Plans drafted', cell: (q) => q.plansDrafted },
      ],
    },
    {
      title: 'Part-time resumptions',
      themes: [{ label: 'Part-time resumptions', cell: (q) => q.partTimeResumptions }],
    },
    {
      title: 'CPMT reintegration trajectories',
      themes: [
        { label: 'Started', cell: (q) => q.cpmtReintegrationTrajectoriesStarted },
        { label: 'Decision A', cell: (q) => q.cpmtDecisions.decisionA },
        { label: 'Decision B', cell: (q) => q.cpmtDecisions.decisionB },
        { label: 'Decision C', cell: (q) => q.cpmtDecisions.decisionC },
      ],
    },
  ];
}

function serviceCell(
  quarter: BarometerQuarter,
  service: string,
  kind: 'referrals' | 'registrations',
): Cell {
  return (
    quarter.regionalService.find((entry) => entry.service === service)?.[kind] ?? {
      count: 0,
      suppressed: false,
    }
  );
}

function cellText(cell: Cell): string {
  return cell.suppressed
    ? '<td class="suppressed" title="fewer than 5 people: not published">suppressed</td>'
    : `<td>${cell.count}</td>`;
}

/** A table of series by quarter, next to its chart. */
function figure(title: string, series: ChartSeries[]): string {
  const rows = series
    .map(
      (s) =>
        `<tr><th scope="row">${escapeHtml(s.label)}</th>${s.cells.map(cellText).join('')}</tr>`,
    )
    .join('');
  return `<figure><figcaption>${escapeHtml(title)}</figcaption>${quarterChart(title, series)}<table><thead><tr><th></th><th>Q1</th><th>Q2</th><th>Q3</th><th>Q4</th></tr></thead><tbody>${rows}</tbody></table></figure>`;
}

function findingsSection(summary: DatasetSummary): string {
  const findings = summary.reconciliation.finding ?? [];
  if (findings.length === 0) {
    return '<p>No inconsistent trajectory was found.</p>';
  }
  const byCode = new Map<FindingCode, { count: number; types: Set<string> }>();
  for (const finding of findings) {
    const entry = byCode.get(finding.code) ?? { count: 0, types: new Set<string>() };
    entry.count += 1;
    if (finding.eventType) entry.types.add(finding.eventType);
    byCode.set(finding.code, entry);
  }
  const trajectories = new Set(findings.map((finding) => finding.pseudonym)).size;
  const rows = [...byCode]
    .map(
      ([code, entry]) =>
        `<tr><th scope="row"><code>${code}</code></th><td>${entry.count}</td><td>${escapeHtml(FINDING_MEANING[code])}</td><td>${[...entry.types].map((type) => `<code>${escapeHtml(type)}</code>`).join(', ')}</td></tr>`,
    )
    .join('');
  return `<p>${findings.length} finding(s) on ${trajectories} trajectory(ies), each still counted where it could be. The reconciliation report lists them by pseudonym.</p><table><thead><tr><th>Finding</th><th>Number</th><th>Meaning</th><th>Event types</th></tr></thead><tbody>${rows}</tbody></table>`;
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:72rem;color:#1a202c;line-height:1.4}
header{border-bottom:2px solid #2b6cb0;margin-bottom:1rem}dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{font-weight:600}
.draft{background:#fefcbf;padding:.5rem 1rem;border-left:4px solid #d69e2e}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(22rem,1fr));gap:1rem}
figure{margin:0;border:1px solid #e2e8f0;padding:.5rem}figcaption{font-weight:600;margin-bottom:.25rem}
table{border-collapse:collapse;font-size:.9rem}th,td{border:1px solid #e2e8f0;padding:.15rem .5rem;text-align:right}th[scope=row]{text-align:left}
td.suppressed{color:#4a5568;font-style:italic;background:repeating-linear-gradient(45deg,#fff,#fff 4px,#edf2f7 4px,#edf2f7 8px)}`;

/**
 * The HTML report of a dataset, for the insurer to review before freezing it (ADR 0087): the
 * header, the cost-sharing key and each barometer theme per quarter (inline SVG charts and
 * tables), suppressed cells shown as such, and a summary of the findings. Built from the dataset's
 * own summary: it says nothing the dataset does not (no pseudonym, no person).
 */
export function renderDatasetReport(header: DatasetHeader, summary: DatasetSummary): string {
  const cost = summary.costSharingKey.quarter;
  const barometer = summary.barometer.quarter;
  const costFigure = figure('Cost-sharing key', [
    {
      label: 'Completed questionnaires received',
      cells: cost.map((q) => q.completedQuestionnairesReceived),
    },
    {
      label: 'Positive engagement declarations signed',
      cells: cost.map((q) => q.positiveEngagementDeclarationsSigned),
    },
  ]);
  const barometerFigures = barometerGroups()
    .map((group) =>
      figure(
        group.title,
        group.themes.map((theme) => ({ label: theme.label, cells: barometer.map(theme.cell) })),
      ),
    )
    .join('');
  const title = `INAMI evaluation dataset: insurer ${header.insurer}, year ${header.year}`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${CHART_DEFINITIONS}
<header><h1>${escapeHtml(title)}</h1>
<p class="draft">Review these figures before freezing the dataset: a frozen version is what INAMI receives.</p>
<dl><dt>Insurer</dt><dd>${escapeHtml(header.insurer)}</dd><dt>Year</dt><dd>${header.year}</dd>
<dt>Generated at</dt><dd>${escapeHtml(header.generatedAt)}</dd>
<dt>Trajectories counted</dt><dd>${summary.reconciliation.trajectoriesCounted}</dd>
<dt>Small cells</dt><dd>1 to ${header.smallCellThreshold - 1} people: suppressed (not published, never shown as zero)</dd></dl></header>
<main><section><h2>Cost-sharing key, per quarter</h2><div class="grid">${costFigure}</div></section>
<section><h2>Barometer themes, per quarter</h2><div class="grid">${barometerFigures}</div></section>
<section><h2>Findings</h2>${findingsSection(summary)}</section></main>
</body></html>
`;
}
