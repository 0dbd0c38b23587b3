import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { LoginBody, SignupBody, User } from '../../../shared/schemas/auth.ts';
import { api } from '../../lib/api.ts';
import { authSchemas, commonSchemas } from '../../lib/lazy-schemas.ts';
import { UserEnvelopeLight } from '../../lib/light-schemas.ts';
import { applyLocale } from '../../i18n/i18n.ts';

export const meQueryKey = ['me'] as const;

// Loaded lazily: this module is part of the first download (see lib/lazy-schemas.ts).
const userEnvelope = async () => (await authSchemas()).UserEnvelope;
const ok = async () => (await commonSchemas()).Ok;

/**
 * The signed-in user, or null when signed out (a 401 here is an answer, not a failure).
 * Checked without zod: every signed-in page starts here, and "My work" must stay under budget.
 */
export async function fetchMe(): Promise<User | null> {
  const envelope = await api.getOrNull('/api/me', UserEnvelopeLight, 401);
  return envelope?.user ?? null;
}

export const meQuery = queryOptions({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000 });

export function useMe() {
  return useQuery(meQuery);
}

/** The user on pages behind RequireAuth, which renders nothing until there is one. */
export function useUser(): User {
  const { data } = useMe();
  if (!data) throw new Error('useUser is for signed-in pages only');
  return data;
}

/**
 * Nothing cached for one account may show to the next. The `me` query itself is kept and
 * overwritten instead of removed, so the components watching it hear about the change.
 */
function forgetAccountData(queryClient: QueryClient, user: User | null): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
  queryClient.setQueryData(meQueryKey, user);
}

/**
 * Set between signing out and the next sign-in. Queries still on screen refetch when the
 * account data is forgotten and meet a 401; without this, RequireAuth would send the person to
 * /signin?next=<the page they left>, as if their session had expired there.
 */
let signedOut = false;
export const justSignedOut = () => signedOut;

async function startSession(queryClient: QueryClient, user: User): Promise<void> {
  signedOut = false;
  forgetAccountData(queryClient, user);
  await applyLocale(user.locale);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post('/api/auth/login', userEnvelope, body),
    onSuccess: ({ user }) => startSession(queryClient, user),
  });
}

export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignupBody) => api.post('/api/auth/signup', userEnvelope, body),
    onSuccess: ({ user }) => startSession(queryClient, user),
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post('/api/auth/logout', ok),
    onMutate: () => {
      signedOut = true;
    },
    onSettled: async () => {
      // LanguageSync turns the UI back to the browser's language once `me` is null.
      forgetAccountData(queryClient, null);
      await navigate('/signin', { replace: true });
    },
  });
}
