import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { dataKey, useT } from '../app/useT';
import { uiKey } from '#shared/community/keys';
import type { PublicEntry } from '#shared/community/schemas';
import { api } from '../api/client';
import { useQuery } from '../app/useQuery';
import { isMinority, LANG_TAG, useCitizenLanguage, type CitizenLanguage } from './citizenLanguage';
import { forgetRecordings, play, recordingUrl, stopPlayback } from './playback';

/** One sentence as a citizen screen shows it: the community's translation where there is one, else Vietnamese. */
export interface Said {
  key: string;
  text: string;
  /** The Vietnamese sentence, read by the Vietnamese voice where no recording exists. */
  vietnamese: string;
  /** The `lang` of the text actually shown. */
  lang: string;
  entry: PublicEntry | null;
}

interface Texts {
  language: CitizenLanguage;
  entries: readonly PublicEntry[];
  /** `ui:` sentences by i18n key ('queue:kiosk.title'). */
  say: (i18nKey: string, vietnamese?: string) => Said;
  /** Any community key with the Vietnamese text to fall back to (a guide's step). */
  sayKey: (key: string, vietnamese: string) => Said;
  speaking: string | null;
  /** Read sentences aloud one after another: the recording, else the Vietnamese voice, else skipped. */
  listen: (items: readonly Said[]) => Promise<void>;
  stop: () => void;
  canListen: (items: readonly Said[]) => boolean;
}

const Context = createContext<Texts | null>(null);

function useVietnameseVoice(): SpeechSynthesisVoice | null {
  const [voice, setVoice] = useState<SpeechSynthesisVoice | null>(null);
  useEffect(() => {
    if (typeof speechSynthesis === 'undefined') return;
    const pick = () =>
      setVoice(
        speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().replace('_', '-').startsWith('vi')) ?? null,
      );
    pick();
    speechSynthesis.addEventListener('voiceschanged', pick);
    return () => speechSynthesis.removeEventListener('voiceschanged', pick);
  }, []);
  return voice;
}

function speakVietnamese(voice: SpeechSynthesisVoice, text: string): Promise<void> {
  return new Promise((resolve) => {
    const u = new SpeechSynthesisUtterance(text);
    u.voice = voice;
    u.lang = voice.lang;
    u.rate = 0.9;
    u.onend = u.onerror = () => resolve();
    speechSynthesis.speak(u);
  });
}

/** The citizen screens' texts in the language chosen on the kiosk (kiosk, guides). */
export function CitizenTextsProvider({ children }: { children: ReactNode }) {
  const { t } = useT('common');
  const language = useCitizenLanguage();
  const minority = isMinority(language);
  const query = useQuery(
    'community.texts',
    { language: minority ? language : 'jrai' },
    { refreshOn: ['community.changed'], enabled: minority },
  );
  const voice = useVietnameseVoice();
  const [speaking, setSpeaking] = useState<string | null>(null);
  const run = useRef(0);
  // A recording replaced on the leader's screen must not play from an old copy.
  useEffect(() => api.subscribe((event) => event.name === 'community.changed' && forgetRecordings()), []);

  const value = useMemo<Texts>(() => {
    const entries = minority ? (query.data?.entries ?? []) : [];
    const byKey = new Map(entries.map((e) => [e.key, e]));
    const sayKey = (key: string, vietnamese: string): Said => {
      const entry = byKey.get(key) ?? null;
      return {
        key,
        text: entry?.text ?? vietnamese,
        vietnamese,
        lang: entry ? LANG_TAG[language] : language === 'en' ? 'en' : 'vi',
        entry,
      };
    };
    const stop = () => {
      run.current++;
      stopPlayback();
      setSpeaking(null);
    };
    return {
      language,
      entries,
      speaking,
      stop,
      sayKey,
      say: (i18nKey, vietnamese) => sayKey(uiKey(i18nKey), vietnamese ?? t(dataKey(i18nKey))),
      canListen: (items) => items.some((i) => i.entry?.hasAudio) || (voice !== null && language !== 'en'),
      listen: async (items) => {
        stop();
        const mine = run.current;
        for (const item of items) {
          if (run.current !== mine) return;
          const url = item.entry?.hasAudio && isMinority(language) ? await recordingUrl(language, item.key) : null;
          if (!url && !voice) continue;
          setSpeaking(item.key);
          // Where nobody recorded the sentence yet, the Vietnamese voice reads the Vietnamese text.
          await (url ? play(url) : speakVietnamese(voice!, item.vietnamese));
        }
        if (run.current === mine) setSpeaking(null);
      },
    };
  }, [language, minority, query.data, speaking, voice, t]);

  useEffect(() => () => stopPlayback(), []);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useCitizenTexts(): Texts {
  const texts = useContext(Context);
  if (!texts) throw new Error('useCitizenTexts outside CitizenTextsProvider');
  return texts;
}
