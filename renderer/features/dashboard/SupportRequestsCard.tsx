import { formatDisplayDate } from '../../domain/date-format';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { useToast } from '../../ui/Toast';
import { useToastOnFailure } from '../../ui/useToastOnFailure';
import { supportRequestActions, useSupportRequests } from './useQuestionnaireTasks';

/**
 * Private tasks: people who asked the program manager to contact them after a well-being check. The
 * card names the person and the day, never their answers; it is not shown when there is none.
 */
export function SupportRequestsCard() {
  const requests = useSupportRequests();
  const { showToast } = useToast();
  const toastOnFailure = useToastOnFailure();
  if (!requests || requests.length === 0) return null;
  return (
    <Card title="Asked to be contacted" aside={<span className="badge badge--warn">{requests.length}</span>}>
      <p className="muted">Private: please get in touch with each of them yourself, in person or by phone.</p>
      <ul className="row-list" aria-label="Asked to be contacted">
        {requests.map((request) => (
          <li key={request.id} className="row">
            <div>
              <strong>{request.personName}</strong> asked to be contacted
              <span className="muted"> · {formatDisplayDate(request.requestedOn)}</span>
            </div>
            <Button
              onClick={async () => {
                if (await toastOnFailure(() => supportRequestActions.markDone(request.id)))
                  showToast(`Marked as contacted: ${request.personName}.`);
              }}
            >
              Mark {request.personName} as contacted
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
}
