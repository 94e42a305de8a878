import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './layers';

// Biome keeps the package bans. Each override replaces the bans of the ones before it for the files it
// matches, so these probes lint small files placed where the project's own files live, with the
// project's own biome.json, in a scratch folder (never in the source tree).

const biome = path.join(ROOT, 'node_modules/@biomejs/biome/bin/biome');
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'layer-probe-'));
  const config = JSON.parse(readFileSync(path.join(ROOT, 'biome.json'), 'utf8'));
  delete config.$schema;
  config.vcs = { enabled: false };
  config.files = { includes: ['**'] };
  writeFileSync(path.join(scratch, 'biome.json'), JSON.stringify(config));
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function lint(file: string, source: string): string[] {
  const full = path.join(scratch, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, source);
  let output: string;
  try {
    output = execFileSync(process.execPath, [biome, 'lint', '--reporter=json', file], {
      cwd: scratch,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    output = (error as { stdout: string }).stdout;
  }
  const report = JSON.parse(output) as { diagnostics: { category: string }[] };
  return report.diagnostics
    .map((diagnostic) => diagnostic.category)
    .filter((c) => c.includes('noRestrictedImports'));
}

const uses = (name: string) => `import * as probe from '${name}';\nexport const used = probe;\n`;

describe('package bans in biome.json', () => {
  it('keep React, Dexie, Electron and Node out of domain code', () => {
    for (const name of ['react', 'dexie', 'electron', 'node:fs'])
      expect(lint(`renderer/domain/probe-${name.replace(':', '-')}.ts`, uses(name))).toHaveLength(1);
  });

  it('keep Dexie, Electron and Node out of features, the shell and ui', () => {
    expect(lint('renderer/features/people/Probe.tsx', uses('dexie'))).toHaveLength(1);
    expect(lint('renderer/app/probe.ts', uses('electron'))).toHaveLength(1);
    expect(lint('renderer/ui/probe.ts', uses('node:path'))).toHaveLength(1);
  });

  it('keep Electron and Node out of every renderer folder, and allow Dexie in repositories', () => {
    expect(lint('renderer/data/probe.ts', uses('electron'))).toHaveLength(1);
    expect(lint('renderer/hooks/probe.ts', uses('fs'))).toHaveLength(1);
    expect(lint('renderer/data/probe-dexie.ts', uses('dexie'))).toEqual([]);
  });

  it('keep React out of the main process and Node out of the IPC contract', () => {
    expect(lint('electron/main/probe.ts', uses('react'))).toHaveLength(1);
    expect(lint('electron/shared/probe.ts', uses('node:fs'))).toHaveLength(1);
    expect(lint('electron/main/probe-fs.ts', uses('node:fs'))).toEqual([]);
  });
});
