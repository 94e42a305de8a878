import type { SupportContacts } from '../../domain/questionnaires/types';
import { Button } from '../../ui/Button';

const CONTACTS: { key: keyof SupportContacts; label: string }[] = [
  { key: 'assistanceProgram', label: 'Employee assistance program' },
  { key: 'occupationalHealth', label: 'Occupational health' },
  { key: 'crisisLine', label: 'Crisis line' },
];

/**
 * Shown at once after a high burnout answer, before anything is saved: the clinic's own contacts, and
 * the question whether the program manager may get in touch. Only a "yes" reaches the manager.
 */
export function SupportStep({
  contacts,
  busy,
  onAnswer,
}: {
  contacts: SupportContacts;
  busy: boolean;
  onAnswer: (wantsContact: boolean) => void;
}) {
  const listed = CONTACTS.filter((contact) => contacts[contact.key].trim() !== '');
  return (
    <>
      <p>
        Thank you for answering honestly. What you describe sounds hard, and you do not have to carry it
        alone. Talking to someone can help, and it is confidential.
      </p>
      {listed.length > 0 ? (
        <dl className="support-contacts" aria-label="Support contacts">
          {listed.map((contact) => (
            <div key={contact.key}>
              <dt>{contact.label}</dt>
              <dd>{contacts[contact.key]}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>Your own doctor can help you find support.</p>
      )}
      <p>If you ever feel you might harm yourself, call your local emergency number now.</p>
      <h2 className="support-question">Would you like the program manager to contact you?</h2>
      <p>
        If you say yes, they will only see that you asked to be contacted, never your answers. If you say no,
        nobody is told anything.
      </p>
      <div className="button-row">
        <Button variant="primary" disabled={busy} onClick={() => onAnswer(true)}>
          Yes, please contact me
        </Button>
        <Button disabled={busy} onClick={() => onAnswer(false)}>
          No, thank you
        </Button>
      </div>
    </>
  );
}
