// `npm run bench`: builds the benchmark page (bench/index.html → dist/bench), serves it on 127.0.0.1,
// runs every bench/*.bench.ts in the system's Chromium and prints the figures as tables.
// Peak memory is read from outside the page: the resident memory of the page's renderer process
// (/proc on Linux), so IndexedDB buffers, ArrayBuffers and the JS heap all count.
// The app's own build (GH_RENDERER_OUT, or dist/renderer) is served beside the benchmark page, at app/,
// for the cold-start suite; a baseline build (GH_BENCH_BASELINE_APP, e.g. the app before a change) is
// served at baseline/ and opened from another origin (localhost instead of 127.0.0.1), so that it has a
// database of its own, written at its own schema (GH_BENCH_BASELINE_SCHEMA).
// The page runs in a browser profile of its own: on disk (a fresh folder, removed afterwards) when the
// lock suite runs, whose plain twin of the larger clinic needs more than an in-memory profile's storage
// quota; in memory otherwise, as the other suites' recorded figures were measured. GH_BENCH_PROFILE=disk
// or memory chooses. GH_BENCH_SCALE (e.g. small) is handed to the page as its `scale` parameter, and
// GH_BENCH_LOCK (backup: the lock suite's backups alone, with where their time goes; seal: its unlock,
// sealing and timeline alone) as its `lock` one;
// GH_BENCH_WAYS and GH_BENCH_ROUNDS as `ways` and `rounds` (the seal-phases and seal-store suites: which
// ways to run, comma-separated, and how many rounds; report-reads with `kept`: only the report from kept
// digests, taken again and again). The page can read the CPU time the browser's
// processes have used (benchCpuMs), steadier than wall-clock time on a shared machine.
// GH_BENCH_CPUPROFILE=FILE profiles the page's JavaScript while the suites run and prints the functions
// with the most time of their own (GH_BENCH_MINIFY=0 keeps the functions' names); GH_BENCH_START_PROFILE=1 does the same for the cold-start suite's last opening of
// each build. GH_BENCH_CONSOLE_PROFILE=1 prints the same for each stretch the page itself marks with
// console.profile(title) / console.profileEnd(title) (the lock suite's last round of backups, each alone).
// GH_BENCH_WORKER_HEAP=1 adds the report worker's own JS heap to the
// reports-screen suite (through the DevTools protocol; it disturbs the resident-memory figure).
// Usage: node scripts/bench.mjs [suite names…]
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(root, 'dist/bench');
const port = Number(process.env.GH_BENCH_PORT ?? 4390);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const only = process.argv.slice(2);
const appBuild = process.env.GH_RENDERER_OUT ?? resolve(root, 'dist/renderer');
const baselineBuild = process.env.GH_BENCH_BASELINE_APP ?? null;
const baselineSchema = process.env.GH_BENCH_BASELINE_SCHEMA
  ? Number(process.env.GH_BENCH_BASELINE_SCHEMA)
  : null;
const diskProfile = process.env.GH_BENCH_PROFILE
  ? process.env.GH_BENCH_PROFILE === 'disk'
  : only.length === 0 || only.includes('lock');
const pageParameters = new URLSearchParams();
if (process.env.GH_BENCH_SCALE) pageParameters.set('scale', process.env.GH_BENCH_SCALE);
if (process.env.GH_BENCH_LOCK) pageParameters.set('lock', process.env.GH_BENCH_LOCK);
if (process.env.GH_BENCH_WAYS) pageParameters.set('ways', process.env.GH_BENCH_WAYS);
if (process.env.GH_BENCH_ROUNDS) pageParameters.set('rounds', process.env.GH_BENCH_ROUNDS);
const pageQuery = pageParameters.size > 0 ? `?${pageParameters}` : '';

// The same flags as playwright.config.ts, plus what the measurements need.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
];

