import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// The layer table of docs/architecture.md, checked against every import in renderer/ and electron/.
// The table is read from the document itself, so the document and the check cannot drift apart.

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** The layer a file belongs to, e.g. 'domain', 'features/people', 'electron/main'. */
export function layerOf(file: string): string | null {
  const parts = file.split('/');
  if (parts[0] === 'electron') {
    if (parts[1] === 'main' || parts[1] === 'preload') return 'electron/main, preload';
    if (parts[1] === 'shared') return 'electron/shared';
    return null;
  }
  if (parts[0] !== 'renderer') return null;
  if (parts.length === 2) return 'app'; // main.tsx, the entry, belongs with the shell
  if (parts[1] === 'features') return `features/${parts[2]}`;
  return parts[1] ?? null;
}

export type Verdict = 'allowed' | 'forbidden' | 'same';

export interface LayerTable {
  columns: string[];
  rows: Map<string, Map<string, string>>;
}

/** Reads the table whose header starts "from ↓ may import →" out of the architecture document. */
export function readLayerTable(markdown: string): LayerTable {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.includes('from ↓ may import →'));
  if (start < 0) throw new Error('docs/architecture.md has no layer table ("from ↓ may import →").');
  const cells = (line: string) =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((cell) => cell.trim());
  const columns = cells(lines[start]!).slice(1);
  const rows = new Map<string, Map<string, string>>();
  for (const line of lines.slice(start + 2)) {
    if (!line.trim().startsWith('|')) break;
    const [from, ...rest] = cells(line);
    rows.set(from!, new Map(columns.map((column, index) => [column, rest[index] ?? ''])));
  }
  return { columns, rows };
}

const columnOf = (layer: string) => (layer.startsWith('features/') ? 'features' : layer);
const rowOf = (layer: string) => (layer.startsWith('features/') ? 'features/X' : layer);

/** Whether `from` may import `to`, by the table; the cell's words decide the special cases. */
export function judge(table: LayerTable, fromFile: string, toFile: string): Verdict {
  const from = layerOf(fromFile);
  const to = layerOf(toFile);
  if (!from || !to) return 'forbidden';
  if (from === to) return 'same';
  const row = table.rows.get(rowOf(from));
  if (!row) return 'forbidden';
  const cell = row.get(columnOf(to)) ?? '';
  if (cell === '✓') return 'allowed';
  if (cell === 'only X') return 'forbidden'; // another feature: a feature never imports a sibling
  if (cell.startsWith('from `.ts` only')) return fromFile.endsWith('.tsx') ? 'forbidden' : 'allowed';
  if (cell === 'welcome only') return from === 'features/welcome' ? 'allowed' : 'forbidden';
  if (cell === 'its loader only') return /\/load[^/]*\.ts$/.test(fromFile) ? 'allowed' : 'forbidden';
  return 'forbidden';
}

const SOURCE = /\.(ts|tsx)$/;

export function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const relative = `${dir}/${name}`;
    if (statSync(path.join(ROOT, relative)).isDirectory()) found.push(...sourceFiles(relative));
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) found.push(relative);
  }
  return found;
}

/** The project files a file imports (relative imports only; packages are Biome's business). */
export function importsOf(file: string, text = readFileSync(path.join(ROOT, file), 'utf8')): string[] {
  const specifiers = ts.preProcessFile(text, true, true).importedFiles.map((entry) => entry.fileName);
  const workers = [...text.matchAll(/new URL\(\s*'(\.[^']+)'\s*,\s*import\.meta\.url/g)].map((m) => m[1]!);
  return [...specifiers, ...workers]
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => resolveImport(file, specifier));
}

export function resolveImport(file: string, specifier: string): string {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    const full = path.join(ROOT, candidate);
    if (existsSync(full) && statSync(full).isFile()) return candidate;
  }
  return base;
}

export interface Finding {
  from: string;
  to: string;
  why: string;
}

/** Every import that breaks the table. Files outside the layers are allowed only for package.json. */
export function forbiddenImports(table: LayerTable, edges: [string, string][]): Finding[] {
  const findings: Finding[] = [];
  for (const [from, to] of edges) {
    if (!SOURCE.test(to)) {
      if (to === 'package.json' || to.endsWith('.css') || to.endsWith('.json')) continue;
    }
    const verdict = judge(table, from, to);
    if (verdict === 'forbidden')
      findings.push({ from, to, why: `${layerOf(from) ?? from} may not import ${layerOf(to) ?? to}` });
  }
  return findings;
}

/**
 * Import cycles that cross folders: groups of files that import each other round in a circle, and
 * live in more than one folder. (A folder whose files merely use a sibling folder's base modules, as
 * domain/rules uses domain/calendar, is no cycle.)
 */
export function folderCycles(edges: [string, string][]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const [from, to] of edges) {
    if (!graph.has(from)) graph.set(from, new Set());
    if (!graph.has(to)) graph.set(to, new Set());
    graph.get(from)!.add(to);
  }
  // Tarjan's algorithm for strongly connected groups.
  let index = 0;
  const indexes = new Map<string, number>();
  const lowlinks = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    indexes.set(node, index);
    lowlinks.set(node, index);
    index++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indexes.has(next)) {
        visit(next);
        lowlinks.set(node, Math.min(lowlinks.get(node)!, lowlinks.get(next)!));
      } else if (onStack.has(next)) lowlinks.set(node, Math.min(lowlinks.get(node)!, indexes.get(next)!));
    }
    if (lowlinks.get(node) === indexes.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      const folders = new Set(group.map((file) => path.posix.dirname(file)));
      if (folders.size > 1) cycles.push(group.sort());
    }
  };
  for (const node of graph.keys()) if (!indexes.has(node)) visit(node);
  return cycles;
}

/** Every import edge of the project's renderer and Electron code. */
export function projectEdges(): [string, string][] {
  return [...sourceFiles('renderer'), ...sourceFiles('electron')].flatMap((file) =>
    importsOf(file).map((to): [string, string] => [file, to]),
  );
}
