import { mutualInformationLoss, type LossName } from './loss.js';
import type { ReplicaPool } from './pool.js';
import type { SharedData } from './data.js';

/**
 * The per-batch work of training, around a ReplicaPool: fills the batch's row indices, runs
 * forward → loss (main thread) → backward, and leaves the summed gradient in `pool.grads`.
 * Buffers are allocated once, so the hot loop allocates nothing (besides what the caller's
 * permutation costs).
 */
export class BatchStepper {
  private readonly wJoint: Float64Array | null;
  private readonly wMarg: Float64Array | null;
  private readonly gJoint: Float64Array;
  private readonly gMarg: Float64Array;

  constructor(private readonly pool: ReplicaPool, private readonly data: SharedData) {
    const n = pool.maxBatch;
    this.wJoint = data.weights ? new Float64Array(n) : null;
    this.wMarg = data.weights ? new Float64Array(n) : null;
    this.gJoint = pool.shared.gJoint;
    this.gMarg = pool.shared.gMarg;
  }

  /**
   * One step of the DV (or MLC) loss on rows order[b0..b0+rows), the marginal partner of row r
   * being order[b0 + pi[r]] (pi a derangement of 0..rows−1), plus λ_D · (weighted batch mean of
   * |D|). Returns the loss without the D penalty; the gradient is in `pool.grads`.
   */
  train(order: ArrayLike<number>, b0: number, rows: number, pi: ArrayLike<number>, dPenalty: number, loss: LossName): number {
    const s = this.pool.shared;
    for (let r = 0; r < rows; r++) {
      s.indices[r] = order[b0 + r]!;
      s.margIndices[r] = order[b0 + pi[r]!]!;
    }
    this.pool.forward(rows);
    const wJ = this.wJoint ? this.fillWeights(rows) : null;
    const tJ = s.tJoint.subarray(0, rows), tM = s.tMarg.subarray(0, rows);
    const res = mutualInformationLoss(loss, tJ, tM, wJ, wJ ? this.wMarg!.subarray(0, rows) : null, this.gJoint, this.gMarg);
    let wSum = rows;
    if (wJ) {
      wSum = 0;
      for (let r = 0; r < rows; r++) wSum += wJ[r]!;
    }
    for (let r = 0; r < rows; r++) s.rowFactor[r] = (dPenalty * (wJ ? wJ[r]! : 1)) / wSum;
    this.pool.backward();
    return res.loss;
  }

  /** Weights of the joint rows (w_i) and of the marginal pairs (w_i · w_π(i)); returns the joint ones. */
  private fillWeights(rows: number): Float64Array {
    const w = this.data.weights!, s = this.pool.shared, wJ = this.wJoint!, wM = this.wMarg!;
    for (let r = 0; r < rows; r++) {
      wJ[r] = w[s.indices[r]!]!;
      wM[r] = wJ[r]! * w[s.margIndices[r]!]!;
    }
    return wJ.subarray(0, rows);
  }

  /** One MSE pre-training step of B and C on rows order[b0..b0+rows); returns the weighted loss. */
  pretrain(order: ArrayLike<number>, b0: number, rows: number, c0: number): number {
    const s = this.pool.shared, w = this.data.weights;
    let wSum = 0;
    for (let r = 0; r < rows; r++) {
      s.indices[r] = order[b0 + r]!;
      wSum += w ? w[s.indices[r]!]! : 1;
    }
    for (let r = 0; r < rows; r++) s.rowFactor[r] = (w ? w[s.indices[r]!]! : 1) / wSum;
    return this.pool.pretrain(rows, c0);
  }
}
