import { JEC_DEFAULTS, JEC_QUICK, jecTableLines, runJecStudy, writeJecResults, type JecStudyOptions } from '../studies/jec/index.js';
import { emit, formatDuration, integerFlag, say, splitList, type Output } from './output.js';
import { sayVerdict, selfCheckRecord } from './selfCheck.js';

export interface StudyJecCommandOptions extends Output {
  quick?: boolean;
  data?: string;
  events?: string;
  epochs?: string;
  seed?: string;
  out: string;
}

/** `ansatz study jec`: the letter's JEC study on the built-in simulator; writes results.json, summary.txt, CSV tables and report.html (with plots/). */
export async function studyJecCommand(o: StudyJecCommandOptions): Promise<void> {
  const base: JecStudyOptions = o.quick ? JEC_QUICK : JEC_DEFAULTS;
  const events = integerFlag('events', o.events, 1), epochs = integerFlag('epochs', o.epochs, 1);
  const seed = integerFlag('seed', o.seed, Number.MIN_SAFE_INTEGER);
  const opts: JecStudyOptions = {
    ...base,
    ...(events ? { trainEvents: events, testEvents: Math.max(1, Math.round(events * (base.testEvents / base.trainEvents))) } : {}),
    ...(epochs ? { epochs } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(o.data ? { data: splitList(o.data) } : {}),
  };
  const t0 = performance.now();
  const r = await runJecStudy(opts, {
    onProgress: (line) => say(o, line),
    onEpoch: (model, e) => {
      emit(o, { event: 'epoch', model, ...e });
      say(o, `  ${model} epoch ${e.epoch}/${e.epochs}  loss ${e.trainLoss.toFixed(4)}  MI ${e.mutualInformationNats.toFixed(3)} nats  ETA ${formatDuration(e.etaSeconds)}`);
    },
  });
  writeJecResults(o.out, r);
  const report = await (await import('../report/index.js')).renderReport(o.out);
  if (!o.json) for (const line of ['', ...jecTableLines(r), '']) say({ ...o, quiet: false }, line);
  for (const [model, check] of Object.entries(r.selfChecks ?? {}))
    sayVerdict({ ...o, quiet: o.quiet || o.json }, check, `${model}'s test jets`);
  say(o, `wrote ${o.out} (results.json, summary.txt, table.csv, curves.csv) in ${formatDuration((performance.now() - t0) / 1000)}`);
  say(o, `report: ${report.html}`);
  emit(o, {
    event: 'done',
    out: o.out,
    report: report.html,
    table: r.table,
    self_checks: Object.fromEntries(Object.entries(r.selfChecks ?? {}).map(([m, c]) => [m, selfCheckRecord(c)])),
  });
}
