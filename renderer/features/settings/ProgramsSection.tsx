import { useState } from 'react';
import type { Program } from '../../domain/types';
import { programActions, usePrograms } from '../../hooks/usePrograms';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { useToast } from '../../ui/Toast';
import { useToastOnFailure } from '../../ui/useToastOnFailure';
import { ProgramForm } from './ProgramForm';
import { ArchiveButton, ChangeButton } from './SettingsButtons';

/** Programs: what each pairing belongs to, with the meeting rhythm the dashboard checks against. */
export function ProgramsSection() {
  const programs = usePrograms();
  const [editing, setEditing] = useState<Program | 'new' | null>(null);
  const { showToast } = useToast();
  const toastOnFailure = useToastOnFailure();

  async function toggleArchive(program: Program) {
    if (await toastOnFailure(() => programActions.archive(program.id, !program.archived)))
      showToast(program.archived ? `${program.name} is offered again.` : `${program.name} was archived.`);
  }

  return (
    <Card
      title="Programs"
      aside={editing === null && <Button onClick={() => setEditing('new')}>Add a program</Button>}
    >
      {editing !== null && (
        <ProgramForm
          key={editing === 'new' ? 'new' : editing.id}
          program={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
      {!programs ? (
        <Loading />
      ) : programs.length === 0 ? (
        <EmptyState title="No programs yet.">
          Add one to start pairing, for example "New-graduate nurse residency", meeting every 14 days for 12
          months.
        </EmptyState>
      ) : (
        <ul className="row-list" aria-label="Programs">
          {programs.map((program) => (
            <li key={program.id}>
              <div>
                <strong>{program.name}</strong> {program.archived && <span className="badge">Archived</span>}
                <div className="muted">
                  Meets every {program.cadenceDays} days · usually {program.typicalLengthMonths} months
                </div>
              </div>
              <div className="button-row">
                <ChangeButton action="Edit" name={program.name} onClick={() => setEditing(program)} />
                <ArchiveButton
                  archived={program.archived}
                  name={program.name}
                  onToggle={() => toggleArchive(program)}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
