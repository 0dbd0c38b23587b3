import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { createQueryClient } from './app/query-client.ts';
import { meQuery } from './features/auth/session.ts';
import { applyLocale, initI18n } from './i18n/i18n.ts';
import { registerServiceWorker } from './features/offline/register.ts';
import './styles/index.css';

async function start(): Promise<void> {
  const queryClient = createQueryClient();
  // Who is signed in and the browser's language, both before the first paint: a signed-in
  // French speaker never sees a flash of English or of the sign-in page.
  await Promise.all([initI18n(), queryClient.prefetchQuery(meQuery)]);
  const user = queryClient.getQueryData(meQuery.queryKey);
  if (user) await applyLocale(user.locale);

  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  );
  // Installable and usable offline (features/offline): registered after the first page settles.
  registerServiceWorker();
}

void start();
