import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { ToastProvider } from '../components/Toasts.tsx';
import { useMe } from '../features/auth/session.ts';
import { applyLocale, i18n } from '../i18n/i18n.ts';

/** Signed in, the UI speaks the account's language; signed out, the browser's. */
function LanguageSync() {
  const { data: user, isSuccess } = useMe();
  const locale = user?.locale;
  useEffect(() => {
    if (isSuccess) void applyLocale(locale);
  }, [isSuccess, locale]);
  return null;
}

export function Providers({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <LanguageSync />
        <ToastProvider>{children}</ToastProvider>
      </I18nextProvider>
    </QueryClientProvider>
  );
}
