import { getSettings, updateSettings } from '../../data/settings.repo';
import { loadSampleClinic } from '../../sample-clinic/load-sample-clinic';

/**
 * Loads the demo clinic (seed 1, so every manager sees the same one), marked as sample so that "Start for
 * real" removes it, and leaves the first-run welcome.
 */
export async function loadSampleData(): Promise<void> {
  await loadSampleClinic({ seed: 1, size: 'demo', asSample: true });
  const settings = await getSettings();
  if (!settings.onboarded) await updateSettings({ onboarded: true });
}
