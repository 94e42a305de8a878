import type { BenchSuite, Figures } from './suite';

// Runs every bench/*.bench.ts in turn; scripts/bench.mjs calls window.runBenchSuites() and prints the figures.

const suites = Object.values(import.meta.glob<BenchSuite>('./*.bench.ts', { eager: true }));

export interface SuiteResult {
  name: string;
  figures?: Figures;
  error?: string;
}

declare global {
  interface Window {
    benchSuiteNames: string[];
    runBenchSuites: (only?: string[]) => Promise<SuiteResult[]>;
  }
}

const log = document.getElementById('log');

window.benchSuiteNames = suites.map((suite) => suite.name);
window.runBenchSuites = async (only) => {
  const results: SuiteResult[] = [];
  for (const suite of suites) {
    if (only?.length && !only.includes(suite.name)) continue;
    if (log) log.textContent += `Running ${suite.name}…\n`;
    try {
      results.push({ name: suite.name, figures: await suite.run() });
    } catch (error) {
      results.push({
        name: suite.name,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
  }
  return results;
};
