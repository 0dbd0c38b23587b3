import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PasswordResetConfirmBody, PasswordResetRequestBody } from '../../../shared/schemas/privacy.ts';
import { api } from '../../lib/api.ts';
import { meQueryKey } from './session.ts';

const accepted = async () => (await import('../../../shared/schemas/privacy.ts')).Accepted;
export const resetSchemas = () => import('../../../shared/schemas/privacy.ts');

/** Asks for a reset link; the server answers the same whether or not the address has an account. */
export function useRequestReset() {
  return useMutation({ mutationFn: (body: PasswordResetRequestBody) => api.post('/api/auth/password-reset', accepted, body) });
}

/** Sets the new password; every session of the account ends, this browser's included. */
export function useConfirmReset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PasswordResetConfirmBody) => api.post('/api/auth/password-reset/confirm', accepted, body),
    onSuccess: () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}

/** The token from a reset link (`/reset-password#token=…`): in the fragment, it never reaches a server log. */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}
