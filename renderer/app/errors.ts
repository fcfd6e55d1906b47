import { useT } from './useT';
import { ApiError } from '../api/client';

/** The message of an error in the language on screen (the core sends both). */
export function useErrorText() {
  const { i18n } = useT('common');
  return (error: unknown): string => {
    if (error instanceof ApiError) return i18n.language === 'en' ? error.body.message.en : error.body.message.vi;
    return i18n.t('errors:internal');
  };
}
