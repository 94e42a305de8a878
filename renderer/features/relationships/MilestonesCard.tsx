import { useState } from 'react';
import { todayIso } from '../../domain/calendar';
import { formatDisplayDate } from '../../domain/date-format';
import { debriefStatus, describeDebriefStatus } from '../../domain/milestones';
import type { Relationship } from '../../domain/types';
import {
  type MilestoneWithDebrief,
  milestoneActions,
  useMilestonesForRelationship,
  useMilestoneTypes,
} from '../../hooks/useMilestones';
import { Button, ButtonLink } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { useToast } from '../../ui/Toast';
import { UnreadableNotice } from '../../ui/UnreadableNotice';
import { useToastOnFailure } from '../../ui/useToastOnFailure';
import { RecordMilestoneDialog } from './RecordMilestoneDialog';

/** The mentee's firsts this pairing should debrief, each with where its debrief stands. */
export function MilestonesCard({
  relationship,
  menteeName,
}: {
  relationship: Relationship;
  menteeName: string;
}) {
  const milestones = useMilestonesForRelationship(relationship.id);
  const types = useMilestoneTypes();
  const [recording, setRecording] = useState(false);
  const [deleting, setDeleting] = useState<MilestoneWithDebrief | null>(null);
  const toastOnFailure = useToastOnFailure();
  const { showToast } = useToast();
  const canDebrief = relationship.status === 'active' || relationship.status === 'paused';
  const labels = new Map(types?.map((type) => [type.id, type.label]));
  const labelOf = (milestone: MilestoneWithDebrief) =>
    labels.get(milestone.typeId) ?? 'A milestone no longer listed';
  const today = todayIso();
  const open = milestones?.filter((milestone) => !milestone.debrief).length ?? 0;

  return (
    <Card
      title="Milestones"
      aside={
        <>
          {milestones && milestones.length > 0 && <span className="badge">{open} to debrief</span>}
          {canDebrief && (
            <Button className="button--small" onClick={() => setRecording(true)}>
              Record a milestone
            </Button>
          )}
        </>
      }
    >
      {recording && (
        <RecordMilestoneDialog
          relationship={relationship}
          menteeName={menteeName}
          onClose={() => setRecording(false)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete this milestone?"
          message={`"${labelOf(deleting)}" of ${formatDisplayDate(deleting.date)} leaves this pairing, the dashboard and the reports.${deleting.debrief ? ' The debrief meeting stays, as an ordinary meeting.' : ''}`}
          confirmLabel="Delete milestone"
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            const done = await toastOnFailure(() => milestoneActions.remove(deleting.id));
            setDeleting(null);
            if (done) showToast('The milestone was deleted.');
          }}
        />
      )}
      {!milestones || !types ? (
        <Loading />
      ) : milestones.length === 0 ? (
        <EmptyState title="No milestone recorded yet.">
          {canDebrief
            ? `When ${menteeName} has a first that deserves a conversation (a first operation, a first night in charge, a first patient death), record it here: the dashboard then shows the debrief as due until it is logged.`
            : 'This pairing has ended, so it no longer debriefs milestones.'}
        </EmptyState>
      ) : (
        <ul className="row-list" aria-label="Milestones of this pairing">
          {milestones.map((milestone) => {
            const status = debriefStatus(milestone, milestone.debrief?.date ?? null, today);
            const label = labelOf(milestone);
            return (
              <li key={milestone.id}>
                <div>
                  <strong>{label}</strong>{' '}
                  <span className="muted">· {formatDisplayDate(milestone.date)}</span>
                  <UnreadableNotice table="milestones" record={milestone} what="this milestone" />
                  <div>{milestone.description}</div>
                  <div className="muted">
                    {status.kind === 'overdue' && <span className="badge badge--warn">Overdue</span>}{' '}
                    {describeDebriefStatus(status, formatDisplayDate)}
                  </div>
                </div>
                <span className="button-row">
                  {!milestone.debrief && canDebrief && (
                    <ButtonLink
                      to={`/meetings/new?relationship=${relationship.id}&milestone=${milestone.id}`}
                      className="button--small"
                      aria-label={`Log the debrief of ${label}`}
                    >
                      Log the debrief
                    </ButtonLink>
                  )}
                  <Button
                    variant="quiet"
                    className="button--small"
                    onClick={() => setDeleting(milestone)}
                    aria-label={`Delete ${label} of ${formatDisplayDate(milestone.date)}`}
                  >
                    Delete
                  </Button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
