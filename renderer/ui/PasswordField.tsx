import { FieldFrame } from './Field';

/** A labelled passphrase input; the text is never shown, logged or kept beyond the screen. */
export function PasswordField({
  label,
  value,
  onChange,
  hint,
  error,
  autoComplete = 'off',
  autoFocus,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string | null;
  autoComplete?: string;
  autoFocus?: boolean;
}) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {({ inputId, describedBy, invalid }) => (
        <input
          id={inputId}
          type="password"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          autoComplete={autoComplete}
          // biome-ignore lint/a11y/noAutofocus: the field appears in answer to the manager's own click.
          autoFocus={autoFocus}
          spellCheck={false}
        />
      )}
    </FieldFrame>
  );
}
