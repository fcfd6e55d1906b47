import { useEffect, useRef, useState } from 'react';
import { dataKey, useT } from '../app/useT';
import type { CommunityLanguage } from '#shared/community/schemas';
import { formatDate, formatTime } from '#shared/format/vietnamese';
import { prefixOf } from '#shared/queue/numbers';
import { vnDay, vnWeekday } from '#shared/time/vietnam';
import { api } from '../api/client';
import { useQuery } from '../app/useQuery';
import { forgetRecordings } from '../community/playback';
import { Button } from '../ui/Button';
import { Announcer, type VoiceMode } from './announcer';
import { QueueIcon } from './icons';
import { useClock } from './useClock';
import './queue.css';

/** This device's choice, kept in the browser: a TV switched on once is never asked again. */
const SOUND_KEY = 'dhs.board.sound';

/**
 * Sound on by itself where it may be: in the Electron board window (its autoplay policy needs no
 * touch) and in a browser that had it on before; a browser that still refuses asks for one touch.
 */
function useBoardSound(announcer: Announcer) {
  const [voice, setVoice] = useState<VoiceMode | null>(null);
  const [needsTouch, setNeedsTouch] = useState(false);
  useEffect(() => {
    if (!window.dhs && localStorage.getItem(SOUND_KEY) !== 'on') return;
    let cancelled = false;
    void announcer.enable().then((mode) => {
      if (cancelled) return;
      if (mode) setVoice(mode);
      else setNeedsTouch(true);
    });
    return () => void (cancelled = true);
  }, [announcer]);
  useEffect(() => {
    if (!needsTouch) return;
    const once = () => void turnOn();
    window.addEventListener('pointerdown', once, { once: true });
    return () => window.removeEventListener('pointerdown', once);
  });
  const turnOn = async () => {
    const mode = await announcer.enable();
    if (!mode) return;
    localStorage.setItem(SOUND_KEY, 'on');
    setNeedsTouch(false);
    setVoice(mode);
  };
  return { voice, needsTouch, turnOn };
}

/**
 * The calling board for a TV or second screen: the number being called and its desk, large;
 * the last calls; how many wait per kind of help; numbers called but not come; the time.
 * Numbers and desks only, never a name.
 */
export function Board() {
  const { t } = useT('queue');
  const board = useQuery('queue.board', {}, { refreshOn: ['queue.changed', 'queue.called', 'settings.changed'] });
  const announcer = useRef(new Announcer()).current;
  const sound = useBoardSound(announcer);
  const [flash, setFlash] = useState(0);
  const [phrase, setPhrase] = useState<CommunityLanguage | null>(null);
  const now = useClock();

  useEffect(() => {
    announcer.onPhrase = setPhrase;
    return api.subscribe((event) => {
      if (event.name === 'community.changed') forgetRecordings();
      if (event.name !== 'queue.called') return;
      const { number, desk, language } = event.payload;
      setFlash((n) => n + 1);
      announcer.announce(number, desk, language);
    });
  }, [announcer]);

  const data = board.data;
  const current = data?.current ?? null;
  const today = vnDay(now);
  return (
    <div className="board">
      <header className="board-header">
        <div className="board-titles">
          <h1>{t('board.title')}</h1>
          <span>{data?.pointName ?? ''}</span>
        </div>
        <p className="board-clock">
          <span className="visually-hidden">{t('board.clock')} </span>
          <span className="board-clock-time">{formatTime(now)}</span>
          <span className="board-clock-day">
            {t(dataKey(`team:weekdays.${vnWeekday(today)}`))} {formatDate(today)}
          </span>
        </p>
        {sound.voice ? (
          <span className="board-sound-ready" role="status">
            {t('board.soundReady')} · {t(`board.voice.${sound.voice}`)}
          </span>
        ) : sound.needsTouch ? (
          <span className="board-sound-ready" role="status">
            {t('board.soundTap')}
          </span>
        ) : (
          <div className="board-sound">
            <Button size="huge" onClick={() => void sound.turnOn()}>
              {t('board.soundOn')}
            </Button>
            <span>{t('board.soundHint')}</span>
          </div>
        )}
      </header>
      <main className="board-main">
        <section className="board-now" aria-live="assertive" aria-labelledby="board-now-title">
          <h2 id="board-now-title">{t('board.now')}</h2>
          {current ? (
            <div key={`${current.id}-${flash}`} className="board-now-call">
              <span className="board-now-number">{current.number}</span>
              <span className="board-now-where">
                <span className="board-arrow" aria-hidden="true">
                  →
                </span>
                <span className="board-now-desk">{t('board.desk', { desk: current.desk })}</span>
              </span>
              {phrase ? (
                <span className="board-phrase" role="status">
                  <QueueIcon name="sound" size={40} />
                  {t('board.phrase', { language: t(`common:language.${phrase}`) })}
                </span>
              ) : null}
            </div>
          ) : (
            <p className="board-empty">{t('board.nobody')}</p>
          )}
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
      <footer className="board-footer">
        <section className="board-waiting" aria-labelledby="board-waiting-title">
          <h2 id="board-waiting-title">{t('board.waiting')}</h2>
          <ul>
            {(data?.waiting ?? [])
              .filter((w) => w.count > 0)
              .map((w) => (
                <li key={w.helpKind}>
                  <span className="board-waiting-letter" aria-hidden="true">
                    {prefixOf(w.helpKind)}
                  </span>
                  <QueueIcon name={w.helpKind} size={48} />
                  <strong>{w.count}</strong>
                  <span className="board-waiting-label">{t(`team:helpKinds.${w.helpKind}`)}</span>
                </li>
              ))}
          </ul>
        </section>
        {data?.missed.length ? (
          <section className="board-missed" aria-labelledby="board-missed-title">
            <h2 id="board-missed-title">{t('board.missed')}</h2>
            <ul>
              {data.missed.map((m) => (
                <li key={m.id}>{m.number}</li>
              ))}
            </ul>
            <p>{t('board.missedHint')}</p>
          </section>
        ) : null}
      </footer>
    </div>
  );
}
