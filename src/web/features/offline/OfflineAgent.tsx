import { useOfflineAgent } from './use-offline-agent.ts';

/** Renders nothing: the background side of offline work (use-offline-agent.ts). */
export function OfflineAgent({ userId }: { userId: string }) {
  useOfflineAgent(userId);
  return null;
}
