import { GaussianAnsatz } from '../../ansatz/GaussianAnsatz.js';
import type { SelfCheck } from '../../ansatz/selfCheck.js';
import type { Cloud, Matrix } from '../../ansatz/inputs.js';
import { concatJets, readSelectedJets, selectJets, splitByEvent, subsetJets, type JetDataset, type ModData } from '../../io/mod/index.js';
import { simulateDijets } from '../../sim/index.js';
import type { EpochReport } from '../../train/fit.js';
import { cmsResolutionGeV } from '../dijets/index.js';
import { binnedCurves, summarizeWindow, type BinnedCurves, type JetEstimates, type WindowSummary } from './evaluate.js';
import { JEC_DEFAULTS, type JecModelSpec, type JecStudyOptions } from './options.js';

export interface JecResults {
  options: JecStudyOptions;
  trainJets: number;
  testJets: number;
  /** Table I: one row per model, then the CMS-like baseline and the oracle. */
  table: WindowSummary[];
  curves: BinnedCurves[];
  /** σ̂ of every test jet in the GEN window, per calibration (Fig. 1). */
  sigmaInWindow: Record<string, number[]>;
  /** Pulls (ẑ − z)/σ̂ of every test jet in the GEN window, per calibration (same order as sigmaInWindow). */
  pullsInWindow: Record<string, number[]>;
  /** I(X;Z) of each learned model on the test jets of each GEN-pT bin (binEdgesGeV), nats; null where a bin has < 50 jets. */
  mutualInformationPerBin: { centersGeV: number[]; nats: Record<string, (number | null)[]> };
  training: Record<string, { epoch: number; trainLoss: number; valLoss: number; mutualInformationNats: number }[]>;
  /**
   * Each learned model's self-check on the test jets (pulls and coverage overall and in GEN-pT bins,
   * the coverage curve, D, the plateau).
   */
  selfChecks?: Record<string, SelfCheck>;
  timingsSeconds: Record<string, number>;
}

function inputs(ds: JetDataset, m: JecModelSpec): Matrix | Cloud {
  return m.x === 'jet' ? { data: ds.jet, rows: ds.rows, cols: 3 } : { particles: ds.particles, offsets: ds.offsets, dim: ds.particleDim };
}

/**
 * The jet energy calibration study of the Gaussian Ansatz letter (arXiv:2205.03413, Table I and
 * Fig. 1) on the built-in simulator: trains DNN, EFN, PFN and PFN-PID models on one sample and
 * evaluates them beside the CMS-like baseline (numerical-inversion JEC with the CMS resolution
 * formula) and the simulator's oracle on a disjoint sample.
 */
