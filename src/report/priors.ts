import type { PriorsResults } from '../studies/priors/run.js';
import type { Report } from './model.js';
export function priorsReport(r: PriorsResults): Report {
  return { title: 'priors', summary: '', run: { study: 'priors', seed: r.options.seed, options: r.options, timingsSeconds: { total: r.seconds } }, sections: [] };
}
