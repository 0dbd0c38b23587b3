import { useTranslation } from 'react-i18next';
import { buttonClass } from '../../components/Button.tsx';
import { Card } from '../../components/Card.tsx';

/** Everything Tandem holds about the user, as one JSON file (GET /api/me/export, a download). */
export function MyDataCard() {
  const { t } = useTranslation();
  return (
    <Card title={t('privacy.myData.title')} description={t('privacy.myData.lede')}>
      <p>
        <a className={buttonClass({ variant: 'secondary' })} href="/api/me/export" download>
          {t('privacy.myData.download')}
        </a>
      </p>
    </Card>
  );
}
