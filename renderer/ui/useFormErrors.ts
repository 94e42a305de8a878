import { type RefObject, useCallback, useEffect, useState } from 'react';
import { describeError } from './errors';

export interface FormErrors {
  /** Messages by field name, shown next to their fields. */
  fields: Record<string, string>;
  /** A message about the whole form, when the rule named no field. */
  form: string | null;
  /** Puts a failed save's message next to its field, or above the form. */
  show: (error: unknown, doing?: string) => void;
  setField: (field: string, message: string) => void;
  clear: () => void;
  /**
   * Whether every date field of the form holds a whole date or nothing. A date typed in part (a day and
   * a month, no year) reads as empty to the page, so saving would drop it without a word: instead this
   * says which date is incomplete, above the form, and puts the cursor in it. Call it before saving.
   */
  datesComplete: () => boolean;
  /**
   * The start of every save: clears the messages of the last try, then checks the dates (datesComplete).
   * False when a date is typed in part: the save stops there, its message shown.
   */
  beginSave: () => boolean;
}

/**
 * Error messages for a form, every broken rule at once; after a failed save, focus moves to the first
 * field in error.
 * A group of tick boxes or radio buttons in error marks itself with data-field-error and tabIndex -1.
 */
export function useFormErrors(formRef: RefObject<HTMLFormElement | null>): FormErrors {
  const [fields, setFields] = useState<Record<string, string>>({});
  const [form, setForm] = useState<string | null>(null);

  const show = useCallback((error: unknown, doing?: string) => {
    const info = describeError(error, doing);
    if (info.fields && Object.keys(info.fields).length > 0) {
      // Every broken rule next to its field at once, so the manager fixes them in one pass.
      setFields(info.fields);
      setForm(info.unplaced && info.unplaced.length > 0 ? info.unplaced.join(' ') : null);
    } else if (info.field) {
      setFields({ [info.field]: info.message });
      setForm(null);
    } else {
      setFields({});
      setForm(info.message);
    }
  }, []);
  const setField = useCallback((field: string, message: string) => {
    setFields((current) => ({ ...current, [field]: message }));
  }, []);
  const clear = useCallback(() => {
    setFields({});
    setForm(null);
  }, []);

  const datesComplete = useCallback(() => {
    const dates = formRef.current?.querySelectorAll<HTMLInputElement>('input[type="date"]') ?? [];
    const incomplete = [...dates].filter((input) => input.validity.badInput);
    if (incomplete.length === 0) return true;
    const named = incomplete.map((input) => input.labels?.[0]?.textContent?.trim() || 'A date');
    setFields({});
    setForm(
      named
        .map((name) => `${name} is incomplete: type the day, the month and the year, or clear it.`)
        .join(' '),
    );
    incomplete[0]?.focus();
    return false;
  }, [formRef]);

  const beginSave = useCallback(() => {
    clear();
    return datesComplete();
  }, [clear, datesComplete]);

  useEffect(() => {
    const messages = Object.values(fields);
    if (messages.length === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-field-error]');
    if (invalid) invalid.focus();
    // A rule about a field this form does not show still has to be read: show it above the form.
    else setForm(messages.join(' '));
  }, [fields, formRef]);

  return { fields, form, show, setField, clear, datesComplete, beginSave };
}
