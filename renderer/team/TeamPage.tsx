import { useState } from 'react';
import { dataKey, useT } from '../app/useT';
import type { Output } from '#shared/contract';
import type { MemberDetail } from '#shared/team/schemas';
import { api } from '../api/client';
import { useSession } from '../app/session';
import { useQuery } from '../app/useQuery';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { TextField } from '../ui/Field';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { MemberForm } from './MemberForm';
import { useProblemText } from './problems';
import './team.css';

type Warning = Output<'team.members'>['warnings'][number];

function useWarningText() {
  const { t } = useT('team');
  return (w: Warning) => {
    if (w.code === 'sub_group_size') {
      const group = t(`subGroups.${w.group}`);
      return w.village !== undefined
        ? t('warnings.sub_group_village', { ...w, group, village: w.village || '—' })
        : t('warnings.sub_group_size', { ...w, group });
    }
    if (w.code === 'language_missing')
      return t('warnings.language_missing', { language: t(dataKey(`common:language.${w.language}`)) });
    return t(`warnings.${w.code}`, w);
  };
}

type Editing = { kind: 'edit'; member: MemberDetail | null } | { kind: 'pin' | 'active'; member: MemberDetail } | null;

/** The team for leaders: who is in it, where it departs from the decision, and the changes. */
export function TeamPage() {
  const { t } = useT('team');
  const { me } = useSession();
  const problemText = useProblemText();
  const warningText = useWarningText();
  const data = useQuery('team.members', {}, { refreshOn: ['team.changed', 'settings.changed'] });
  const [editing, setEditing] = useState<Editing>(null);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const isAdmin = me?.role === 'admin';

  const run = async (action: () => Promise<string>) => {
    try {
      setMessage({ tone: 'success', text: await action() });
      setEditing(null);
      data.reload();
    } catch (error) {
      setMessage({ tone: 'error', text: problemText(error) });
    }
  };
  const members = data.data?.members ?? [];
  const team = members.filter((m) => m.active && m.position !== null);

  return (
    <Page
      title={t('members.title')}
      actions={<Button onClick={() => setEditing({ kind: 'edit', member: null })}>{t('members.add')}</Button>}
    >
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <p>{t('members.count', { count: team.length })}</p>
      <section className="card" aria-labelledby="warnings-title">
        <h2 id="warnings-title">{t('members.warningsTitle')}</h2>
        {data.data && data.data.warnings.length === 0 ? (
          <p>{t('members.noWarnings')}</p>
        ) : (
          <>
            <p>{t('members.warningsNote')}</p>
            <ul>
              {data.data?.warnings.map((w, i) => (
                <li key={i}>{warningText(w)}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t('members.name')}</th>
            <th scope="col">{t('members.position')}</th>
            <th scope="col">{t('members.subGroup')}</th>
            <th scope="col">{t('members.languages')}</th>
            <th scope="col">{t('members.skills')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('common:actions.edit')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <td>
                <strong>{m.fullName}</strong>
                <div>
                  {t(`common:roles.${m.accessRole}`)}
                  {m.village ? ` · ${m.village}` : ''}
                </div>
                {!m.active ? <span className="tag tag-above">{t('members.inactive')}</span> : null}
                {m.locked ? <span className="tag tag-below">{t('members.locked')}</span> : null}
              </td>
              <td>{m.position ? t(`positions.${m.position}`) : '—'}</td>
              <td>{m.subGroup ? t(`subGroups.${m.subGroup}`) : '—'}</td>
              <td>{m.languages.map((l) => t(`common:language.${l}`)).join(', ')}</td>
              <td>{m.skills.map((s) => t(`helpKinds.${s}`)).join('; ')}</td>
              <td>
                <div className="page-actions" role="group" aria-label={t('members.actionsFor', { name: m.fullName })}>
                  <Button variant="secondary" onClick={() => setEditing({ kind: 'edit', member: m })}>
                    {t('common:actions.edit')}
                  </Button>
                  <Button
                    variant="secondary"
                    onClick={() => {
                      setPin('');
                      setEditing({ kind: 'pin', member: m });
                    }}
                  >
                    {t('members.resetPin')}
                  </Button>
                  <Button variant="secondary" onClick={() => setEditing({ kind: 'active', member: m })}>
                    {m.active ? t('members.deactivate') : t('members.reactivate')}
                  </Button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <Dialog
        title={editing?.kind === 'edit' && editing.member ? t('members.edit') : t('members.add')}
        open={editing?.kind === 'edit'}
        onClose={() => setEditing(null)}
      >
        {editing?.kind === 'edit' ? (
          <MemberForm
            key={editing.member?.id ?? 'new'}
            member={editing.member}
            isAdmin={isAdmin}
            onCancel={() => setEditing(null)}
            onSave={(values) => run(async () => (await api.call('team.save', values), t('members.saved')))}
          />
        ) : null}
      </Dialog>
      <Dialog
        title={t('members.resetPin')}
        open={editing?.kind === 'pin'}
        onClose={() => setEditing(null)}
        footer={
          <>
            <Button variant="secondary" onClick={() => setEditing(null)}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              onClick={() =>
                editing &&
                run(
                  async () => (
                    await api.call('team.resetPin', { id: editing.member!.id, pin }),
                    t('members.pinReset', { name: editing.member!.fullName })
                  ),
                )
              }
            >
              {t('common:actions.save')}
            </Button>
          </>
        }
      >
        <p>
          <strong>{editing?.member?.fullName}</strong>
        </p>
        <TextField
          label={t('members.newPin')}
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          value={pin}
          onChange={(e) => setPin(e.target.value)}
        />
      </Dialog>
      <Dialog
        title={editing?.member?.active ? t('members.deactivate') : t('members.reactivate')}
        open={editing?.kind === 'active'}
        onClose={() => setEditing(null)}
        footer={
          <>
            <Button variant="secondary" onClick={() => setEditing(null)}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              variant={editing?.member?.active ? 'danger' : 'primary'}
              onClick={() =>
                editing?.member &&
                run(async () => {
                  const r = await api.call('team.setActive', {
                    id: editing.member!.id,
                    active: !editing.member!.active,
                  });
                  return editing.member!.active
                    ? t('members.deactivated', { count: r.removedShifts })
                    : t('members.saved');
                })
              }
            >
              {t('common:actions.confirm')}
            </Button>
          </>
        }
      >
        <p>
          {editing?.member?.active
            ? t('members.deactivateConfirm', { name: editing.member.fullName })
            : editing?.member?.fullName}
        </p>
      </Dialog>
    </Page>
  );
}
