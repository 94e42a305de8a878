import { useState } from 'react';
import { IDLE_LOCK_MINUTES } from '../../domain/rules';
import { type ClinicSettings, PAPER_SIZES, type PaperSize } from '../../domain/types';
import { settingsActions } from '../../hooks/useSettings';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormError, SelectField, TextField } from '../../ui/Field';
import { useToast } from '../../ui/Toast';
import { useSaveForm } from './useSaveForm';

const PAPER_OPTIONS = PAPER_SIZES.map((value) => ({
  value,
  label: value === 'Letter' ? 'US Letter' : value,
}));

export function ClinicSection({ settings }: { settings: ClinicSettings }) {
  const [clinicName, setClinicName] = useState(settings.clinicName);
  const [paperSize, setPaperSize] = useState<PaperSize>(settings.paperSize);
  const [warnDays, setWarnDays] = useState(String(settings.backupWarnDays));
  const [idleMinutes, setIdleMinutes] = useState(
    String(settings.idleLockMinutes ?? IDLE_LOCK_MINUTES.default),
  );
  const { showToast } = useToast();
  const { formRef, errors, submit } = useSaveForm(async () => {
    const backupWarnDays = warnDays.trim() === '' ? Number.NaN : Number(warnDays);
    const idleLockMinutes = idleMinutes.trim() === '' ? Number.NaN : Number(idleMinutes);
    await settingsActions.update({ clinicName, paperSize, backupWarnDays, idleLockMinutes });
    showToast('Settings saved.');
  });

  return (
    <Card title="Clinic">
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <FormError message={errors.form} />
        <div className="form-grid">
          <TextField
            label="Clinic name"
            value={clinicName}
            onChange={setClinicName}
            error={errors.fields.clinicName}
            autoComplete="organization"
          />
          <SelectField
            label="Paper size for reports"
            value={paperSize}
            onChange={(value) => setPaperSize(value as PaperSize)}
            options={PAPER_OPTIONS}
            error={errors.fields.paperSize}
          />
          <TextField
            label="Backup reminder after (days)"
            type="number"
            min={1}
            max={365}
            value={warnDays}
            onChange={setWarnDays}
            error={errors.fields.backupWarnDays}
          />
          <TextField
            label="Lock after minutes without use"
            type="number"
            min={IDLE_LOCK_MINUTES.min}
            max={IDLE_LOCK_MINUTES.max}
            value={idleMinutes}
            onChange={setIdleMinutes}
            hint={`With the clinic lock on: ${IDLE_LOCK_MINUTES.min} to ${IDLE_LOCK_MINUTES.max} minutes.`}
            error={errors.fields.idleLockMinutes}
          />
        </div>
        <Button type="submit" variant="primary">
          Save clinic settings
        </Button>
      </form>
    </Card>
  );
}
