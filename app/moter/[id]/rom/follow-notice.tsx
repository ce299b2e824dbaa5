'use client';

import { Alert, Button } from '@digdir/designsystemet-react';
import { nb } from '@/lib/i18n/nb';

const t = nb.meetingRoom;

/**
 * Shown while someone reads another item than the one the chair presents:
 * says plainly that their screen no longer follows, and one button takes
 * them back to the current item and follows the chair's next move again.
 */
export function FollowNotice({ currentTitle, isChair, onFollow }: { currentTitle: string; isChair: boolean; onFollow: () => void }) {
  return (
    <Alert data-color="warning" data-size="sm" className="mt-3 flex flex-wrap items-center gap-3">
      {/* Announced by the room's own status region (meeting-room.tsx), which is always in the page. */}
      <span>{isChair ? t.chairElsewhere(currentTitle) : t.notFollowing(currentTitle)}</span>
      <Button type="button" data-size="sm" onClick={onFollow}>
        {isChair ? t.backToCurrent : t.follow}
      </Button>
    </Alert>
  );
}
