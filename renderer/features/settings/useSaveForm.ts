import { type FormEvent, type RefObject, useRef } from 'react';
import { type FormErrors, useFormErrors } from '../../ui/useFormErrors';

/**
 * A settings form's submit: the last attempt's messages cleared, then `save`; when it fails, its
 * messages go next to their fields (or above the form) and focus to the first field in error.
 */
export function useSaveForm(save: () => Promise<void>): {
  formRef: RefObject<HTMLFormElement | null>;
  errors: FormErrors;
  submit: (event: FormEvent) => Promise<void>;
} {
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);

  async function submit(event: FormEvent) {
    event.preventDefault();
    errors.clear();
    try {
      await save();
    } catch (error) {
      errors.show(error);
    }
  }

  return { formRef, errors, submit };
}
