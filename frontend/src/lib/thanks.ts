import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './api/client';

/** Recipient is whom an organisation thanks for a placement. */
export type Recipient = 'klantmanager' | 'accountmanager';

/** maxThanks is the longest thank-you the server takes, in characters. */
export const maxThanks = 500;

/** Thanking names what is thanked for: a placement (organisation users) or the kandidaat's own placed invite. */
export type Thanking = { placementId: string } | { inviteId: string };

/** thanksCheck is the problem with a message before it is sent (the server checks the same), or undefined. */
export function thanksCheck(message: string): 'required' | 'maxLength' | undefined {
  const m = message.trim();
  if (m === '') return 'required';
  if ([...m].length > maxThanks) return 'maxLength';
  return undefined;
}

/** useThank sends one thank-you. */
export function useThank(what: Thanking) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ message, to }: { message: string; to: Recipient }) =>
      'placementId' in what
        ? (await api.POST('/placements/{id}/thank-yous', { params: { path: { id: what.placementId } }, body: { to, message } })).data!
        : (await api.POST('/me/invites/{id}/thank-yous', { params: { path: { id: what.inviteId } }, body: { message } })).data!,
    // The form closes and announces it was sent; the kandidaat's list shows "thanked" from the next visit.
    onSuccess: () => qc.invalidateQueries({ queryKey: ['me', 'share'] }),
  });
}
