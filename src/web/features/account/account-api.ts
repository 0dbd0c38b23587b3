import { useMutation, useQueryClient } from '@tanstack/react-query';
import { UserEnvelope, type UpdateMeBody } from '../../../shared/schemas/auth.ts';
import { applyLocale } from '../../i18n/i18n.ts';
import { api } from '../../lib/api.ts';
import { meQueryKey } from '../auth/session.ts';

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: UpdateMeBody) => (await api.patch('/api/me', UserEnvelope, body)).user,
    onSuccess: async (user) => {
      // Switch language before the mutation settles, so "Saved" is already in the new one.
      await applyLocale(user.locale);
      queryClient.setQueryData(meQueryKey, user);
    },
  });
}
