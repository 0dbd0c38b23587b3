import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Course } from '../../../shared/schemas/courses.ts';
import { Button } from '../../components/Button.tsx';
import { Card } from '../../components/Card.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { CopyButton } from '../../components/CopyButton.tsx';
import { TextField } from '../../components/Field.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { errorMessage } from '../../i18n/error-message.ts';
import { groupJoinCode, joinLink, useRegenerateJoinCode } from './courses-api.ts';

/** For teachers: the join code, big enough to read off a projector, the link, and a fresh code. */
export function InviteCard({ course }: { course: Course }) {
  const { t } = useTranslation();
  const toast = useToast();
  const regenerate = useRegenerateJoinCode(course.id);
  const [confirming, setConfirming] = useState(false);
  const code = course.joinCode;
  if (!code) return null;
  const [first, second] = groupJoinCode(code);
  const link = joinLink(code);

  return (
    <Card className="invite-card" title={t('invite.title')} description={course.archived ? t('invite.archived') : t('invite.description')}>
      <div className="join-code-block">
        <p className="join-code-label">{t('fields.joinCode')}</p>
        <p className="join-code" data-testid="join-code">
          <span>{first}</span>
          <span>{second}</span>
        </p>
        <div className="button-row">
          <CopyButton text={code} label={t('invite.copyCode')} copiedMessage={t('invite.codeCopied')} />
          <Button variant="ghost" icon="refresh" onClick={() => setConfirming(true)}>
            {t('invite.regenerate')}
          </Button>
        </div>
      </div>
      <div className="join-link-block">
        <TextField label={t('invite.link')} value={link} readOnly onFocus={(event) => event.currentTarget.select()} className="field-link" />
        <CopyButton text={link} label={t('invite.copyLink')} copiedMessage={t('invite.linkCopied')} />
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('invite.regenerateTitle')}
        confirmLabel={t('invite.regenerateConfirm')}
        busy={regenerate.isPending}
        error={regenerate.isError ? errorMessage(t, regenerate.error) : undefined}
        onCancel={() => {
          setConfirming(false);
          regenerate.reset();
        }}
        onConfirm={() =>
          regenerate.mutate(undefined, {
            onSuccess: () => {
              setConfirming(false);
              toast(t('invite.regenerated'));
            },
          })
        }
      >
        <p>{t('invite.regenerateBody')}</p>
      </ConfirmDialog>
    </Card>
  );
}
