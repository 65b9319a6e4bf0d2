import { useMemo, useState } from 'react';
import { blockingInvites, inviteLimits, openStates, useOpeningInvites, type Invite, type Picked } from '../invites';

/**
 * usePoolSelection is the pool's picking for an invite: cards are picked across pages and filters, up to one batch;
 * a candidate with an invite that stops a new one (blocking) cannot be picked. After the invites are sent the
 * picking starts over and invited says how it went.
 */
export function usePoolSelection(openingId: string) {
  const invites = useOpeningInvites(openingId);
  const blocking = useMemo(() => blockingInvites(invites.data ?? []), [invites.data]);
  const openNow = (invites.data ?? []).filter((i) => openStates.includes(i.state)).length;
  const [picked, setPicked] = useState<Picked[]>([]);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [invited, setInvited] = useState<{ count: number; awaiting: boolean } | null>(null);
  return {
    picked,
    /** blocking is each candidate's invite that stops a new one. */
    blocking,
    /** openNow is how many of the opening's invites wait for an answer. */
    openNow,
    isPicked: (id: string) => picked.some((x) => x.id === id),
    pick: (c: Picked, on: boolean) => {
      setInvited(null);
      setPicked((p) => (on ? (p.some((x) => x.id === c.id) || p.length >= inviteLimits.batch ? p : [...p, { id: c.id, code: c.code }]) : p.filter((x) => x.id !== c.id)));
    },
    remove: (id: string) => setPicked((p) => p.filter((x) => x.id !== id)),
    clear: () => setPicked([]),
    full: picked.length >= inviteLimits.batch,
    dialogOpen,
    openDialog: () => setDialogOpen(true),
    closeDialog: () => setDialogOpen(false),
    /** invited says how many invites the last send made, and whether they wait for approval. */
    invited,
    onInvited: (list: Invite[]) => {
      setDialogOpen(false);
      setPicked([]);
      setInvited({ count: list.length, awaiting: list.some((i) => i.state === 'awaiting_approval') });
    },
  };
}

export type PoolSelection = ReturnType<typeof usePoolSelection>;
