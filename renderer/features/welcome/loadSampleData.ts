import { getSettings, updateSettings } from '../../data/settings.repo';
import { loadSampleClinic } from '../../sample-clinic/load-sample-clinic';

/** Loads the demo clinic (seed 1, so every manager sees the same one) and leaves the first-run welcome. */
export async function loadSampleData(): Promise<void> {
  await loadSampleClinic({ seed: 1, size: 'demo' });
  const settings = await getSettings();
  if (!settings.onboarded) await updateSettings({ onboarded: true });
}
