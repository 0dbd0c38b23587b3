import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Member } from '../../../shared/schemas/courses.ts';
import { BackLink } from '../../components/BackLink.tsx';
import { ButtonLink } from '../../components/Button.tsx';
import { Card } from '../../components/Card.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageError } from '../../components/PageError.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { errorMessage } from '../../i18n/error-message.ts';
import { isApiError } from '../../lib/api.ts';
import { useUser } from '../auth/session.ts';
import { AddTeacherForm } from './AddTeacherForm.tsx';
import { CourseNotFound } from './CourseNotFound.tsx';
import { MemberList } from './MemberList.tsx';
import { useCourse, useRemoveMember, useRoster } from './courses-api.ts';

export function RosterPage() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  const user = useUser();
  const toast = useToast();
  const course = useCourse(courseId);
  const roster = useRoster(courseId);
  const remove = useRemoveMember(courseId);
  const [removing, setRemoving] = useState<Member | null>(null);

  if (course.isPending || roster.isPending) return <Loading />;
  const failed = course.error ?? roster.error;
  if (failed) {
    if (isApiError(failed) && failed.status === 404) return <CourseNotFound />;
    return <PageError error={failed} onRetry={() => void Promise.all([course.refetch(), roster.refetch()])} />;
  }
  const members = roster.data ?? [];
  const teachers = members.filter((member) => member.role === 'teacher');
  const students = members.filter((member) => member.role === 'student');
  const title = course.data?.title ?? '';

  return (
    <div className="container">
      <BackLink to={`/courses/${courseId}`}>{title}</BackLink>
      <div className="page-header">
        <div>
          <PageTitle title={t('roster.title')} />
          <p className="page-lede">{t('roster.lede', { title })}</p>
        </div>
      </div>
      <div className="roster-layout">
        <div className="stack">
          <Card title={t('roster.students', { count: students.length })}>
            {students.length === 0 ? (
              <EmptyState
                icon="users"
                title={t('roster.noStudentsTitle')}
                actions={
                  <ButtonLink to={`/courses/${courseId}`} icon="enter">
                    {t('roster.shareCode')}
                  </ButtonLink>
                }
              >
                <p>{t('roster.noStudentsBody')}</p>
              </EmptyState>
            ) : (
              <MemberList members={students} currentUserId={user.id} label={t('roster.studentsLabel')} onRemove={setRemoving} />
            )}
          </Card>
          <Card title={t('roster.teachers', { count: teachers.length })}>
            <MemberList members={teachers} currentUserId={user.id} label={t('roster.teachersLabel')} />
          </Card>
        </div>
        <Card className="roster-side" title={t('roster.addTeacherTitle')} description={t('roster.addTeacherBody')}>
          <AddTeacherForm courseId={courseId} />
        </Card>
      </div>
      <ConfirmDialog
        open={removing !== null}
        tone="danger"
        title={t('roster.removeTitle', { name: removing?.name ?? '' })}
        confirmLabel={t('roster.remove')}
        busy={remove.isPending}
        error={remove.isError ? errorMessage(t, remove.error) : undefined}
        onCancel={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() => {
          if (!removing) return;
          remove.mutate(removing.userId, {
            onSuccess: () => {
              toast(t('roster.removed', { name: removing.name }));
              setRemoving(null);
            },
          });
        }}
      >
        <p>{t('roster.removeBody', { title })}</p>
      </ConfirmDialog>
    </div>
  );
}
