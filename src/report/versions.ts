/** Versions printed in every report: ansatz (package.json), Node.js, vega and vega-lite. */
import { readFileSync } from 'node:fs';
import { version as vegaVersion } from 'vega';
import { version as vegaLiteVersion } from 'vega-lite';

export interface Versions {
  ansatz: string;
  node: string;
  vega: string;
  vegaLite: string;
}

/** The ansatz version from the package.json two levels above this file (src/report or dist/report). */
function ansatzVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function versions(): Versions {
  return { ansatz: ansatzVersion(), node: process.version, vega: vegaVersion, vegaLite: vegaLiteVersion };
}
