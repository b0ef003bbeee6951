/**
 * User-facing failures. Each carries a stable `code` and, where one exists, a `hint` that
 * says what to do next. The CLI prints `message` and `hint` without a stack for these, and a
 * stack for anything else (an unexpected error is a bug).
 */
export type AnsatzErrorCode =
  | 'ANSATZ_BAD_INPUT'
  | 'ANSATZ_BAD_PARAMETER'
  | 'ANSATZ_NOT_FITTED'
  | 'ANSATZ_BAD_MODEL_FILE'
  | 'ANSATZ_DIVERGED'
  | 'ANSATZ_UNSUPPORTED_FORMAT';

export class AnsatzError extends Error {
  readonly code: AnsatzErrorCode;
  readonly hint: string | undefined;
  constructor(code: AnsatzErrorCode, message: string, hint?: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.hint = hint;
  }
}

/** Bad data: a missing column, a non-numeric cell, NaN/Inf, an empty file. Names file, column and row. */
export class InputError extends AnsatzError {
  readonly file: string | undefined;
  readonly column: string | undefined;
  readonly row: number | undefined;
  constructor(message: string, where: { file?: string; column?: string; row?: number } = {}, hint?: string) {
    const place = [
      where.file !== undefined ? `file ${where.file}` : undefined,
      where.column !== undefined ? `column '${where.column}'` : undefined,
      where.row !== undefined ? `row ${where.row}` : undefined,
    ].filter((s) => s !== undefined);
    super('ANSATZ_BAD_INPUT', place.length > 0 ? `${message} (${place.join(', ')})` : message, hint);
    this.file = where.file;
    this.column = where.column;
    this.row = where.row;
  }
}

/** A parameter outside its allowed range, sklearn-style: names it, says what is allowed and what came in. */
export class ParameterError extends AnsatzError {
  constructor(param: string, owner: string, allowed: string, got: unknown) {
    super('ANSATZ_BAD_PARAMETER', `The '${param}' parameter of ${owner} must be ${allowed}. Got ${JSON.stringify(got)} instead.`);
  }
}

export class NotFittedError extends AnsatzError {
  constructor(owner: string) {
    super('ANSATZ_NOT_FITTED', `This ${owner} instance is not fitted yet.`, "Call 'fit' with appropriate arguments, or load a trained model, before using this estimator.");
  }
}

export class ModelFileError extends AnsatzError {
  constructor(message: string, hint?: string) {
    super('ANSATZ_BAD_MODEL_FILE', message, hint);
  }
}

export class UnsupportedFormatError extends AnsatzError {
  constructor(file: string, supported: readonly string[]) {
    const dot = file.lastIndexOf('.');
    const ext = dot >= 0 ? file.slice(dot) : '(none)';
    super('ANSATZ_UNSUPPORTED_FORMAT', `Unsupported format "${ext}" for ${file}. Should be one of: ${supported.join(', ')}.`);
  }
}

/** Training produced NaN/Inf. The last good weights were kept (and saved, when a checkpoint directory was given). */
export class DivergenceError extends AnsatzError {
  readonly epoch: number;
  constructor(epoch: number, detail: string, hint?: string) {
    super('ANSATZ_DIVERGED', `Training diverged at epoch ${epoch}: ${detail}.`, hint);
    this.epoch = epoch;
  }
}
