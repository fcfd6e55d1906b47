import { useState } from 'react';
import { dataKey, useT } from '../app/useT';
import { formatTime } from '#shared/format/vietnamese';
import { api } from '../api/client';
import { useErrorText } from '../app/errors';
import { useQuery } from '../app/useQuery';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { Notice } from '../ui/Notice';

/** The desk's way to void a flood of numbers one device took (a script on the Wi-Fi). */
export function FloodControl() {
  const { t } = useT('security');
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const groups = useQuery('queue.waitingBySource', {}, { refreshOn: ['queue.changed'], enabled: open });
  const label = (source: string) =>
    source.startsWith('lan-') ? t('flood.lan', { tag: source.slice(4) }) : t(dataKey(`flood.${source}`));
  const voidGroup = async (source: string) => {
    try {
      const { voided } = await api.call('queue.voidWaiting', { source, since: null });
      setMessage({ tone: 'success', text: t('flood.voided', { count: voided }) });
    } catch (error) {
      setMessage({ tone: 'error', text: errorText(error) });
    }
    groups.reload();
  };
  return (
    <>
      <Button
        variant="ghost"
        onClick={() => {
          setMessage(null);
          setOpen(true);
        }}
      >
        {t('flood.open')}
      </Button>
      <Dialog
        title={t('flood.title')}
        open={open}
        onClose={() => setOpen(false)}
        footer={
          <Button variant="secondary" onClick={() => setOpen(false)}>
            {t('common:actions.close')}
          </Button>
        }
      >
        <p>{t('flood.intro')}</p>
        {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
        {groups.data?.length === 0 ? <p>{t('flood.none')}</p> : null}
        <ul>
          {groups.data?.map((g) => (
            <li key={g.source}>
              <strong>{label(g.source)}</strong>:{' '}
              {t('flood.group', {
                count: g.count,
                priority: g.priority,
                first: g.first.number,
                firstAt: formatTime(g.first.at),
                last: g.last.number,
                lastAt: formatTime(g.last.at),
              })}{' '}
              <Button variant="danger" onClick={() => void voidGroup(g.source)}>
                {t('flood.void', { count: g.count })}
              </Button>
            </li>
          ))}
        </ul>
      </Dialog>
    </>
  );
}
