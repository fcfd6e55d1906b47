import { useState } from 'react';
import { useT } from '../app/useT';
import { MINORITY_LANGUAGES } from '#shared/settings/schemas';
import type { CommunityEntry, CommunityLanguage, SourceItem } from '#shared/community/schemas';
import { useErrorText } from '../app/errors';
import { useSession } from '../app/session';
import { useQuery } from '../app/useQuery';
import { SelectField } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { LANG_TAG } from './citizenLanguage';
import { CommunityPacks } from './CommunityPacks';
import { TranslationEditor } from './TranslationEditor';
import './community.css';

/**
 * The team leader's screen where a member who speaks Jrai or Bahnar writes and records the
 * kiosk's sentences and the guides' steps. One sentence at a time: the list on the left shows
 * what is done (written, recorded, checked), the editor on the right works on the one chosen.
 */
export function CommunityPage() {
  const { t } = useT('community');
  const { me } = useSession();
  const settings = useQuery('settings.get', {});
  const local = settings.data?.localLanguages ?? [];
  const [language, setLanguage] = useState<CommunityLanguage | null>(null);
  const lang = language ?? local[0] ?? 'jrai';
  const bench = useQuery(
    'community.workbench',
    { language: lang },
    { refreshOn: ['community.changed', 'guides.changed', 'team.changed'] },
  );
  const [translatorId, setTranslatorId] = useState<number | null>(null);
  const [group, setGroup] = useState('ui');
  const [selected, setSelected] = useState<string | null>(null);
  const errorText = useErrorText();
  const languageName = t(`common:language.${lang}`);

  const data = bench.data;
  const guides = [
    ...new Map(
      (data?.sources ?? [])
        .filter((s) => s.group === 'guide' && s.key.endsWith(':title'))
        .map((s) => [s.guideId!, s.source]),
    ).entries(),
  ];
  const items = (data?.sources ?? []).filter((s) => (group === 'ui' ? s.group === 'ui' : s.guideId === group));
  const entries = new Map((data?.entries ?? []).map((e) => [e.key, e]));
  // A choice from another group or language is not in the list: the first sentence is shown instead.
  const current = items.find((i) => i.key === selected) ?? items[0] ?? null;
  const speakers = data?.speakers ?? [];
  const translator = speakers.some((s) => s.id === translatorId) ? translatorId : null;
  const next = () => {
    const at = items.findIndex((i) => i.key === current?.key);
    setSelected(items[at + 1]?.key ?? current?.key ?? null);
  };
  const done = items.filter((i) => entries.has(i.key));

  return (
    <Page title={t('workbench.title')}>
      <p className="community-intro">{t('workbench.intro')}</p>
      {settings.data && local.length === 0 ? <Notice tone="info">{t('workbench.noLocal')}</Notice> : null}
      {bench.error ? <Notice tone="error">{errorText(bench.error)}</Notice> : null}
      <div className="community-toolbar">
        <SelectField
          label={t('workbench.language')}
          value={lang}
          onChange={(e) => setLanguage(e.target.value as CommunityLanguage)}
          options={MINORITY_LANGUAGES.map((l) => ({ value: l, label: t(`common:language.${l}`) }))}
        />
        <SelectField
          label={t('workbench.translator')}
          value={translator ?? ''}
          onChange={(e) => setTranslatorId(Number(e.target.value) || null)}
          options={[
            { value: '', label: t('workbench.chooseTranslator') },
            ...speakers.map((s) => ({ value: String(s.id), label: s.fullName })),
          ]}
        />
        <SelectField
          label={t('workbench.group')}
          value={group}
          onChange={(e) => setGroup(e.target.value)}
          options={[
            { value: 'ui', label: t('workbench.groupUi') },
            ...guides.map(([id, title]) => ({ value: id, label: t('workbench.groupGuide', { title }) })),
          ]}
        />
      </div>
      {data && speakers.length === 0 ? (
        <Notice tone="warning">{t('workbench.noSpeakers', { language: languageName })}</Notice>
      ) : null}
      <p role="status">
        {t('workbench.progress', {
          done: done.length,
          total: items.length,
          recorded: done.filter((i) => entries.get(i.key)!.audio).length,
          reviewed: done.filter((i) => entries.get(i.key)!.reviewed).length,
        })}
      </p>
      <div className="community-work">
        <ol className="community-list" aria-label={t('workbench.group')}>
          {items.map((item) => (
            <ListItem
              key={item.key}
              item={item}
              entry={entries.get(item.key) ?? null}
              current={item.key === current?.key}
              onPick={() => setSelected(item.key)}
            />
          ))}
        </ol>
        {current ? (
          <TranslationEditor
            key={`${lang}-${current.key}`}
            language={lang}
            item={current}
            entry={entries.get(current.key) ?? null}
            speakers={speakers}
            translatorId={translator}
            languageTag={LANG_TAG[lang]}
            onSaved={bench.reload}
            onNext={next}
          />
        ) : null}
      </div>
      <CommunityPacks admin={me?.role === 'admin'} />
    </Page>
  );
}

function ListItem({
  item,
  entry,
  current,
  onPick,
}: {
  item: SourceItem;
  entry: CommunityEntry | null;
  current: boolean;
  onPick: () => void;
}) {
  const { t } = useT('community');
  const marks = entry
    ? [
        t('workbench.markWritten'),
        entry.audio ? t('workbench.markRecorded') : null,
        entry.reviewed ? t('workbench.markChecked') : null,
      ].filter(Boolean)
    : [];
  return (
    <li>
      <button type="button" className="community-item" aria-current={current ? 'true' : undefined} onClick={onPick}>
        <span lang="vi">{item.source}</span>
        <small>{marks.length ? marks.join(' · ') : t('workbench.markTodo')}</small>
      </button>
    </li>
  );
}