export async function runJecStudy(opts: Partial<JecStudyOptions> = {}, hooks: { onProgress?: (line: string) => void; onEpoch?: (model: string, r: EpochReport) => void } = {}): Promise<JecResults> {
  const o: JecStudyOptions = { ...JEC_DEFAULTS, ...opts };
  const log = hooks.onProgress ?? (() => {});
  const timings: Record<string, number> = {};
  const timed = async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const v = await fn();
    timings[name] = (performance.now() - t0) / 1000;
    return v;
  };
  const sets = o.data?.length ? await timed('read data', () => samplesFromFiles(o.data!, o.seed, log)) : await simulatedSamples(o, log, timed);
  const plain = sets(false), withPid = sets(true);
  const gen = plain.test.genPtGeV;
  const estimates: JetEstimates[] = [];
  const mis: Record<string, number | null> = {};
  const miPerBin: Record<string, (number | null)[]> = {};
  const binRows = o.binEdgesGeV.slice(0, -1).map((lo, b) => [...gen.keys()].filter((i) => gen[i]! >= lo && gen[i]! < o.binEdgesGeV[b + 1]!));
  const training: JecResults['training'] = {};
  const selfChecks: Record<string, SelfCheck> = {};
  for (const m of o.models) {
    const data = m.pid ? withPid : plain;
    log(`training ${m.name} (${m.arch}) on ${data.train.rows} jets`);
    const model = await timed(`train ${m.name}`, () =>
      new GaussianAnsatz({
        arch: m.arch,
        hidden: m.hidden,
        ...(m.phiSizes ? { phiSizes: m.phiSizes } : {}),
        ...(m.x === 'particles' ? { epochs: o.epochs } : {}),
        seed: o.seed,
        ...o.training,
        ...(m.x === 'particles' ? o.particleTraining : {}),
      }).fit(inputs(data.train, m), data.train.genPtGeV, { onEpoch: (r) => hooks.onEpoch?.(m.name, r) }),
    );
    const pred = await timed(`predict ${m.name}`, () => model.predict(inputs(data.test, m)));
    estimates.push({ name: m.name, zHatGeV: pred.zHat, sigmaGeV: pred.sigma });
    selfChecks[m.name] = await timed(`self-check ${m.name}`, () =>
      model.selfCheck(inputs(data.test, m), data.test.genPtGeV, { bins: o.binEdgesGeV.length - 1 }),
    );
    mis[m.name] = miOn(model, data.test, m);
    miPerBin[m.name] = binRows.map((rows) => (rows.length < 50 ? null : miOn(model, subsetJets(data.test, rows), m)));
    training[m.name] = model.history_.map((h) => ({ epoch: h.epoch, trainLoss: h.trainLoss, valLoss: h.valLoss, mutualInformationNats: h.mutualInformationNats }));
  }
  const corrected = Float64Array.from(plain.test.columns.jet_pt!, (pt, i) => pt * plain.test.columns.jec![i]!);
  estimates.push({ name: 'CMS-like', zHatGeV: corrected, sigmaGeV: corrected.map((pt) => cmsResolutionGeV(pt)) });
  const { oracle_pt: oraclePt, oracle_sigma: oracleSigma } = plain.test.columns;
  if (oraclePt && oracleSigma) estimates.push({ name: 'Oracle', zHatGeV: oraclePt, sigmaGeV: oracleSigma });
  const windowIdx = [...gen.keys()].filter((i) => gen[i]! >= o.windowGeV[0] && gen[i]! <= o.windowGeV[1]);
  return {
    options: o, trainJets: plain.train.rows, testJets: plain.test.rows,
    table: estimates.map((e) => summarizeWindow(e, gen, o.windowGeV, mis[e.name] ?? null)),
    curves: estimates.map((e) => binnedCurves(e, gen, o.binEdgesGeV)),
    sigmaInWindow: Object.fromEntries(estimates.map((e) => [e.name, windowIdx.map((i) => e.sigmaGeV[i]!)])),
    pullsInWindow: Object.fromEntries(estimates.map((e) => [e.name, windowIdx.map((i) => (e.zHatGeV[i]! - gen[i]!) / e.sigmaGeV[i]!)])),
    mutualInformationPerBin: { centersGeV: o.binEdgesGeV.slice(0, -1).map((lo, b) => 0.5 * (lo + o.binEdgesGeV[b + 1]!)), nats: miPerBin },
    training, selfChecks, timingsSeconds: timings,
  };
}

type Samples = (pid: boolean) => { train: JetDataset; test: JetDataset };

/** Two simulated samples (flat hard-scatter pT) with different seeds: disjoint by construction. */
async function simulatedSamples(o: JecStudyOptions, log: (line: string) => void, timed: <T>(name: string, fn: () => T | Promise<T>) => Promise<T>): Promise<Samples> {
  const sim = (events: number, seed: number) => simulateDijets({ events, seed, spectrum: 'flat', ptRangeGeV: o.ptRangeGeV });
  log(`simulating ${o.trainEvents} training and ${o.testEvents} test events (flat hard-scatter pT ${o.ptRangeGeV.join('–')} GeV)`);
  const trainMod = await timed('simulate train', () => sim(o.trainEvents, o.seed));
  const testMod = await timed('simulate test', () => sim(o.testEvents, o.seed + 1000));
  return (pid) => ({ train: selectJets(trainMod, 'simulated-train', { pid }), test: selectJets(testMod, 'simulated-test', { pid }) });
}

/** The study's jets from MOD files, split by event into halves (the same split with and without PID). */
async function samplesFromFiles(paths: string[], seed: number, log: (line: string) => void): Promise<Samples> {
  const mods: [string, ModData][] = [];
  // The default selection keeps the same jets with and without PID: read only those jets' particles.
  for (const path of paths) mods.push([path, await readSelectedJets(path)]);
  return (pid) => {
    const all = concatJets(mods.map(([path, mod]) => selectJets(mod, path, { pid })));
    const [train, test] = splitByEvent(all, 0.5, seed);
    if (!pid) log(`read ${all.rows} selected jets from ${paths.length} MOD file${paths.length > 1 ? 's' : ''}: ${train.rows} for training, ${test.rows} for testing (split by event)`);
    return { train, test };
  };
}

function miOn(model: GaussianAnsatz, ds: JetDataset, m: JecModelSpec): number {
  return model.mutualInformation(inputs(ds, m), ds.genPtGeV).mutualInformationNats;
}
