import { type FormEvent, useRef, useState } from 'react';
import { EMPTY_SUPPORT_CONTACTS } from '../../domain/questionnaires/types';
import type { ClinicSettings } from '../../domain/types';
import { settingsActions } from '../../hooks/useSettings';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormError, TextAreaField } from '../../ui/Field';
import { useToast } from '../../ui/Toast';
import { useFormErrors } from '../../ui/useFormErrors';

/**
 * The clinic's own support contacts. A person whose well-being check shows high burnout sees them at
 * once, on the questionnaire screen; until they are filled in, that screen can only suggest a doctor.
 */
export function WellbeingSection({ settings }: { settings: ClinicSettings }) {
  const saved = settings.supportContacts ?? EMPTY_SUPPORT_CONTACTS;
  const [contacts, setContacts] = useState(saved);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const { showToast } = useToast();
  const empty = !saved.assistanceProgram && !saved.occupationalHealth && !saved.crisisLine;

  async function submit(event: FormEvent) {
    event.preventDefault();
    errors.clear();
    try {
      await settingsActions.update({ supportContacts: contacts });
      showToast('Support contacts saved.');
    } catch (error) {
      errors.show(error);
    }
  }

  const field = (key: keyof typeof contacts, label: string, hint: string) => (
    <TextAreaField
      label={label}
      hint={hint}
      rows={2}
      value={contacts[key]}
      onChange={(value) => setContacts((current) => ({ ...current, [key]: value }))}
      error={errors.fields[`supportContacts.${key}`]}
    />
  );

  return (
    <Card title="Well-being support">
      {empty && (
        <p className="notice" role="note">
          Please fill in your clinic's support contacts. They are shown at once, in kind words, to anyone
          whose well-being check shows high burnout. Until then, that person is only told to see a doctor.
        </p>
      )}
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <FormError message={errors.form} />
        {field('assistanceProgram', 'Employee assistance program', 'Name, phone number and hours.')}
        {field('occupationalHealth', 'Occupational health', 'Who to contact, and how.')}
        {field('crisisLine', 'Crisis line', 'A line that answers day and night.')}
        <Button type="submit" variant="primary">
          Save support contacts
        </Button>
      </form>
    </Card>
  );
}
