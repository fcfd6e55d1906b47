import { useT } from '../app/useT';
import { useQuery } from '../app/useQuery';
import { Notice } from '../ui/Notice';

/**
 * Shown on the staff home and the uploads screen while the province cannot receive anything:
 * no province key (nothing can be sealed), or batches that failed to go.
 */
export function ProvinceWarning({ link = true }: { link?: boolean }) {
  const { t } = useT('uploads');
  const state = useQuery('uploads.readiness', {}, { refreshOn: ['uploads.changed', 'settings.changed'] });
  if (!state.data) return null;
  const messages = [
    ...(!state.data.provinceKey ? [t('warnings.noKey')] : []),
    ...(state.data.failed > 0 ? [t('warnings.failed', { count: state.data.failed })] : []),
  ];
  if (messages.length === 0) return null;
  return (
    <Notice tone="warning">
      {messages.map((m) => (
        <span key={m} className="warning-line">
          {m}{' '}
        </span>
      ))}
      {link ? <a href="#/staff/uploads">{t('warnings.openUploads')}</a> : null}
    </Notice>
  );
}
