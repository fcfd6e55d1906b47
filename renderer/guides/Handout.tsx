import { useT } from '../app/useT';
import { formatDate } from '#shared/format/vietnamese';
import type { GuideView } from '#shared/guides/schemas';
import { GuideFacts } from './GuideFacts';
import { QrCode } from './QrCode';
import { LocalText } from './LocalText';

/** One- or two-page A4 handout in large type; shown only when printing. */
export function Handout({ view }: { view: GuideView }) {
  const { t } = useT('guides');
  const { guide } = view;
  return (
    <article className="guide-handout">
      <header className="guide-handout-head">
        <div>
          <h2>
            <LocalText text={guide.title} />
          </h2>
          <p>
            <LocalText text={guide.summary} />
          </p>
        </div>
        {guide.officialLink ? (
          <figure>
            <QrCode text={guide.officialLink} label={t('print.scan')} />
            <figcaption>{t('print.scan')}</figcaption>
          </figure>
        ) : null}
      </header>
      <GuideFacts guide={guide} />
      <ol className="guide-handout-steps">
        {guide.steps.map((s) => (
          <li key={s.key}>
            <img src={view.pictures[s.picture]} alt="" />
            <div>
              <strong>
                <LocalText text={s.instruction} />
              </strong>
              <span>
                {t('reading.screenShows')} <LocalText text={s.screenShows} />
                {s.basis ? null : <em> ({t('facts.unconfirmed').toLowerCase()})</em>}
              </span>
            </div>
          </li>
        ))}
      </ol>
      {guide.commonErrors.length ? (
        <section className="guide-handout-errors">
          <h3>{t('facts.commonErrors')}</h3>
          <ul>
            {guide.commonErrors.map((e) => (
              <li key={e.key}>
                <strong>
                  <LocalText text={e.whatHappens} />
                </strong>{' '}
                <LocalText text={e.whatToDo} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <footer>
        <p>{t('print.help')}</p>
        <p>{t('print.footer', { version: view.pack.version, day: formatDate(guide.lastChecked) })}</p>
      </footer>
    </article>
  );
}
