import type { Resources } from '#shared/i18n/resources';

// Keys are typed from the Vietnamese resources: `t('unknown.key')` fails `npm run typecheck`.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
    returnNull: false;
  }
}
