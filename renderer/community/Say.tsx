import { useT } from '../app/useT';
import { QueueIcon } from '../queue/icons';
import { useCitizenTexts, type Said } from './CitizenTexts';

/** A sentence of a citizen screen: in the community's translation when there is one, marked * until checked. */
export function Say({ said }: { said: Said }) {
  const { t } = useT('community');
  const { speaking } = useCitizenTexts();
  return (
    <span lang={said.lang} className={speaking === said.key ? 'say is-speaking' : 'say'}>
      {said.text}
      {said.entry && !said.entry.reviewed ? (
        <abbr className="say-unchecked" title={t('kiosk.uncheckedMark')}>
          *
        </abbr>
      ) : null}
    </span>
  );
}

/** Reads the given sentences aloud (recordings first, the Vietnamese voice where there are none); hidden when nothing can be heard. */
export function ListenButton({
  items,
  label,
  className = '',
}: {
  items: readonly Said[];
  label?: string;
  className?: string;
}) {
  const { t } = useT('community');
  const texts = useCitizenTexts();
  if (!texts.canListen(items)) return null;
  const playing = items.some((i) => i.key === texts.speaking);
  const name = label ?? t(items.length > 1 ? 'kiosk.listenAll' : 'kiosk.listen');
  return (
    <button
      type="button"
      className={`btn btn-secondary kiosk-listen ${className}`}
      aria-pressed={playing}
      onClick={() => (playing ? texts.stop() : void texts.listen(items))}
    >
      <QueueIcon name="sound" size={36} />
      <span>{name}</span>
    </button>
  );
}

/** The community's part, said plainly at the foot of the screen: who translated, what is not checked. */
export function CommunityNote() {
  const { t } = useT('community');
  const { language, entries } = useCitizenTexts();
  if (language !== 'jrai' && language !== 'bahnar') return null;
  const name = t(`common:language.${language}`);
  if (entries.length === 0) return <p className="community-note">{t('kiosk.none', { language: name })}</p>;
  const names = [...new Set(entries.map((e) => e.translatorName))].join(', ');
  return (
    <p className="community-note">
      {t('kiosk.madeBy', { language: name, names })} {entries.some((e) => !e.reviewed) ? t('kiosk.unchecked') : ''}{' '}
      {t('kiosk.missing')}
    </p>
  );
}
