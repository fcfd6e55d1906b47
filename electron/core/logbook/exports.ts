import { formatDate } from '#shared/format/vietnamese';
import type { ListFilter } from '#shared/logbook/schemas';
import { logbook } from '#shared/logbook/i18n';
import { vocabulary } from '#shared/logbook/vocabulary-i18n';
import { team } from '#shared/team/i18n-staff';
import type { Db } from '../db/open';
import { exportTable } from '../exports/table';
import { allEntries } from './queries';

/** The filtered list as a spreadsheet, in Vietnamese, without personal data (least data). */
export async function exportEntries(db: Db, filter: ListFilter, format: 'csv' | 'xlsx') {
  const rows = await allEntries(db, filter);
  const c = logbook.vi.columns;
  const v = vocabulary.vi;
  const table = {
    title: `${logbook.vi.bookTitle} ${formatDate(filter.from)}–${formatDate(filter.to)}`,
    columns: [
      { header: c.no, width: 6 },
      { header: c.day, width: 12 },
      { header: c.time, width: 8 },
      { header: c.channel },
      { header: c.helpKinds, width: 30 },
      { header: c.procedure, width: 26 },
      { header: c.outcome, width: 28 },
      { header: c.village },
      { header: c.members, width: 28 },
      { header: c.minutes, width: 10 },
      { header: c.version, width: 9 },
      { header: c.late, width: 10 },
    ],
    rows: rows
      .reverse()
      .map((r, i) => [
        i + 1,
        { day: r.day },
        { time: r.time },
        v.channels[r.channel],
        r.helpKinds.map((k) => team.vi.helpKinds[k]).join('; '),
        [r.procedure ? v.procedures[r.procedure] : null, r.procedureText].filter(Boolean).join(': ') || null,
        v.outcomes[r.outcome],
        r.village,
        r.memberNames.join('; '),
        r.minutes,
        r.version,
        r.late ? 'x' : null,
      ]),
  };
  return exportTable(table, format, `so-theo-doi-${filter.from}-${filter.to}`);
}
