import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { listPrograms } from '../../data/programs.repo';
import type { Id, Program } from '../../domain/types';

/** Every program, archived included; undefined while loading. */
export function usePrograms(): Program[] | undefined {
  return useLiveQuery(() => listPrograms(), []);
}

export function useProgramsById(): Map<Id, Program> | undefined {
  const programs = usePrograms();
  return useMemo(
    () => (programs ? new Map(programs.map((program) => [program.id, program])) : undefined),
    [programs],
  );
}