function childrenOf(pid) {
  const children = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

function rendererPids(browserPid) {
  const found = [];
  const queue = [browserPid];
  while (queue.length) {
    const pid = queue.shift();
    for (const child of childrenOf(pid)) {
      queue.push(child);
      try {
        if (readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('--type=renderer')) found.push(child);
      } catch {
        // Gone already.
      }
    }
  }
  return found;
}

/**
 * The CPU time (user + system, in ms) used so far by the browser and every process under it: the page,
 * the storage and GPU processes and their threads (IndexedDB's own work included). Far steadier than the
 * wall-clock time when the machine is shared, since time spent waiting for a core does not count.
 */
function browserCpuMs(browserPid) {
  const pids = [browserPid];
  for (let at = 0; at < pids.length; at++) pids.push(...childrenOf(pids[at]));
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended while we looked.
    }
  }
  return ticks * 10;
}

function statusKb(pid, field) {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(
      new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'),
    );
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Peak RSS over a span: the kernel's high-water mark (reset at the start), with sampling as a fallback. */
class MemoryWatch {
  constructor(browserPid) {
    this.browserPid = browserPid;
    this.timer = null;
  }
  start() {
    this.pids = rendererPids(this.browserPid);
    this.hwmReset = true;
    for (const pid of this.pids) {
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, '5');
      } catch {
        this.hwmReset = false;
      }
    }
    this.base = this.pids.reduce((sum, pid) => sum + statusKb(pid, 'VmRSS'), 0);
    this.sampled = this.base;
    this.timer = setInterval(() => {
      const now = this.pids.reduce((sum, pid) => sum + statusKb(pid, 'VmRSS'), 0);
      if (now > this.sampled) this.sampled = now;
    }, 20);
  }
  /** The peak so far, without ending the span. */
  peek() {
    const hwm = this.hwmReset ? this.pids.reduce((sum, pid) => sum + statusKb(pid, 'VmHWM'), 0) : 0;
    return Math.max(hwm, this.sampled) - this.base;
  }
  stop() {
    clearInterval(this.timer);
    const hwm = this.hwmReset ? this.pids.reduce((sum, pid) => sum + statusKb(pid, 'VmHWM'), 0) : 0;
    const final = this.pids.reduce((sum, pid) => sum + statusKb(pid, 'VmRSS'), 0);
    return { peak: Math.max(hwm, this.sampled, final) - this.base, final: final - this.base };
  }
}

/**
 * Opens the app at `url` in a new tab and times it, inside the tab, from the start of navigation to a
 * usable dashboard: its heading and figures shown and no "Loading" left on the page.
 */
/** GH_BENCH_START_PROFILE=1: each opening's JavaScript profiled; the last of each build's is printed. */
const startProfiles = process.env.GH_BENCH_START_PROFILE ? new Map() : null;

