import { join } from 'node:path';

// The name decides where the clinic's data lives on disk; it must never follow the package name.
export const APP_NAME = 'Guiding Hands';

export function userDataPathFor(appDataPath: string): string {
  return join(appDataPath, APP_NAME);
}
