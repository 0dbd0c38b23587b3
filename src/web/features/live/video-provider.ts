import type { TFunction } from 'i18next';
import type { VideoProvider } from '../../../shared/schemas/live.ts';

/** "Zoom", "Jitsi Meet"…: the recognised conference service, or a neutral name. */
export function providerLabel(t: TFunction, provider: VideoProvider | null | undefined): string {
  switch (provider) {
    case 'jitsi':
      return t('live.provider.jitsi');
    case 'bigbluebutton':
      return t('live.provider.bigbluebutton');
    case 'zoom':
      return t('live.provider.zoom');
    case 'meet':
      return t('live.provider.meet');
    case 'teams':
      return t('live.provider.teams');
    default:
      return t('live.provider.other');
  }
}
