/**
 * The self-check of each learned model in a study's report: the expected-coverage curve (the
 * fraction of truths inside Σ̂'s ellipsoid at each credibility level, on the diagonal for a
 * calibrated σ̂) and the checks that failed, with where and why.
 */
import type { SelfCheck } from '../ansatz/selfCheck.js';
import { seriesChart, type SeriesPoint } from './charts.js';
import { fixed } from './format.js';
import { plot, table, text, type Block } from './model.js';

/** Blocks of the self-check section: the coverage curves, a verdict per model and a table of the failed checks. */
/** 'passed', or 'failed K of N'. */
function verdict(c: SelfCheck): string {
  return c.passed ? 'passed' : `failed ${c.checks.filter((k) => !k.passed).length} of ${c.checks.length}`;
}

export function selfCheckBlocks(checks: Record<string, SelfCheck> | undefined, stem: string, where: string): Block[] {
  if (!checks || Object.keys(checks).length === 0) return [];
  const models = Object.keys(checks);
  const points: SeriesPoint[] = models.flatMap((m) =>
    checks[m]!.coverageCurve.map((p) => ({ series: m, x: p.level, y: p.observed, group: 'measured' })),
  );
  const diagonal: SeriesPoint[] = [0, 1].map((v) => ({ series: 'calibrated', x: v, y: v, group: 'ideal' }));
  const failed = models.flatMap((m) =>
    checks[m]!.checks.filter((c) => !c.passed).map((c) => [m, c.name, fixed(c.value, 3), c.expected]),
  );
  return [
    text(
      `Self-check of each learned model on ${where}: pull mean and width and ±1σ̂/±2σ̂ coverage per z ` +
        `column, overall and in bins of the truth; the expected-coverage curve; the size of D; whether ` +
        `the validation loss reached its plateau. Verdicts: ` +
        `${models.map((m) => `${m} ${verdict(checks[m]!)}`).join('; ')}.`,
    ),
    plot({
      name: `${stem}-coverage`,
      caption:
        'Expected coverage: the fraction of test truths inside the Σ̂ ellipsoid of each credibility ' +
          'level (the χ² quantile in N dimensions). A calibrated Gaussian resolution lies on the ' +
          'diagonal; above it σ̂ is too wide, below too narrow.',
      spec: seriesChart([...points, ...diagonal], {
        xTitle: 'credibility level',
        yTitle: 'fraction of truths inside',
        seriesTitle: 'model',
        groupTitle: 'curve',
        points: true,
        seriesOrder: [...models, 'calibrated'],
      }),
    }),
    ...(failed.length > 0
      ? [
          table({
            caption: 'Self-check: the checks that failed',
            columns: ['model', 'check', 'value', 'expected'],
            rows: failed,
            note: 'Each check allows three standard errors of its statistic on these rows plus what the ' +
              'method gets within on the known-answer problems. A bin at an edge of the truths seen in ' +
              'training (the end of the simulated spectrum, or a selection cut on the truth) can fail ' +
              'for a correct model: the maximum-likelihood estimate needs the likelihood of truths ' +
              'beyond the edge, which were never seen.',
          }),
        ]
      : []),
  ];
}
