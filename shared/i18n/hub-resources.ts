import { province } from '../province/i18n';

/** Texts only the province hub's web app shows (`renderer/province`): a point never loads them. */
export const hubTexts = { province };
