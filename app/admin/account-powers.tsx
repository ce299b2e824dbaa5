import { nb } from '@/lib/i18n/nb';
import { changeAccountEmailAction, changeAccountNameAction, unlinkOidcAction } from './account-actions';
import { setActiveAction, setPasswordAction } from './actions';
import { AdminForm } from './admin-form';

const t = nb.admin;

/**
 * The forms that act on an account itself (issue 16): deactivate or
 * reactivate, a new password, name and e-mail, and the OIDC link. Shown on a
 * unit's member list for accounts wholly that admin's units', and on the
 * system administrator's account page; the commands check it again.
 */
export function AccountPowers(props: {
  account: { userId: string; name: string; email: string; active: boolean; hasPassword: boolean; isYou: boolean; oidcLinked?: boolean };
  /** The unit page the forms are on; none on the system administrator's page. */
  unitId?: string;
}) {
  const { account: a } = props;
  const who = [
    ...(props.unitId ? [{ kind: 'hidden' as const, name: 'unitId', value: props.unitId }] : []),
    { kind: 'hidden' as const, name: 'userId', value: a.userId },
  ];
  return (
    <div className="space-y-2">
      {a.isYou ? null : (
        <AdminForm
          inline
          danger={a.active}
          action={setActiveAction}
          submit={a.active ? t.deactivate : t.activate}
          confirm={a.active ? t.deactivateConfirm(a.name) : undefined}
          fields={[...who, { kind: 'hidden', name: 'active', value: a.active ? 'false' : 'true' }]}
        />
      )}
      {a.hasPassword && !a.isYou ? (
        <AdminForm
          inline
          action={setPasswordAction}
          submit={t.setPassword}
          fields={[...who, { kind: 'password', name: 'password', label: t.newPasswordFor(a.name), autoComplete: 'new-password' }]}
        />
      ) : null}
      <details>
        <summary className="cursor-pointer text-sm text-brand-700 underline">{t.accountDetails}</summary>
        <AdminForm
          inline
          action={changeAccountNameAction}
          submit={t.saveName}
          fields={[...who, { kind: 'text', name: 'name', label: t.nameFor(a.name), defaultValue: a.name, autoComplete: 'off' }]}
        />
        <AdminForm
          inline
          action={changeAccountEmailAction}
          submit={t.saveEmail}
          fields={[...who, { kind: 'email', name: 'email', label: t.emailFor(a.name), defaultValue: a.email, autoComplete: 'off' }]}
        />
      </details>
      {a.oidcLinked ? (
        <div>
          <AdminForm inline action={unlinkOidcAction} submit={t.accounts.unlinkOidc} fields={who} />
          <p className="max-w-prose text-xs text-slate-700">{t.accounts.unlinkOidcHint}</p>
        </div>
      ) : null}
    </div>
  );
}
