import { team } from '#shared/team/i18n-staff';
import { vnWeekday } from '#shared/time/vietnam';
import { exportTable, type Cell, type ExportFile } from '../exports/table';
import type { Db } from '../db/open';
import { monthView } from './roster';

const vi = team.vi;

/** The month as a table: one row per shift of each day, closed days with their reason. */
export async function exportRoster(db: Db, month: string, format: 'csv' | 'xlsx'): Promise<ExportFile> {
  const view = await monthView(db, month);
  const rows: Cell[][] = [];
  for (const d of view.days) {
    const weekday = vi.weekdays[vnWeekday(d.day) as 0];
    if (!d.working) {
      const why =
        d.why === 'holiday' && d.holiday
          ? vi.holidays[d.holiday]
          : d.why === 'closed'
            ? (d.reason ?? vi.roster.closedDay)
            : vi.roster.weekend;
      if (d.why !== 'weekend') rows.push([{ day: d.day }, weekday, null, null, null, why]);
      continue;
    }
    for (const s of d.shifts) {
      const notes = [
        s.state !== 'ok' ? vi.roster[s.state] : null,
        d.needsLanguage && !d.hasSpeaker ? vi.roster.languageMissing : null,
      ]
        .filter(Boolean)
        .join('; ');
      rows.push([
        { day: d.day },
        weekday,
        vi.shifts[s.shift],
        s.members.map((m) => m.fullName).join(', '),
        s.members
          .filter((m) => m.present)
          .map((m) => m.fullName)
          .join(', '),
        notes || null,
      ]);
    }
  }
  const [y, m] = month.split('-');
  const title = `${vi.roster.printTitle} - ${vi.roster.printSubtitle.replace('{{m}}', m!).replace('{{y}}', y!)}`;
  return exportTable(
    {
      title,
      columns: [
        { header: vi.roster.day, width: 12 },
        { header: vi.roster.weekday, width: 10 },
        { header: vi.roster.shift, width: 10 },
        { header: vi.roster.onDuty, width: 40 },
        { header: vi.roster.present, width: 40 },
        { header: vi.roster.notes, width: 30 },
      ],
      rows,
    },
    format,
    `lich-truc-${month}`,
  );
}
