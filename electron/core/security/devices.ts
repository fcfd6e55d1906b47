import { AppError } from '#shared/contract';
import type { CoreContext } from '../context';

/**
 * A folder path names this PC's disks (a USB stick, the backups folder): only the point's own
 * screens may read or write one. A LAN device gets a download or uploads the file instead.
 */
export function ownScreenOnly(ctx: CoreContext, field: string, what: string): void {
  if (ctx.caller.device !== 'lan') return;
  ctx.log.warn(
    { event: 'security.folderRefused', what, memberId: ctx.caller.memberId },
    'a LAN device asked for a folder on this PC',
  );
  throw new AppError('forbidden', {}, { [field]: 'common:ownScreenOnly' });
}
