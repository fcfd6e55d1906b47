import { useState } from 'react';
import { useT } from '../app/useT';
import { documentSettings, type DocumentSettings } from '#shared/reports/documents';
import { api } from '../api/client';
import { useErrorText } from '../app/errors';
import { Button } from '../ui/Button';
import { FieldShell, TextField } from '../ui/Field';
import { Notice } from '../ui/Notice';

type Draft = {
  reportCode: string;
  recipients: string;
  copies: string;
  signerAuthority: string;
  signerTitle: string;
  signerName: string;
};
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const toDraft = (s: DocumentSettings): Draft => ({
  ...s,
  recipients: s.recipients.join('\n'),
  copies: s.copies.join('\n'),
  signerAuthority: s.signerAuthority.join('\n'),
});

/**
 * The report's code, "Kính gửi", "Nơi nhận" and signer, saved through the contract. Checked with
 * the gate's own schema, so a problem shows beside its field before anything is sent.
 */
export function DocumentSettingsForm({
  current,
  onDone,
}: {
  current: DocumentSettings;
  onDone: (message: string) => void;
}) {
  const { t } = useT('reports');
  const errorText = useErrorText();
  const [draft, setDraft] = useState<Draft>(() => toDraft(current));
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const save = async () => {
    const parsed = documentSettings.safeParse({
      ...draft,
      recipients: lines(draft.recipients),
      copies: lines(draft.copies),
      signerAuthority: lines(draft.signerAuthority),
    });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    try {
      await api.call('reports.updateDocumentSettings', parsed.data);
      onDone(t('documents.saved'));
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  const area = (key: 'recipients' | 'copies' | 'signerAuthority', rows: number) => (
    <FieldShell label={t(`documents.${key}`)} error={errors[key]}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          rows={rows}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          value={draft[key]}
          onChange={(e) => set(key)(e.target.value)}
        />
      )}
    </FieldShell>
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      noValidate
      className="document-settings"
    >
      <p>{t('documents.intro')}</p>
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      <TextField
        label={t('documents.reportCode')}
        value={draft.reportCode}
        error={errors.reportCode}
        onChange={(e) => set('reportCode')(e.target.value)}
      />
      {area('recipients', 2)}
      {area('copies', 3)}
      {area('signerAuthority', 2)}
      <div className="field-row">
        <TextField
          label={t('documents.signerTitle')}
          required
          value={draft.signerTitle}
          error={errors.signerTitle}
          onChange={(e) => set('signerTitle')(e.target.value)}
        />
        <TextField
          label={t('documents.signerName')}
          value={draft.signerName}
          error={errors.signerName}
          onChange={(e) => set('signerName')(e.target.value)}
        />
      </div>
      <div className="dialog-footer">
        <Button variant="secondary" onClick={() => onDone('')}>
          {t('common:actions.cancel')}
        </Button>
        <Button type="submit">{t('common:actions.save')}</Button>
      </div>
    </form>
  );
}
