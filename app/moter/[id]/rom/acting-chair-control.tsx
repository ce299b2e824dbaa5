'use client';

import { Button, Select } from '@digdir/designsystemet-react';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect } from 'react';
import { nb } from '@/lib/i18n/nb';
import { actingChairAction, type RecusalState } from '../recusal-actions';

const t = nb.recusal;

/** For the chair, when a chair is inhabil for the item: who chairs it in their place (the referent unless someone is named). */
export function ActingChairControl(props: {
  meetingId: string;
  itemId: string;
  actingChairId: string | null;
  members: { id: string; name: string }[];
}) {
  const router = useRouter();
  const [state, action, pending] = useActionState<RecusalState, FormData>((_previous, formData) => actingChairAction(formData), null);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const selectId = `acting-chair-${props.itemId}`;
  return (
    <form action={action} className="mt-1 flex flex-wrap items-center gap-2">
      <input type="hidden" name="meetingId" value={props.meetingId} />
      <input type="hidden" name="itemId" value={props.itemId} />
      <label htmlFor={selectId} className="font-medium">
        {t.actingChair}
      </label>
      <Select id={selectId} name="userId" defaultValue={props.actingChairId ?? ''} data-size="sm" className="w-auto">
        <Select.Option value="">{t.actingChairNone}</Select.Option>
        {props.members.map((m) => (
          <Select.Option key={m.id} value={m.id}>
            {m.name}
          </Select.Option>
        ))}
      </Select>
      <Button type="submit" data-size="sm" variant="secondary" disabled={pending}>
        {t.actingChairSave}
      </Button>
      <span role="status" className="text-sm">
        {state?.ok ? t.actingChairSaved : state ? (t.errors[state.error] ?? t.errors.generic) : ''}
      </span>
    </form>
  );
}
