import { reports } from '#shared/reports/i18n';
import type { DocumentSettings } from '#shared/reports/documents';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { audit } from '../settings/audit';
import { readPointSettings } from '../settings/service';
import { parseJsonColumn } from '../json';
import { z } from 'zod';

/**
 * The report's sender, recipients and signer. Until a leader saves them: to the commune's
 * People's Committee, the usual "Như trên; Lưu: VT." copies, signed by the team leader on the
 * roster (so the name under the signature is never blank while the team has a leader).
 */
/** `recipients`, `copies`, `signer_authority`: JSON arrays of lines. */
const lines = z.array(z.string());

export async function readDocumentSettings(db: Db): Promise<DocumentSettings> {
  const row = await db.selectFrom('document_setting').selectAll().where('id', '=', 1).executeTakeFirst();
  if (row) {
    return {
      reportCode: row.report_code,
      recipients: parseJsonColumn(lines, row.recipients),
      copies: parseJsonColumn(lines, row.copies),
      signerAuthority: parseJsonColumn(lines, row.signer_authority),
      signerTitle: row.signer_title,
      signerName: row.signer_name,
    };
  }
  const point = await readPointSettings(db);
  const leader = await db
    .selectFrom('member')
    .select('full_name')
    .where('position', '=', 'leader')
    .where('active', '=', 1)
    .orderBy('id')
    .executeTakeFirst();
  const d = reports.vi.documentDefaults;
  return {
    reportCode: '',
    recipients: [
      d.recipient.replace(
        '{{commune}}',
        point.communeName.replace(/^(Xã|Phường)\s/, (w) => w.toLowerCase()),
      ),
    ],
    copies: d.copies.split('\n'),
    signerAuthority: [],
    signerTitle: d.signerTitle,
    signerName: leader?.full_name ?? '',
  };
}

export async function saveDocumentSettings(ctx: CoreContext, s: DocumentSettings): Promise<void> {
  const values = {
    report_code: s.reportCode,
    recipients: JSON.stringify(s.recipients),
    copies: JSON.stringify(s.copies),
    signer_authority: JSON.stringify(s.signerAuthority),
    signer_title: s.signerTitle,
    signer_name: s.signerName,
    updated_at: ctx.now().toISOString(),
    updated_by: ctx.caller.memberId,
  };
  await ctx.db
    .insertInto('document_setting')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
  await audit(ctx, 'reports.updateDocumentSettings');
}