async function openApp(context, url) {
  const tab = await context.newPage();
  const cdp = startProfiles ? await context.newCDPSession(tab) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  try {
    await tab.addInitScript(() => {
      const usable = () =>
        [...document.querySelectorAll('h1')].some((heading) => heading.textContent?.trim() === 'Dashboard') &&
        document.querySelector('.figure') !== null &&
        document.querySelector('.loading') === null;
      const observer = new MutationObserver(() => {
        if (!window.benchUsableAt && usable()) {
          window.benchUsableAt = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { subtree: true, childList: true, characterData: true });
    });
    await tab.goto(url);
    await tab.waitForFunction(() => window.benchUsableAt, null, { timeout: 120_000 });
    if (cdp) startProfiles.set(new URL(url).pathname, (await cdp.send('Profiler.stop')).profile);
    return await tab.evaluate(() => ({
      usableMs: window.benchUsableAt,
      domContentLoadedMs: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
    }));
  } finally {
    await tab.close();
  }
}

// The app-screens suite: opens the app in a new tab, waits for the dashboard, then reaches each screen by
// its address (as the app's links do) and times, inside the tab, the address changed to the screen's
// content shown with nothing loading and no list busy, then reads the JS heap after a collection: once at
// once, and again once the app has settled (the search has read every note). Then it
// types each search box's word a key at a time, timing each key from its keydown to the box's list
// current again (its aria-busy set by the key, then cleared).
async function walkApp(context, url, screens, typing) {
  const tab = await context.newPage();
  try {
    await tab.addInitScript(() => {
      const keys = { start: null, done: null, sawBusy: false };
      window.benchKeys = keys;
      document.addEventListener(
        'keydown',
        (event) => {
          keys.start = event.timeStamp;
          keys.done = null;
          keys.sawBusy = false;
        },
        true,
      );
      new MutationObserver(() => {
        if (keys.start === null || keys.done !== null) return;
        if (document.querySelector('[aria-busy="true"]')) keys.sawBusy = true;
        else if (keys.sawBusy) keys.done = performance.now();
      }).observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['aria-busy'],
      });
    });
    // GH_BENCH_IDB_PROBE=1: a tiny IndexedDB read every 10 ms in the tab, in a database of its own (the
    // origin's storage is shared), so that a slow visit can be told apart: the window waiting on the
    // browser's storage (the probe slow too) or on the app.
    if (process.env.GH_BENCH_IDB_PROBE)
      await tab.addInitScript(() => {
        const probe = { times: [] };
        window.benchProbe = probe;
        const opening = indexedDB.open('bench-probe', 1);
        opening.onupgradeneeded = () => opening.result.createObjectStore('s').put(1, 'k');
        opening.onsuccess = () => {
          const db = opening.result;
          const tick = () => {
            const start = performance.now();
            const request = db.transaction('s', 'readonly').objectStore('s').get('k');
            request.onsuccess = () => {
              probe.times.push([start, performance.now() - start]);
              setTimeout(tick, 10);
            };
          };
          tick();
        };
      });
    await tab.goto(url);
    await tab.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor({ timeout: 120_000 });
    let probeSeen = 0;
    const shown = async (step) => {
      if (process.env.GH_BENCH_IDB_PROBE)
        probeSeen = await tab.evaluate(() => window.benchProbe.times.length);
      const { ms, fetched } = await tab.evaluate(
        ({ hash, heading, selector }) =>
          new Promise((resolve, reject) => {
            const ready = () =>
              document.querySelector('.loading') === null &&
              document.querySelector('[aria-busy="true"]') === null &&
              document.querySelector(selector) !== null &&
              (!heading || document.querySelector('h1')?.textContent?.trim() === heading);
            const start = performance.now();
            // A screen that never shows (a form asking before it is left, say) fails the walk, not hangs it.
            const giveUp = setTimeout(() => {
              observer.disconnect();
              reject(new Error(`${hash} did not show its content within a minute.`));
            }, 60_000);
            const observer = new MutationObserver(() => {
              if (!ready()) return;
              observer.disconnect();
              clearTimeout(giveUp);
              const ms = performance.now() - start;
              // The files fetched meanwhile (the screen's code, when it was not loaded yet), relative to the visit.
              const fetched = performance
                .getEntriesByType('resource')
                .filter((entry) => entry.startTime >= start)
                .map((entry) => ({
                  file: entry.name.split('/').pop(),
                  from: Math.round(entry.startTime - start),
                  to: Math.round(entry.responseEnd - start),
                }));
              resolve({ ms, fetched });
            });
            observer.observe(document, {
              subtree: true,
              childList: true,
              attributes: true,
              characterData: true,
            });
            // The screen already shown (a box typed in on the screen the walk ended on): nothing to wait for.
            if (location.hash === hash && ready()) {
              observer.disconnect();
              clearTimeout(giveUp);
              resolve({ ms: 0, fetched: [] });
            } else location.hash = hash;
          }),
        step,
      );
      await tab.evaluate(() => window.gc?.());
      const heapMb = await tab.evaluate(() => Math.round(performance.memory.usedJSHeapSize / 1e5) / 10);
      if (process.env.GH_BENCH_IDB_PROBE) {
        const slowest = await tab.evaluate(
          (since) => Math.round(Math.max(0, ...window.benchProbe.times.slice(since).map(([, ms]) => ms))),
          probeSeen,
        );
        probeSeen = await tab.evaluate(() => window.benchProbe.times.length);
        console.log(`${step.label}: ${Math.round(ms)} ms; slowest storage probe meanwhile ${slowest} ms`);
      }
      if (process.env.GH_BENCH_SCREEN_FILES && fetched.length > 0)
        console.log(
          `\n${step.label}, ${Math.round(ms)} ms, fetched: ${fetched.map((f) => `${f.file} ${f.from}–${f.to} ms`).join(', ')}`,
        );
      return { ms, heapMb };
    };
    // GH_BENCH_SCREEN_PROFILE=WORDS: the visits of each screen whose label holds them, profiled.
    const profiledShown = async (step, when) => {
      const profiled = process.env.GH_BENCH_SCREEN_PROFILE;
      if (!profiled || !step.label.includes(profiled)) return shown(step);
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      const time = await shown(step);
      console.log(`\n${step.label}, ${when}, ${Math.round(time.ms)} ms:`);
      printSelfTimes((await cdp.send('Profiler.stop')).profile);
      await cdp.detach();
      return time;
    };
    const times = { early: {}, screens: {}, typing: {} };
    // At once, while the app's start-up work (the search reading every note, the screens' code loading)
    // still runs beside it, as when the manager starts clicking at once.
    for (const step of screens) times.early[step.label] = await profiledShown(step, 'at once');
    // Then settled: the search has read every note (its status no longer says the notes are being read).
    const search = tab.getByLabel('Search the clinic', { exact: true });
    await search.fill('re');
    await tab.waitForFunction(
      () => {
        const status = document.querySelector('.header-search__status')?.textContent ?? '';
        return !document.querySelector('[aria-busy="true"]') && !status.includes('still being read');
      },
      null,
      { timeout: 300_000 },
    );
    await search.fill('');
    await search.press('Escape');
    for (const step of screens) times.screens[step.label] = await profiledShown(step, 'settled');
    // Every list on the screen has answered what was typed (none marked busy).
    const listsAnswered = (timeout = 60_000) =>
      tab.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout });
    for (const { label, screen, box, word, before } of typing) {
      await shown(screen);
      // Last of the walk: the form filled here asks before it is left, which no later step could do.
      if (before) {
        await tab.getByLabel(before.find, { exact: true }).fill(before.word);
        await listsAnswered();
        await tab.getByRole('group', { name: before.group }).getByRole('radio').first().check();
        const select = tab.getByLabel(before.select, { exact: true });
        const first = await select.locator('option:not([value=""])').first().getAttribute('value');
        await select.selectOption(first);
      }
      const field = tab.getByLabel(box, { exact: true });
      await field.fill(word);
      // The first answer may wait for the notes to be read for the search: not timed.
      await listsAnswered(300_000);
      await field.fill(word.slice(0, 1));
      await listsAnswered();
      times.typing[label] = [];
      for (const key of word.slice(1)) {
        await tab.keyboard.press(key);
        await tab.waitForFunction(() => window.benchKeys.done !== null, null, { timeout: 60_000 });
        times.typing[label].push(await tab.evaluate(() => window.benchKeys.done - window.benchKeys.start));
      }
    }
    return times;
  } finally {
    await tab.close();
  }
}

