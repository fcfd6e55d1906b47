import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../shared/format/vietnamese';
import { api } from '../api/client';
import { useQuery } from '../app/useQuery';
import { Button } from '../ui/Button';
import { Announcer, type VoiceMode } from './announcer';
import { QueueIcon } from './icons';
import './queue.css';

/**
 * The calling board for a TV or second screen: the number being called and its desk, large;
 * the last calls; how many wait per kind of help. Numbers and desks only, never a name.
 */
export function Board() {
  const { t } = useTranslation('queue');
  const board = useQuery('queue.board', {}, { refreshOn: ['queue.changed', 'queue.called', 'settings.changed'] });
  const announcer = useRef(new Announcer());
  const [voice, setVoice] = useState<VoiceMode | null>(null);
  const [flash, setFlash] = useState(0);

  useEffect(() => api.subscribe((event) => {
    if (event.name !== 'queue.called') return;
    const { number, desk } = event.payload as { number: string; desk: number };
    setFlash((n) => n + 1);
    announcer.current.announce(number, desk);
  }), []);

  const data = board.data;
  const current = data?.current ?? null;
  return (
    <div className="board">
      <header className="board-header">
        <h1>{t('board.title')}</h1>
        <span>{data?.pointName ?? ''}</span>
        {voice === null ? (
          <div className="board-sound">
            <Button size="huge" onClick={() => void announcer.current.enable().then(setVoice)}>{t('board.soundOn')}</Button>
            <span>{t('board.soundHint')}</span>
          </div>
        ) : (
          <span className="board-sound-ready" role="status">{t('board.soundReady')} · {t(`board.voice.${voice}`)}</span>
        )}
      </header>
      <main className="board-main">
        <section className="board-now" aria-live="assertive" aria-labelledby="board-now-title">
          <h2 id="board-now-title">{t('board.now')}</h2>
          {current ? (
            <div key={`${current.id}-${flash}`} className="board-now-call">
              <span className="board-now-number">{current.number}</span>
              <span className="board-now-where">
                <span className="board-arrow" aria-hidden="true">→</span>
                <span className="board-now-desk">{t('board.desk', { desk: current.desk })}</span>
              </span>
            </div>
          ) : <p className="board-empty">{t('board.nobody')}</p>}
        </section>
        <section className="board-recent" aria-labelledby="board-recent-title">
          <h2 id="board-recent-title">{t('board.recent')}</h2>
          <ol>
            {(data?.recent ?? []).map((c) => (
              <li key={c.id}>
                <span className="board-recent-number">{c.number}</span>
                <span>{t('board.desk', { desk: c.desk })}</span>
                <span className="board-recent-time">{formatTime(c.at)}</span>
              </li>
            ))}
          </ol>
        </section>
      </main>
      {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: aria-labelledby is global in WAI-ARIA 1.2; axe accepts it here. */}
      <footer className="board-waiting" aria-labelledby="board-waiting-title">
        <h2 id="board-waiting-title">{t('board.waiting')}</h2>
        <ul>
          {(data?.waiting ?? []).filter((w) => w.count > 0).map((w) => (
            <li key={w.helpKind}>
              <QueueIcon name={w.helpKind} size={40} />
              <span>{t(`team:helpKinds.${w.helpKind}`)}</span>
              <strong>{w.count}</strong>
            </li>
          ))}
        </ul>
      </footer>
    </div>
  );
}
