/**
 * The built-in CMS-like dijet simulator: GEN dijets (hard scatter with a selectable prior, recoil
 * kick, out-of-cone emissions, neutrinos, fragmentation), pileup, the detector and particle flow
 * (src/sim/reconstruct.ts), anti-kT R = 0.5 clustering at GEN and SIM level, and one MOD row per
 * jet for the two hardest SIM jets of every event. Physics notes and tuning: DETECTOR.md, issue 3.
 */
import { Rng } from '../engine/rng.js';
import { ParameterError } from '../errors.js';
import { JETS_F_COLS, JETS_I_COLS, PFCS_COLS, GENS_COLS, type ModData } from '../io/mod/layout.js';
import { AntiKt, type SharedGeometry } from './antikt.js';
import { detectorModel } from './detector.js';
import { ParticleBuffer } from './particleBuffer.js';
import { DEFAULT_SPECTRUM, sampleHardScatter, type SpectrumKind, type SpectrumOptions } from './spectrum.js';
import { DEFAULT_TUNE, type GeneratorTune } from './tune.js';
import { fragmentParton, type Parton } from './fragment.js';
import { addPileup, sampleNpv } from './pileup.js';
import { Reconstructor } from './reconstruct.js';
import { ModBuilder } from './modBuilder.js';
import { EventWriter, type SimEvent } from './eventWriter.js';
import { wrapPhi } from './kinematics.js';
import { defaultCalibration, type Calibration } from './calibration.js';

/** jets_f columns the simulator writes: the MOD ones, then oracle_pt, oracle_sigma, gen_mjj, reco_mjj (GeV). */
export const SIM_JETS_F_COLS: readonly string[] = [...JETS_F_COLS, 'oracle_pt', 'oracle_sigma', 'gen_mjj', 'reco_mjj'];
/** pfcs columns the simulator writes: the MOD ones, then `calo` (1 = energy measured by a calorimeter). */
export const SIM_PFCS_COLS: readonly string[] = [...PFCS_COLS, 'calo'];

/** What `eventWeight` sees of an event. */
export interface EventSummary {
  hardPtGeV: number;
  /** Mass of the two GEN jets matched to the stored SIM jets (−1 if either is unmatched). */
  genMjjGeV: number;
  recoMjjGeV: number;
}

/** Options of `simulateDijets`; everything but `events` has a default. */
export interface SimulateOptions {
  /** Number of dijet events (two jets each). */
  events: number;
  /** Seed of the Rng (default 1). */
  seed?: number;
  /** 'full' (default) or 'fast' detector. */
  detector?: 'full' | 'fast';
  /** Prior of the hard scale (default 'qcd'). */
  spectrum?: SpectrumKind;
  /** pT_hat range for 'qcd'/'flat', GeV (default [400, 1200]). */
  ptRangeGeV?: readonly [number, number];
  /** n of pT^−n for 'qcd' (default 5). */
  qcdPower?: number;
  /** Resonance mass and width, GeV (default 2800, 10). */
  resonanceMassGeV?: number;
  resonanceWidthGeV?: number;
  /** Mean number of primary vertices (default 7, 2011-like). */
  meanNpv?: number;
  /** Per-event weight written to `weight` on both jets (default 1). */
  eventWeight?: (event: EventSummary) => number;
  /** Generator knobs overriding DEFAULT_TUNE. */
  tune?: Partial<GeneratorTune>;
  /** JEC and oracle calibration; 'none' writes jec = 1 and the uncalibrated oracle particle sum. */
  calibration?: Calibration | 'none';
  /** jets_i fn value and run number (defaults 0 and 1). */
  fileIndex?: number;
  runNumber?: number;
  /** Called with the number of events done after every `progressEveryEvents` of them (not at the end). */
  onProgress?: (eventsDone: number) => void;
  /** Events between `onProgress` calls (default 10 000). */
  progressEveryEvents?: number;
}

const SPECTRA: readonly SpectrumKind[] = ['qcd', 'flat', 'resonance'];
/**
 * Events per luminosity block (jets_i lbn). Each block draws from its own stream of the seed,
 * `new Rng(seed, block)`, so that blocks simulated apart (in parallel) give the same events.
 */
export const EVENTS_PER_LUMI_BLOCK = 1000;
/** Events per chunk of `simulateDijetChunks` and `simulateDijetChunksParallel` (≈ 75 MB of rows). */
export const DEFAULT_CHUNK_EVENTS = 10 * EVENTS_PER_LUMI_BLOCK;

/**
 * Simulates `options.events` dijet events and returns them as an in-memory MOD file: two rows per
 * event (the two hardest anti-kT R = 0.5 SIM jets, hardest first) sharing fn, rn, lbn, evn.
 * jet_pt is uncorrected (the corrected pT is jet_pt·jec, as in CMS MOD). GEN columns are −1 for a
 * SIM jet without a GEN jet within ΔR < 0.3. Same options and seed → identical arrays; event e
 * draws from stream ⌊e / 1000⌋ of the seed (its luminosity block, `EVENTS_PER_LUMI_BLOCK`).
 *
 * @example
 * const mod = simulateDijets({ events: 1000, seed: 7, detector: 'full', spectrum: 'qcd' });
 * mod.jetsF.rows; // 2000
 */