/** The browser process whose command line names the profile folder (not one of its helpers). */
function browserPidOf(profileDir) {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args.includes(`--user-data-dir=${profileDir}`) && !args.some((arg) => arg.startsWith('--type=')))
        return Number(entry);
    } catch {
      // Gone already.
    }
  }
  throw new Error('The browser process was not found.');
}

/** A browser context and the browser's process id, in a profile on disk or in memory. */
/**
 * The JS heaps of the page's workers, summed, after a garbage collection in each: bytes in use and the
 * heap's committed size (what the renderer's resident memory sees). Read through the DevTools protocol,
 * as a worker has no performance.memory.
 */
async function workerHeaps(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const replies = new Map();
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      const message = JSON.parse(event.message);
      replies.get(`${event.sessionId}:${message.id}`)?.(message.result ?? {});
    });
    let nextId = 0;
    const ask = (sessionId, method) =>
      new Promise((resolve) => {
        const id = ++nextId;
        replies.set(`${sessionId}:${id}`, resolve);
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      });
    const heaps = { used: 0, total: 0, workers: 0 };
    for (const target of targetInfos.filter((info) => info.type === 'worker')) {
      const { sessionId } = await cdp.send('Target.attachToTarget', {
        targetId: target.targetId,
        flatten: false,
      });
      await ask(sessionId, 'HeapProfiler.collectGarbage');
      const usage = await ask(sessionId, 'Runtime.getHeapUsage');
      heaps.used += usage.usedSize ?? 0;
      heaps.total += usage.totalSize ?? 0;
      heaps.workers++;
      await cdp.send('Target.detachFromTarget', { sessionId });
    }
    return heaps;
  } finally {
    await cdp.detach();
  }
}

