import type { ReactNode } from 'react';
import { useT } from '../app/useT';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { TextField } from '../ui/Field';

interface Props {
  open: boolean;
  title: string;
  reason: string;
  onReason: (reason: string) => void;
  onClose: () => void;
  onErase: () => void;
  /** What is about to be erased, and any warning: shown above the reason. */
  children: ReactNode;
}

/** Erasing needs a reason of at least five characters: the audit keeps it in place of the data. */
export function EraseDialog({ open, title, reason, onReason, onClose, onErase, children }: Props) {
  const { t } = useT('logbook');
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button variant="danger" disabled={reason.trim().length < 5} onClick={onErase}>
            {t('detail.erase')}
          </Button>
        </>
      }
    >
      {children}
      <TextField label={t('find.eraseReason')} value={reason} onChange={(e) => onReason(e.target.value)} />
    </Dialog>
  );
}