export function simulateDijets(options: SimulateOptions): ModData {
  const loop = new EventLoop(options, validateSimulateOptions(options), options.events);
  loop.run(0, options.events);
  return loop.finish();
}

/** Options of `simulateDijetChunks`: those of `simulateDijets` and the batch size. */
export interface ChunkedSimulateOptions extends SimulateOptions {
  /** Events per chunk (default DEFAULT_CHUNK_EVENTS, 10 000); the last chunk holds the rest. */
  chunkEvents?: number;
}

/**
 * The run `simulateDijets(options)` makes, handed out in chunks of `chunkEvents` events, each an
 * in-memory MOD file of its own (pfcs_index and gens_index count from 0 in every chunk); their
 * rows, one after the other, are those of `simulateDijets(options)`, bit for bit. Memory stays at
 * one chunk's worth: each chunk's arrays are reused for the next one, so a chunk is valid only
 * until the iterator is advanced (write or copy it first; `writeModChunks` does).
 *
 * @example
 * await writeModChunks('dijets.h5', simulateDijetChunks({ events: 1_000_000, seed: 7 }));
 */
export function simulateDijetChunks(options: ChunkedSimulateOptions): Generator<ModData, void, undefined> {
  const opts = validateSimulateOptions(options);
  const chunkEvents = options.chunkEvents ?? DEFAULT_CHUNK_EVENTS;
  if (!Number.isInteger(chunkEvents) || chunkEvents < 1) throw new ParameterError('chunkEvents', 'simulateDijetChunks', 'an integer ≥ 1', chunkEvents);
  const loop = new EventLoop(options, opts, Math.min(chunkEvents, opts.events));
  return (function* chunks() {
    for (let from = 0; from < opts.events; from += chunkEvents) {
      if (from > 0) loop.reset();
      loop.run(from, Math.min(opts.events, from + chunkEvents));
      yield loop.finish();
    }
  })();
}

/**
 * The simulator's state across events (generator, detector, clusterers, writer) and its event loop;
 * internal to src/sim (simulate.ts and the worker of parallel.ts).
 */
export class EventLoop {
  private readonly rng: Rng;
  private readonly tune: GeneratorTune;
  private readonly spec: SpectrumOptions;
  private readonly builder: ModBuilder;
  private readonly writer: EventWriter;
  private readonly gen = new ParticleBuffer();
  private readonly pileup = new ParticleBuffer();
  private readonly reco = new ParticleBuffer();
  private readonly genClusterer = new AntiKt(0.5);
  private readonly recoClusterer = new AntiKt(0.5);
  private readonly reconstructor: Reconstructor;
  private readonly partons: [Parton, Parton] = [
    { ptGeV: 0, eta: 0, phi: 0, pid: 0, neutrinoPtGeV: 0 },
    { ptGeV: 0, eta: 0, phi: 0, pid: 0, neutrinoPtGeV: 0 },
  ];
  private readonly axes = { eta: new Float64Array(2), phi: new Float64Array(2) };
  // One shared-geometry record and one event record for the whole run, their fields set per event.
  private shared: SharedGeometry | undefined;
  private event: SimEvent | undefined;
  private readonly filenames: string[];

  /** `batchEvents`: the events of one `run` between `reset`s, which sizes the row stores. */
  constructor(private readonly options: SimulateOptions, private readonly opts: ValidOptions, batchEvents: number) {
    this.rng = new Rng(opts.seed);
    this.tune = { ...DEFAULT_TUNE, ...options.tune };
    this.spec = {
      kind: opts.spectrum, ptRangeGeV: options.ptRangeGeV ?? DEFAULT_SPECTRUM.ptRangeGeV,
      qcdPower: options.qcdPower ?? DEFAULT_SPECTRUM.qcdPower,
      resonanceMassGeV: options.resonanceMassGeV ?? DEFAULT_SPECTRUM.resonanceMassGeV,
      resonanceWidthGeV: options.resonanceWidthGeV ?? DEFAULT_SPECTRUM.resonanceWidthGeV,
    };
    const calibration = options.calibration ?? defaultCalibration(opts.detector);
    this.builder = new ModBuilder([...JETS_I_COLS], [...SIM_JETS_F_COLS], [...SIM_PFCS_COLS], [...GENS_COLS], batchEvents);
    this.writer = new EventWriter(this.builder, calibration === 'none' ? undefined : calibration, options.eventWeight);
    this.reconstructor = new Reconstructor(detectorModel(opts.detector));
    this.filenames = [`ansatz-sim-${opts.detector}-${opts.spectrum}-seed${opts.seed}.h5`];
  }

