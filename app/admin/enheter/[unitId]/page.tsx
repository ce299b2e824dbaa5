import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import {
  Details,
  DetailsContent,
  DetailsSummary,
  Tag,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
} from '@digdir/designsystemet-react';
import { AppLink } from '@/app/_components/app-link';
import { DataTable } from '@/app/_components/data-table';
import { requireActor } from '@/app/_auth/require-actor';
import { PageShell } from '@/app/_components/page-shell';
import { roles } from '@/lib/access/roles';
import { unitAdministration } from '@/lib/admin/admin-views';
import { getDb } from '@/lib/db/db';
import { isAppError } from '@/lib/errors/app-error';
import { nb } from '@/lib/i18n/nb';
import { addMemberAction, changeRoleAction, removeMemberAction, renameUnitAction, setApprovalPeriodAction } from '../../actions';
import { AccountPowers, DangerActions } from '../../account-powers';
import { AdminForm } from '../../admin-form';

export const metadata: Metadata = { title: nb.admin.title };
export const dynamic = 'force-dynamic';

const t = nb.admin;
const roleOptions: [string, string][] = roles.map((role) => [role, nb.roles[role]]);

export default async function UnitAdminPage({ params }: { params: Promise<{ unitId: string }> }) {
  const { actor, user } = await requireActor();
  const { unitId } = await params;
  const view = await unitAdministration(getDb(), actor, unitId).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  });
  const { unit, members } = view;
  const hidden = (name: string, value: string) => ({ kind: 'hidden' as const, name, value });
  return (
    <PageShell userName={user.name} actor={actor} wide>
      <p className="text-sm">
        <AppLink href="/admin">{t.backToAdmin}</AppLink>
      </p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">{t.unitTitle(unit.name)}</h1>
      <p className="mt-2">
        <AppLink href={`/admin/enheter/${unit.id}/moter`}>{t.meetings.link}</AppLink>
      </p>

      <section aria-labelledby="navn" className="mt-6">
        <h2 id="navn" className="text-lg font-semibold">
          {t.rename}
        </h2>
        <AdminForm
          action={renameUnitAction}
          submit={t.save}
          fields={[hidden('unitId', unit.id), { kind: 'text', name: 'name', label: t.unitName, defaultValue: unit.name, required: true }]}
        />
      </section>

      <section aria-labelledby="referat-frist" className="mt-8">
        <h2 id="referat-frist" className="text-lg font-semibold">
          {nb.minutes.periodHeading}
        </h2>
        <AdminForm
          action={setApprovalPeriodAction}
          submit={nb.minutes.periodSave}
          fields={[
            hidden('unitId', unit.id),
            {
              kind: 'number',
              name: 'days',
              label: nb.minutes.periodLabel,
              hint: nb.minutes.periodHint,
              defaultValue: String(unit.minutesApprovalDays),
              required: true,
            },
          ]}
        />
      </section>

      <section aria-labelledby="medlemmer" className="mt-8">
        <h2 id="medlemmer" className="text-lg font-semibold">
          {t.memberList}
        </h2>

        <DataTable caption={t.memberList} className="mt-2">
          <TableHead>
            <TableRow>
              <TableHeaderCell scope="col">{t.name}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.role}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.status}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.actions}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {members.map((m) => {
              const who = [hidden('unitId', unit.id), hidden('userId', m.userId)];
              const remove = (
                <AdminForm inline danger action={removeMemberAction} submit={t.remove} confirm={t.removeConfirm(m.name)} fields={who} />
              );
              return (
                <TableRow key={m.userId}>
                  <TableCell data-label={t.name}>
                    <span className="font-medium">{m.name}</span> {m.isYou ? t.you : null}
                    <br />
                    <span className="text-slate-700">{m.email}</span>
                    {m.otherUnits > 0 ? <span className="block text-xs text-slate-700">{t.otherUnits(m.otherUnits)}</span> : null}
                    {m.accountPowers === 'yes' ? null : (
                      // Not silently missing: beside the name (seen on a narrow screen too), why the account's own
                      // controls are not offered (issue 16).
                      <span className="mt-1 block max-w-xs text-xs text-slate-700">
                        {m.accountPowers === 'system_admin' ? t.accountSystemAdmin : t.accountElsewhere}
                      </span>
                    )}
                  </TableCell>
                  <TableCell data-label={t.role}>
                    <AdminForm
                      inline
                      quiet
                      action={changeRoleAction}
                      submit={t.saveRole}
                      fields={[
                        ...who,
                        // The column (and on a phone the cell's own label) says «Rolle»: the field's label is for screen readers.
                        {
                          kind: 'select',
                          name: 'role',
                          label: t.changeRoleFor(m.name),
                          options: roleOptions,
                          defaultValue: m.role,
                          labelHidden: true,
                        },
                      ]}
                    />
                  </TableCell>
                  <TableCell data-label={t.status}>
                    <Tag data-color={m.active ? 'success' : 'neutral'} data-size="sm">
                      {m.active ? t.active : t.inactive}
                    </Tag>
                  </TableCell>
                  <TableCell data-label={t.actions}>
                    {/* Out of the row's way (issue 20): password, name, e-mail, and last the actions that take access away, each asking first. */}
                    <Details data-size="sm" className="min-w-0">
                      <DetailsSummary>
                        {t.memberMore}
                        <span className="sr-only"> {t.memberMoreFor(m.name)}</span>
                      </DetailsSummary>
                      <DetailsContent>
                        {m.accountPowers === 'yes' ? (
                          <AccountPowers account={m} unitId={unit.id}>
                            {remove}
                          </AccountPowers>
                        ) : (
                          <DangerActions>{remove}</DangerActions>
                        )}
                      </DetailsContent>
                    </Details>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </DataTable>
      </section>

      <section aria-labelledby="nytt-medlem" className="mt-8">
        <h2 id="nytt-medlem" className="text-lg font-semibold">
          {t.addMember}
        </h2>
        <p className="max-w-prose text-sm text-slate-700">{t.addMemberIntro}</p>
        <AdminForm
          action={addMemberAction}
          submit={t.add}
          fields={[
            hidden('unitId', unit.id),
            { kind: 'email', name: 'email', label: t.email, autoComplete: 'off', required: true },
            { kind: 'text', name: 'name', label: t.name, autoComplete: 'off' },
            { kind: 'select', name: 'role', label: t.role, options: roleOptions, defaultValue: 'saksbehandler' },
            { kind: 'password', name: 'password', label: t.initialPassword, hint: t.passwordHint, autoComplete: 'new-password' },
          ]}
        />
      </section>
    </PageShell>
  );
}
