import type { DijetsResults } from '../studies/dijets/run.js';
import type { Report } from './model.js';
export function dijetsReport(r: DijetsResults): Report {
  return { title: 'dijets', summary: '', run: { study: 'dijets', seed: r.options.seed, options: r.options, timingsSeconds: { total: r.seconds } }, sections: [] };
}
