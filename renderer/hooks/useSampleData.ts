import { useLiveQuery } from 'dexie-react-hooks';
import { hasSampleData, removeSampleData } from '../data/sample-records.repo';

/** Whether the sample clinic is still here; undefined while loading. */
export function useHasSampleData(): boolean | undefined {
  return useLiveQuery(() => hasSampleData(), []);
}

const sampleDataActions = { removeSampleData };

/** "Start for real": removes the sample records and names the clinic. */
export function useSampleDataActions(): typeof sampleDataActions {
  return sampleDataActions;
}
