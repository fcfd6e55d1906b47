import { gridI18n } from './i18n-grid';
import { teamCitizen } from './i18n';
import { rosterI18n } from './i18n-roster';

/** The staff screens' part of namespace `team`: the roster and its grid, loaded with them. */
export const teamStaff = {
  vi: { ...rosterI18n.vi, ...gridI18n.vi },
  en: { ...rosterI18n.en, ...gridI18n.en },
};

/** The whole namespace `team`, for the core's documents. */
export const team = {
  vi: { ...teamCitizen.vi, ...teamStaff.vi },
  en: { ...teamCitizen.en, ...teamStaff.en },
};
