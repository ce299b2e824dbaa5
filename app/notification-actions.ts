'use server';

import { revalidatePath } from 'next/cache';
import { requireActor } from '@/app/_auth/require-actor';
import { orNotFound } from '@/app/_lib/or-not-found';
import { getDb } from '@/lib/db/db';
import { markNotificationRead } from '@/lib/notifications/notifications';

/** Marks one of my notices read. */
export async function markNotificationReadAction(formData: FormData): Promise<void> {
  const { actor } = await requireActor();
  await orNotFound(markNotificationRead({ db: getDb(), actor, input: { notificationId: formData.get('notificationId') } }));
  revalidatePath('/');
}
