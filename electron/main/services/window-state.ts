import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { writeFileAtomically } from './atomic-write';

const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 };
// At least this much of the title bar must be on a screen for a remembered position to be used.
const MIN_VISIBLE = { width: 120, height: 40 };

/** What the window should open with: the remembered bounds when readable and on a screen, else defaults. */
export function loadWindowState(
  file: string,
  workAreas: readonly Rectangle[],
): Partial<Rectangle> & { width: number; height: number; maximized: boolean } {
  let saved: WindowState;
  try {
    saved = windowStateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return { ...DEFAULT_WINDOW_SIZE, maximized: false };
  }
  if (!workAreas.some((area) => titleBarVisibleOn(saved, area))) {
    return { ...DEFAULT_WINDOW_SIZE, maximized: saved.maximized };
  }
  return saved;
}

function titleBarVisibleOn(bounds: Rectangle, area: Rectangle): boolean {
  const left = Math.max(bounds.x, area.x);
  const right = Math.min(bounds.x + bounds.width, area.x + area.width);
  const top = Math.max(bounds.y, area.y);
  const bottom = Math.min(bounds.y + MIN_VISIBLE.height, area.y + area.height);
  return right - left >= MIN_VISIBLE.width && bottom - top >= MIN_VISIBLE.height;
}

export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomically(file, JSON.stringify(windowStateSchema.parse(state)));
}
