import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { archiveProgram, createProgram, listPrograms, updateProgram } from '../data/programs.repo';
import type { Id, Program } from '../domain/types';

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

// Plain objects, not hooks: the same object on every render, so effects that use them never rerun.
/** Adding, editing and archiving programs. */
export const programActions = {
  create: createProgram,
  update: updateProgram,
  /** Archives a program, or with `false` offers it for new pairings again. */
  archive: archiveProgram,
};
