import { useLiveQuery } from 'dexie-react-hooks';
import { hasSampleData, removeSampleData } from '../data/sample-records.repo';

/** Whether the sample clinic is still here; undefined while loading. */
export function useHasSampleData(): boolean | undefined {
  return useLiveQuery(() => hasSampleData(), []);
}

/** "Start for real": removes the sample records and names the clinic. A plain object, not a hook. */
export const sampleDataActions = { removeSampleData };
