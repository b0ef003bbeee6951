import type { EpochReport } from '../train/fit.js';
import { emit, formatDuration, say, type Output } from './output.js';

/** The per-epoch progress line: epoch, loss, validation loss, MI estimate, learning rate, ETA. */
export function progressPrinter(out: Output): (r: EpochReport) => void {
  return (r) => {
    emit(out, { event: 'epoch', ...r });
    const mi = r.phase === 'pretrain' ? 'pre-training (MSE)' : `val ${r.valLoss.toFixed(4)}  MI ${r.mutualInformationNats.toFixed(4)} nats`;
    say(out, `epoch ${String(r.epoch).padStart(String(r.epochs).length)}/${r.epochs}  stage ${r.stage + 1}  loss ${r.trainLoss.toFixed(4)}  ${mi}  lr ${r.learningRate.toExponential(1)}  ${formatDuration(r.seconds)} elapsed, ETA ${formatDuration(r.etaSeconds)}`);
  };
}
