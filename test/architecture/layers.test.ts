import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  folderCycles,
  forbiddenImports,
  importsOf,
  judge,
  projectEdges,
  ROOT,
  readLayerTable,
  sourceFiles,
} from './layers';

const table = readLayerTable(readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8'));
const report = (findings: { from: string; to: string; why: string }[]) =>
  findings.map((finding) => `${finding.from} → ${finding.to}: ${finding.why}`);

describe('the layer table of docs/architecture.md', () => {
  it('is obeyed by every import in renderer/ and electron/', () => {
    expect(report(forbiddenImports(table, projectEdges()))).toEqual([]);
  });

  it('leaves no cycle between folders', () => {
    expect(folderCycles(projectEdges())).toEqual([]);
  });
});

describe('the architecture check itself', () => {
  const bad = (from: string, to: string) => report(forbiddenImports(table, [[from, to]]));

  it('refuses data importing the shell or a feature', () => {
    expect(bad('renderer/data/people.repo.ts', 'renderer/app/App.tsx')).toHaveLength(1);
    expect(bad('renderer/data/people.repo.ts', 'renderer/features/people/PeopleScreen.tsx')).toHaveLength(1);
  });

  it('refuses the main process importing the renderer, and allows the contract', () => {
    expect(bad('electron/main/index.ts', 'renderer/domain/calendar.ts')).toHaveLength(1);
    expect(bad('electron/preload/index.ts', 'renderer/platform/platform.ts')).toHaveLength(1);
    expect(bad('electron/main/ipc/files.ts', 'electron/shared/ipc.ts')).toEqual([]);
  });

  it('refuses one feature importing another, and allows a feature its own files', () => {
    expect(
      bad('renderer/features/meetings/MeetingForm.tsx', 'renderer/features/people/PersonForm.tsx'),
    ).toHaveLength(1);
    expect(
      bad('renderer/features/meetings/MeetingForm.tsx', 'renderer/features/meetings/TopicChips.tsx'),
    ).toEqual([]);
  });

  it('lets feature hooks call repositories, but not feature components', () => {
    expect(bad('renderer/features/dashboard/useDashboard.ts', 'renderer/data/dashboard.repo.ts')).toEqual([]);
    expect(
      bad('renderer/features/dashboard/DashboardScreen.tsx', 'renderer/data/dashboard.repo.ts'),
    ).toHaveLength(1);
  });

  it('keeps domain pure and the sample clinic for the welcome screen', () => {
    expect(bad('renderer/domain/cadence.ts', 'renderer/ui/Toast.tsx')).toHaveLength(1);
    expect(bad('renderer/domain/cadence.ts', 'renderer/domain/calendar.ts')).toEqual([]);
    expect(bad('renderer/features/welcome/WelcomeScreen.tsx', 'renderer/sample-clinic/index.ts')).toEqual([]);
    expect(
      bad('renderer/features/dashboard/DashboardScreen.tsx', 'renderer/sample-clinic/index.ts'),
    ).toHaveLength(1);
  });

  it('lets the renderer reach the IPC contract only through platform', () => {
    expect(bad('renderer/platform/platform.ts', 'electron/shared/ipc.ts')).toEqual([]);
    expect(bad('renderer/features/backup/AutoBackupCard.tsx', 'electron/shared/ipc.ts')).toHaveLength(1);
  });

  it('resolves imports written in any form, dynamic ones included', () => {
    const imports = importsOf(
      'renderer/features/x/Thing.tsx',
      "import a from '../../domain/calendar';\nexport * from './b';\nconst c = await import('../../data/db');",
    );
    expect(imports).toEqual(['renderer/domain/calendar.ts', 'renderer/features/x/b', 'renderer/data/db.ts']);
    expect(judge(table, 'renderer/features/x/Thing.tsx', 'renderer/data/db.ts')).toBe('forbidden');
  });

  it('finds an import cycle that crosses folders, and no cycle where imports go one way', () => {
    expect(
      folderCycles([
        ['renderer/a/one.ts', 'renderer/b/two.ts'],
        ['renderer/b/two.ts', 'renderer/a/three.ts'],
        ['renderer/a/three.ts', 'renderer/a/one.ts'],
      ]),
    ).toEqual([['renderer/a/one.ts', 'renderer/a/three.ts', 'renderer/b/two.ts']]);
    expect(folderCycles([['renderer/a/one.ts', 'renderer/b/two.ts']])).toEqual([]);
  });
});

describe('the TypeScript projects', () => {
  const project = (name: string) => JSON.parse(readFileSync(path.join(ROOT, name), 'utf8'));

  it('give the renderer no Node types and the main process no DOM types', () => {
    const renderer = project('tsconfig.json');
    expect(renderer.compilerOptions.types).not.toContain('node');
    expect(renderer.include).toEqual(['renderer', 'electron/shared']);
    const main = project('tsconfig.electron.json');
    expect(main.compilerOptions.lib.some((lib: string) => lib.startsWith('DOM'))).toBe(false);
    expect(main.include).toEqual(['electron']);
  });

  it('check tests, benchmarks and configuration files in a project of their own', () => {
    expect(project('tsconfig.test.json').include).toEqual(
      expect.arrayContaining(['test', 'bench', 'vite.config.ts', 'vitest.config.ts', 'playwright.config.ts']),
    );
  });
});

describe('file names', () => {
  it('follow one scheme: components PascalCase.tsx, hooks useX, every other module kebab-case', () => {
    const misnamed = [...sourceFiles('renderer'), ...sourceFiles('electron')].filter((file) => {
      const name = path.posix.basename(file);
      if (/^use[A-Z][A-Za-z]*\.tsx?$/.test(name)) return false;
      if (/^[A-Z][A-Za-z]*\.tsx$/.test(name)) return false;
      return !/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z]+)?\.tsx?$/.test(name);
    });
    expect(misnamed).toEqual([]);
  });
});
