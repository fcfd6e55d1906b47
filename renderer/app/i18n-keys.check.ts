// The typecheck's proof that i18n keys are typed (never run, never bundled): each
// `@ts-expect-error` line must stay an error, or `npm run typecheck` fails on the unused directive.
import type { Translate } from './useT';

declare const t: Translate<'queue'>;

t('kiosk.title');
t('common:actions.save');
// @ts-expect-error a key no resource has
t('kiosk.noSuchKey');
// @ts-expect-error another namespace's key without its prefix
t('actions.save');
// @ts-expect-error a namespace that does not exist
t('nowhere:kiosk.title');