async function launchProfile() {
  if (diskProfile) {
    const profileDir = mkdtempSync(join(tmpdir(), 'gh-bench-profile-'));
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath,
      args: chromiumArgs,
    });
    return {
      context,
      browserPid: browserPidOf(profileDir),
      async close() {
        await context.close();
        rmSync(profileDir, { recursive: true, force: true });
      },
    };
  }
  const browserServer = await chromium.launchServer({ executablePath: chromiumPath, args: chromiumArgs });
  const browser = await chromium.connect(browserServer.wsEndpoint());
  return {
    context: await browser.newContext(),
    browserPid: browserServer.process().pid,
    async close() {
      await browser.close();
      await browserServer.close();
    },
  };
}

function printTable(name, figures) {
  const rows = Object.entries(figures);
  const width = Math.max(...rows.map(([key]) => key.length));
  console.log(`\n${name}`);
  console.log('-'.repeat(width + 16));
  for (const [key, value] of rows) console.log(`${key.padEnd(width)}  ${String(value).padStart(12)}`);
}

/** The 25 functions of a CPU profile with the most time of their own (samples × interval). */
function printSelfTimes(samples) {
  const byId = new Map(samples.nodes.map((node) => [node.id, node]));
  const counts = new Map();
  for (const id of samples.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  const total = samples.samples.length;
  const perMs = total / ((samples.endTime - samples.startTime) / 1000);
  const byName = new Map();
  for (const [id, count] of counts) {
    const frame = byId.get(id).callFrame;
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
    byName.set(name, (byName.get(name) ?? 0) + count);
  }
  console.log(
    `\nCPU profile: ${total} samples over ${Math.round((samples.endTime - samples.startTime) / 1000)} ms`,
  );
  for (const [name, count] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(
      `${String(Math.round(count / perMs)).padStart(8)} ms  ${((100 * count) / total).toFixed(1).padStart(5)} %  ${name}`,
    );
}

async function main() {
  console.log('Building the benchmark page…');
  await build({ configFile: resolve(root, 'bench/vite.config.ts'), build: { outDir } });
  if (existsSync(resolve(appBuild, 'index.html')))
    cpSync(appBuild, resolve(outDir, 'app'), { recursive: true });
  if (baselineBuild) cpSync(baselineBuild, resolve(outDir, 'baseline'), { recursive: true });

  const server = spawn(process.execPath, [resolve(root, 'scripts/serve-static.mjs'), outDir, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((ready) => server.stdout.once('data', ready));

  const profile = await launchProfile();
  console.log(`Browser profile: ${diskProfile ? 'on disk' : 'in memory'}`);
  const exitCode = { value: 0 };
  try {
    // A context of its own, so the cold-start suite can open the app in further tabs of it.
    const page = await profile.context.newPage();
    const browserPid = profile.browserPid;
    page.on('console', (message) => {
      if (message.type() === 'error') console.error(`page: ${message.text()}`);
      // A suite's progress (bench/suite.ts progress()): a long suite says where it is.
      else if (message.text().startsWith('[bench] ')) console.log(message.text().slice(8));
    });
    const watch = new MemoryWatch(browserPid);
    await page.exposeFunction('benchMemoryStart', () => watch.start());
    await page.exposeFunction('benchMemoryStop', () => watch.stop());
    await page.exposeFunction('benchMemoryPeek', () => watch.peek());
    await page.exposeFunction('benchLoadAverage', () => loadavg());
    // Opt-in: attaching to the workers and collecting their garbage leaves the renderer's resident memory
    // hundreds of MB higher in the rounds after (measured: 383 MB while shown with it, 78–142 MB without).
    if (process.env.GH_BENCH_WORKER_HEAP === '1')
      await page.exposeFunction('benchWorkerHeaps', () => workerHeaps(page));
    await page.exposeFunction('benchCpuMs', () => browserCpuMs(browserPid));
    await page.exposeFunction('benchOpenApp', (url) => openApp(page.context(), url));
    await page.exposeFunction('benchWalkApp', (url, screens, typing) =>
      walkApp(page.context(), url, screens, typing),
    );
    await page.exposeFunction('benchFillBaseline', async (size) => {
      if (!baselineBuild) return null;
      const other = await page.context().newPage();
      try {
        await other.goto(`http://localhost:${port}/index.html`);
        await other.waitForFunction(() => typeof window.benchFillAppDatabase === 'function');
        await other.evaluate(
          ([clinicSize, schema]) => window.benchFillAppDatabase(clinicSize, schema ?? undefined),
          [size, baselineSchema],
        );
      } finally {
        await other.close();
      }
      return `http://localhost:${port}/baseline/index.html`;
    });
    await page.goto(`http://127.0.0.1:${port}/index.html${pageQuery}`);
    await page.waitForFunction(() => typeof window.runBenchSuites === 'function');
    const names = await page.evaluate(() => window.benchSuiteNames);
    console.log(`Suites: ${names.join(', ')}${only.length ? ` (running: ${only.join(', ')})` : ''}`);
    // The machine is shared: its load before and after says how much the figures can be trusted.
    const load = () =>
      `${loadavg()
        .map((value) => value.toFixed(2))
        .join(' / ')} (1 / 5 / 15 min, ${cpus().length} cores)`;
    const loadBefore = load();
    console.log(`Machine load before: ${loadBefore}`);
    // GH_BENCH_CPUPROFILE=FILE: the page's JavaScript profiled while the suites run (a .cpuprofile that
    // Chromium's DevTools opens), and the functions with the most time of their own printed.
    const cpuProfile = process.env.GH_BENCH_CPUPROFILE ?? null;
    const cdp = cpuProfile ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    if (process.env.GH_BENCH_CONSOLE_PROFILE) {
      const marked = await page.context().newCDPSession(page);
      marked.on('Profiler.consoleProfileFinished', ({ title, profile: samples }) => {
        console.log(`\nProfiled by the page: ${title}`);
        printSelfTimes(samples);
      });
      await marked.send('Profiler.enable');
      await marked.send('Profiler.setSamplingInterval', { interval: 500 });
    }
    const results = await page.evaluate((selected) => window.runBenchSuites(selected), only);
    for (const [path, samples] of startProfiles ?? []) {
      console.log(`\nThe last opening of ${path}, to a usable dashboard:`);
      printSelfTimes(samples);
    }
    if (cdp && cpuProfile) {
      const { profile: samples } = await cdp.send('Profiler.stop');
      writeFileSync(cpuProfile, JSON.stringify(samples));
      printSelfTimes(samples);
    }
    const loadAfter = load();
    console.log(`Machine load after:  ${loadAfter}`);
    for (const result of results)
      if (result.figures)
        Object.assign(result.figures, { 'machine load before': loadBefore, 'machine load after': loadAfter });
    for (const result of results) {
      if (result.error) {
        console.error(`\n${result.name}: FAILED\n${result.error}`);
        exitCode.value = 1;
      } else printTable(result.name, result.figures);
    }
    console.log(
      `\nMachine load afterwards (1, 5, 15 min): ${loadavg()
        .map((value) => value.toFixed(1))
        .join(', ')}`,
    );
    writeFileSync(resolve(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nFigures also written to ${resolve(outDir, 'results.json')}`);
  } finally {
    await profile.close();
    server.kill();
  }
  process.exitCode = exitCode.value;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
