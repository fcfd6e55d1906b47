import { z } from 'zod';
import { dayClose, entryShape, incompleteEntry } from '#shared/logbook/schemas';

/**
 * The logbook's JSON columns, as the code writes them (`parseJsonColumn` checks each row read).
 * A version is split in three: facts (kept for the counts), the person (erasable), consent.
 */
export const personColumn = entryShape
  .pick({ fullName: true, phone: true, birthYear: true, ethnicity: true, applicationCode: true })
  .extend({
    phone: z.string().nullable(),
  });
export const factsColumn = entryShape.omit({
  fullName: true,
  phone: true,
  birthYear: true,
  ethnicity: true,
  applicationCode: true,
  consent: true,
});
const consentItem = z.object({ at: z.string(), by: z.number().int().nullable() }).nullable();
/** When and by whom each consent was recorded; null where none was given. */
export const consentColumn = z.object({ contact: consentItem, ethnicity: consentItem, disability: consentItem });
/** What an entry still lacks (`ENTRY_GAPS`); `[]` once complete. */
export const gapsColumn = incompleteEntry.shape.gaps;
/** What was still open when a day was closed. */
export const carriedColumn = dayClose.shape.carried;
