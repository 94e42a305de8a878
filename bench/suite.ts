// What every bench/*.bench.ts exports, and the measuring helpers they share.

export type Figures = Record<string, number | string>;

export interface BenchSuite {
  name: string;
  run(): Promise<Figures>;
}

export interface Measured<T> {
  result: T;
  ms: number;
  /** Extra resident memory of the page's renderer process at the peak, over its level at the start. */
  peakBytes: number | null;
  /** Extra resident memory when the operation finished, over its level at the start. */
  retainedBytes: number | null;
}

interface MemoryProbe {
  start(): Promise<void>;
  /** Peak and final resident bytes above the level at start(). */
  stop(): Promise<{ peak: number; final: number }>;
}

declare global {
  interface Window {
    /** Provided by scripts/bench.mjs, which reads the renderer's memory from outside the page. */
    benchMemoryStart?: () => Promise<void>;
    benchMemoryStop?: () => Promise<{ peak: number; final: number }>;
    benchMemoryPeek?: () => Promise<number>;
    /** Provided by scripts/bench.mjs: the machine's load average over 1, 5 and 15 minutes. */
    benchLoadAverage?: () => Promise<number[]>;
    /** Provided by scripts/bench.mjs: the CPU time used so far by the browser's processes, in ms. */
    benchCpuMs?: () => Promise<number>;
    gc?: () => void;
  }
}

function memoryProbe(): MemoryProbe | null {
  if (!window.benchMemoryStart || !window.benchMemoryStop) return null;
  return { start: window.benchMemoryStart, stop: window.benchMemoryStop };
}

/** Times one operation and measures the renderer's peak memory while it runs. */
export async function measure<T>(operation: () => Promise<T>): Promise<Measured<T>> {
  window.gc?.();
  const probe = memoryProbe();
  await probe?.start();
  const started = performance.now();
  const result = await operation();
  const ms = performance.now() - started;
  const memory = probe ? await probe.stop() : null;
  return { result, ms, peakBytes: memory?.peak ?? null, retainedBytes: memory?.final ?? null };
}

/** Inside measure(): the peak so far, for the phases of one operation. */
export async function peakSoFar(): Promise<number | null> {
  return window.benchMemoryPeek ? window.benchMemoryPeek() : null;
}

export const megabytes = (bytes: number | null): number | string =>
  bytes === null ? 'n/a' : Math.round((bytes / (1024 * 1024)) * 10) / 10;
export const seconds = (ms: number): number => Math.round(ms / 100) / 10;

/** The machine's load average (1, 5, 15 minutes) as text, to print beside figures taken on a shared machine. */
/** The CPU time the browser's processes have used so far (ms), or 0 outside scripts/bench.mjs. */
export async function cpuMs(): Promise<number> {
  return window.benchCpuMs ? window.benchCpuMs() : 0;
}

export async function machineLoad(): Promise<string> {
  const load = window.benchLoadAverage ? await window.benchLoadAverage() : null;
  return load ? load.map((value) => value.toFixed(1)).join(' / ') : 'n/a';
}

const benchStarted = performance.now();

/** A line on the terminal while a suite runs (scripts/bench.mjs prints it), with the time since the page opened. */
export function progress(text: string): void {
  console.log(`[bench] ${seconds(performance.now() - benchStarted).toFixed(1)} s  ${text}`);
}