  /** Simulates events [from, to) of the run (events are numbered from 0; the Rng runs on from the last call). */
  run(from: number, to: number): void {
    const { rng, tune, spec, gen, pileup, reco, genClusterer, recoClusterer, reconstructor, partons, axes, writer, opts } = this;
    const gluonFraction = (pt: number): number =>
      Math.min(0.8, Math.max(0.2, tune.gluonFraction300 + (tune.gluonFractionSlopePerTeV * (pt - 300)) / 1000));
    const onProgress = this.options.onProgress, every = opts.progressEveryEvents;
    for (let ev = from; ev < to; ev++) {
      if (onProgress !== undefined && ev > 0 && ev % every === 0) onProgress(ev);
      if (ev % EVENTS_PER_LUMI_BLOCK === 0) rng.reseed(opts.seed, ev / EVENTS_PER_LUMI_BLOCK);
      const hard = sampleHardScatter(rng, spec, gluonFraction);
      const sigmaKick = tune.kickAGeV + tune.kickB * hard.ptHatGeV;
      const kx = 0.5 * sigmaKick * rng.normal(), ky = 0.5 * sigmaKick * rng.normal();
      const cx = hard.ptHatGeV * Math.cos(hard.phi1), cy = hard.ptHatGeV * Math.sin(hard.phi1);
      setParton(partons[0], cx + kx, cy + ky, hard.y1, hard.pid1);
      setParton(partons[1], -cx + kx, -cy + ky, hard.y2, hard.pid2);
      gen.clear();
      fragmentParton(rng, tune, partons[0], 0, gen);
      fragmentParton(rng, tune, partons[1], 1, gen);
      const npv = sampleNpv(rng, opts.meanNpv);
      pileup.clear();
      addPileup(rng, tune, npv, partons[0].eta, partons[0].phi, pileup);
      addPileup(rng, tune, npv, partons[1].eta, partons[1].phi, pileup);
      reco.clear();
      reconstructor.reconstruct(rng, gen, pileup, reco);
      axes.eta[0] = partons[0].eta; axes.eta[1] = partons[1].eta;
      axes.phi[0] = partons[0].phi; axes.phi[1] = partons[1].phi;
      const genJets = genClusterer.cluster(gen, axes);
      const shared = (this.shared ??= { twin: reconstructor.truthIndex, from: genJets });
      shared.twin = reconstructor.truthIndex;
      shared.from = genJets;
      const recoJets = recoClusterer.cluster(reco, axes, shared);
      if (recoJets.nJets < 2) continue;
      const event = (this.event ??= { fn: opts.fileIndex, rn: opts.runNumber, lbn: 0, evn: 0, npv: 0, partons, gen, genJets, reco, recoJets, recoCoshEta: reconstructor.coshEta });
      event.lbn = 1 + Math.floor(ev / EVENTS_PER_LUMI_BLOCK);
      event.evn = ev + 1;
      event.npv = npv;
      event.genJets = genJets;
      event.recoJets = recoJets;
      event.recoCoshEta = reconstructor.coshEta;
      writer.write(event);
    }
  }

  /** The rows since the last `reset` as an in-memory MOD file (views of the builder's memory). */
  finish(): ModData {
    return this.builder.finish([...this.filenames]);
  }

  /** Starts a new batch in the same memory. */
  reset(): void {
    this.builder.reset();
  }
}

function setParton(p: Parton, px: number, py: number, y: number, pid: number): void {
  p.ptGeV = Math.hypot(px, py);
  p.phi = wrapPhi(Math.atan2(py, px));
  p.eta = y;
  p.pid = pid;
}

export interface ValidOptions {
  events: number; seed: number; detector: 'full' | 'fast'; spectrum: SpectrumKind; meanNpv: number;
  fileIndex: number; runNumber: number; progressEveryEvents: number;
}

export function validateSimulateOptions(o: SimulateOptions): ValidOptions {
  const owner = 'simulateDijets';
  if (!Number.isInteger(o.events) || o.events < 1) throw new ParameterError('events', owner, 'an integer ≥ 1', o.events);
  const seed = o.seed ?? 1;
  if (!Number.isInteger(seed)) throw new ParameterError('seed', owner, 'an integer', seed);
  const detector = o.detector ?? 'full';
  if (detector !== 'full' && detector !== 'fast') throw new ParameterError('detector', owner, "one of 'full', 'fast'", detector);
  const spectrum = o.spectrum ?? 'qcd';
  if (!SPECTRA.includes(spectrum)) throw new ParameterError('spectrum', owner, `one of ${SPECTRA.map((s) => `'${s}'`).join(', ')}`, spectrum);
  const range = o.ptRangeGeV;
  if (range !== undefined && !(range[0] > 0 && range[1] > range[0])) throw new ParameterError('ptRangeGeV', owner, 'a pair [lo, hi] with 0 < lo < hi', range);
  const meanNpv = o.meanNpv ?? 7;
  if (!(meanNpv >= 1)) throw new ParameterError('meanNpv', owner, 'a number ≥ 1', meanNpv);
  const progressEveryEvents = o.progressEveryEvents ?? 10_000;
  if (!Number.isInteger(progressEveryEvents) || progressEveryEvents < 1) throw new ParameterError('progressEveryEvents', owner, 'an integer ≥ 1', progressEveryEvents);
  return { events: o.events, seed, detector, spectrum, meanNpv, fileIndex: o.fileIndex ?? 0, runNumber: o.runNumber ?? 1, progressEveryEvents };
}
