import { SESSION_RATING } from '../../domain/questionnaires/built-in';
import type { Relationship } from '../../domain/types';
import { handOverActions } from '../../hooks/useHandOver';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';

/** After a meeting: the one-minute session rating, handed to the mentee or the mentor in private. */
export function SessionRatingCard({
  relationship,
  names,
}: {
  relationship: Pick<Relationship, 'id' | 'mentorId' | 'menteeId'>;
  names: { mentor: string; mentee: string };
}) {
  const start = (personId: string) =>
    handOverActions.start({
      questionnaireId: SESSION_RATING.id,
      personId,
      relationshipId: relationship.id,
      checkpoint: null,
    });
  return (
    <Card title="Session rating">
      <p>
        Three quick questions about the meeting just held, answered in private. Turn the screen to the person
        once you start.
      </p>
      <div className="button-row">
        <Button onClick={() => start(relationship.menteeId)}>Hand over to {names.mentee}</Button>
        <Button onClick={() => start(relationship.mentorId)}>Hand over to {names.mentor}</Button>
      </div>
    </Card>
  );
}
