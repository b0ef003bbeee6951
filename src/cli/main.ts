import { Command, CommanderError, Option } from 'commander';
import { reportError } from './output.js';
import { BACKEND_NAMES } from '../engine/index.js';
import { TRAIN_DEFAULTS } from '../train/options.js';

/**
 * The `ansatz` command line. Each command parses its flags and calls the library; heavy
 * modules are imported lazily so `ansatz --help` starts fast.
 */
export function buildProgram(): Command {
  const program = new Command('ansatz')
    .description('Prior-independent calibration with uncertainties: the Gaussian Ansatz (ẑ, σ̂, likelihood ratio and I(X;Z) from one training).')
    .version(process.env.npm_package_version ?? '0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  const common = (c: Command): Command => c.option('--json', 'machine-readable output: one JSON object per line on stdout').option('--quiet', 'print nothing but errors');

  common(program.command('train').description('train a Gaussian Ansatz model on (x, z) pairs'))
    .requiredOption('--data <file>', 'training data: .csv, .parquet, or a MOD .h5 file')
    .option('--x <cols>', "comma-separated x (measured) columns; for MOD files 'jet' (jet pT, η, φ) or 'particles'")
    .option('--pid', 'MOD particles: append the particle-ID feature (for pfn-pid)')
    .option('--z <cols>', 'comma-separated z (truth) columns')
    .option('--weight <col>', 'per-row sample weight column')
    .addOption(
      new Option('--arch <name>', 'architecture of A, B, C, D').choices(['dnn', 'efn', 'pfn', 'pfn-pid', 'moment-efn']),
    )
    .option('--hidden <sizes>', 'hidden layer sizes of each network, e.g. 64,64,64')
    .option('--phi <sizes>', 'Φ sizes for particle-cloud architectures, e.g. 100,100,128')
    .option('--f <sizes>', 'F sizes for particle-cloud architectures (same as --hidden)')
    .option('--order <k>', 'moment-efn: highest pooled moment')
    .option(
      '--epochs <n>',
      `the most training epochs; stages end, and training stops, when the validation loss stops ` +
        `improving (default ${TRAIN_DEFAULTS.epochs})`,
    )
    .option('--batch-size <n>', "batch size, or 'auto': 256 to 2048 by the number of rows (default auto)")
    .option('--lr <rate>', `Adam learning rate of the first stage (default ${TRAIN_DEFAULTS.learningRate})`)
    .option('--seed <n>', 'random seed (default 0)')
    .option('--val-fraction <f>', 'held-out fraction for validation and MI (default 0.2)')
    .option('--pretrain-epochs <n>', `epochs of MSE pre-training of B and C (default ${TRAIN_DEFAULTS.pretrainEpochs})`)
    .addOption(new Option('--loss <name>', 'mutual-information loss').choices(['dv', 'mlc']))
    .option(
      '--patience <n>',
      `epochs without improvement that end a stage, and after the last stage the training (0: stages ` +
        `split the epochs evenly; default ${TRAIN_DEFAULTS.patience})`,
    )
    .option('--d-penalty <lambda>', `L1 penalty on D, batch mean (default ${TRAIN_DEFAULTS.dPenalty})`)
    .option(
      '--stages <n>',
      `stages of the schedule, each at ${TRAIN_DEFAULTS.lrFactor}× the previous learning rate ` +
        `(default ${TRAIN_DEFAULTS.stages})`,
    )
    .option('--threads <n>', "worker threads ('auto' = one per core)")
    .addOption(
      new Option('--backend <name>', 'compute kernels (auto: native where built, else wasm)').choices([
        ...BACKEND_NAMES,
      ]),
    )
    .option('--config <file>', 'JSON file of settings (library names, e.g. {"learningRate": 1e-3}); flags win')
    .option('--resume', 'continue an interrupted training from OUT.checkpoint')
    .requiredOption('--out <dir>', 'model directory to write')
    .action(async (opts) => (await import('./train.js')).trainCommand(opts));

  common(program.command('predict').description('write ẑ, σ̂ (and covariances) for every row of a data file'))
    .requiredOption('--model <dir>', 'model directory from `ansatz train`')
    .requiredOption('--data <file>', 'input data: .csv, .parquet or a MOD .h5 file, with the model\'s x columns (a MOD file is read with the x kind and jet selection the model was trained with)')
    .requiredOption('--out <file>', 'output: .csv or .parquet')
    .action(async (opts) => (await import('./predict.js')).predictCommand(opts));

  common(program.command('evaluate').description('mutual information, DV loss, pulls and coverage on a data file'))
    .requiredOption('--model <dir>', 'model directory from `ansatz train`')
    .requiredOption('--data <file>', 'data with the model\'s x and z columns: .csv, .parquet or a MOD .h5 file')
    .option('--weight <col>', 'per-row sample weight column')
    .action(async (opts) => (await import('./evaluate.js')).evaluateCommand(opts));

  common(program.command('correlate').description('two jets at once: improve per-jet calibrations with momentum conservation'))
    .requiredOption('--data <file>', 'events with two jets per row: .csv or .parquet')
    .requiredOption('--zhat <cols>', 'the two per-jet estimate columns, e.g. pt1_hat,pt2_hat')
    .requiredOption('--sigma <cols>', 'the two per-jet resolution columns')
    .option('--lambda <L>', 'width of the truth-level asymmetry prior (units of z)')
    .option('--fit-lambda <truthfile>', 'fit the width to the truth-level asymmetry in this file')
    .option('--truth <cols>', 'truth columns in the truth file (default: the --zhat names without _hat)')
    .addOption(new Option('--mode <form>', 'form of the asymmetry prior').choices(['gaussian', 'exponential']).default('gaussian'))
    .option('--seed <n>', 'seed of the random jet labels')
    .requiredOption('--out <file>', 'output: .csv or .parquet')
    .action(async (opts) => (await import('./correlate.js')).correlateCommand(opts));

  common(program.command('check-prior').description('how far ẑ moves (in σ̂) when the truth spectrum is reweighted'))
    .requiredOption('--model <dir>', 'model directory from `ansatz train`')
    .requiredOption('--data <file>', 'the (x, z) pairs to retrain on: .csv or .parquet')
    .requiredOption('--z <col>', 'the z column to reweight and check')
    .requiredOption('--reweight <spec>', 'gauss:MEAN:SIGMA | exp:SCALE | power:N | flat | column:NAME')
    .option('--epochs <n>', 'epochs of the retraining (default: the model\'s)')
    .option('--bins <n>', 'quantile bins of ẑ (default 10)')
    .action(async (opts) => (await import('./checkPrior.js')).checkPriorCommand(opts));

  common(program.command('simulate').description('simulate dijet events with the built-in CMS-like detector; writes a MOD HDF5 file'))
    .requiredOption('--events <n>', 'number of dijet events')
    .option('--seed <n>', 'random seed (default 1)')
    .addOption(new Option('--detector <kind>', 'detector variant').choices(['full', 'fast']))
    .addOption(new Option('--spectrum <prior>', 'prior of the hard scale').choices(['qcd', 'flat', 'resonance']))
    .option('--pt-range <low,high>', 'hard-scatter pT range in GeV (default 400,1200)')
    .option('--threads <n>', "worker threads simulating while the main thread writes ('auto' = one per core, at most 8, or none on one core: the default; 0 = simulate in the main thread); the file is the same for every value")
    .requiredOption('--out <file.h5>', 'output MOD HDF5 file')
    .action(async (opts) => (await import('./simulate.js')).simulateCommand(opts));

  const study = program.command('study').description("reproduce a paper's study on built-in data");
  common(study.command('jec').description("the jet energy calibration study of the Gaussian Ansatz letter (Table I) on the built-in simulator"))
    .option('--quick', 'small samples and networks (minutes)')
    .option('--data <files>', 'MOD HDF5 files to read instead of simulating (comma-separated); split by event into training and test halves')
    .option('--events <n>', 'simulated training events (test events scale with it)')
    .option('--epochs <n>', 'training epochs per model')
    .option('--seed <n>', 'random seed (default 1)')
    .requiredOption('--out <dir>', 'output directory')
    .action(async (opts) => (await import('./studyJec.js')).studyJecCommand(opts));

  common(study.command('priors').description('prior dependence of MSE regression, numerical inversion and optimal transport against the Gaussian Ansatz (arXiv:2205.05084)'))
    .option('--quick', 'small samples and trainings')
    .option('--seed <n>', 'random seed')
    .option('--events <n>', 'simulated dijet events for the m_jj part')
    .requiredOption('--out <dir>', 'output directory')
    .action(async (opts) => (await import('./studyPriors.js')).studyPriorsCommand(opts));

  common(study.command('dijets').description('two jets at once (arXiv:2402.14067) on the built-in simulator'))
    .option('--quick', 'small samples and trainings (seconds)')
    .option('--seed <n>', 'random seed (default 1)')
    .option('--events <n>', 'simulated study events (default 200000; quick 24000)')
    .option('--train-events <n>', 'simulated events for the Gaussian Ansatz calibration; 0 skips it (default 60000; quick 10000)')
    .option('--epochs <n>', 'Gaussian Ansatz epochs (default 30; quick 20)')
    .addOption(new Option('--detector <kind>', 'simulated detector').choices(['full', 'fast']))
    .addOption(new Option('--lambda-method <m>', 'Λ fit: the paper\'s histogram MSE or maximum likelihood').choices(['mse', 'ml']))
    .requiredOption('--out <dir>', 'output directory')
    .action(async (opts) => (await import('./studyDijets.js')).studyDijetsCommand(opts));

  common(program.command('report').description('redraw the HTML report and plots of a study directory from its results.json (no retraining)'))
    .argument('<dir>', 'the --out directory of `ansatz study jec|priors|dijets`')
    .action(async (dir: string, opts) => (await import('./report.js')).reportCommand(dir, opts));

  common(program.command('demo').description('the quick jet energy calibration study on built-in data (a few minutes); --gaussian: the papers\' Gaussian example (seconds)'))
    .option('--seed <n>', 'random seed')
    .option('--out <dir>', 'output directory of the JEC demo (default ./ansatz-demo)')
    .option('--gaussian', 'the papers\' Gaussian example instead (z ~ N(0,1), x|z ~ N(z, 2²); the previous demo)')
    .action(async (opts) => (await import('./demo.js')).demoCommand(opts));

  return program;
}

/** Runs the CLI on `argv` (process.argv form); sets process.exitCode on failure. */
export async function main(argv: string[] = process.argv): Promise<void> {
  // An interrupted command exits through process.exit, so that its 'exit' listeners remove the
  // temporary files it was filling (io/atomic.ts, removeOnExit).
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const)
    process.once(signal, () => {
      process.stderr.write(`ansatz: interrupted (${signal})\n`);
      process.exit(code);
    });
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode !== 0) process.exitCode = err.exitCode || 1;
      return;
    }
    reportError(err);
  }
}
