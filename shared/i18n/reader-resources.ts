import { guides } from '../guides/i18n';

/** The guides' texts: loaded with the guide reader and with the staff screens. */
export const readerTexts = { guides };
