/** The prior study, `ansatz study priors` (arXiv:2205.05084); the code lives in ./priors/. */
export * from './priors/index.js';
