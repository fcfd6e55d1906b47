import { pointSettings } from '#shared/settings/schemas';

/** The minority languages spoken in the commune, a JSON array (`parseJsonColumn` checks each row read). */
export const localLanguagesColumn = pointSettings.shape.localLanguages;
