import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiscussionPost } from '../../../../shared/schemas/discussions.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Avatar } from '../../../components/Avatar.tsx';
import { Badge } from '../../../components/Badge.tsx';
import { Button } from '../../../components/Button.tsx';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { TextAreaField } from '../../../components/Field.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useFormat } from '../../account/use-format.ts';
import type { ActivityOf } from '../activity-types.ts';
import { useCreatePost, useDeletePost, useEditPost, useHidePost, usePosts } from '../discussions-api.ts';
import { learningError } from '../learning-errors.ts';
import { ServerHtml } from '../ServerHtml.tsx';

/** A text box with its own submit, for new threads, replies and edits. */
function PostForm({ label, initial = '', submitLabel, busy, onSubmit, onCancel }: { label: string; initial?: string; submitLabel: string; busy: boolean; onSubmit: (text: string) => Promise<unknown>; onCancel?: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!text.trim()) return setError(t('errors.field.required'));
    setError(undefined);
    try {
      await onSubmit(text.trim());
      setText('');
    } catch (caught) {
      setError(learningError(t, caught));
    }
  }
  return (
    <form className="form post-form" onSubmit={submit} noValidate>
      <TextAreaField label={label} value={text} onChange={(event) => setText(event.target.value)} rows={3} maxLength={20_000} error={error} hint={t('activity.discussion.markdownHint')} />
      <div className="form-actions">
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
        <Button type="submit" variant="primary" busy={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

function Post({ post, activityId, isTeacher, locked, depth }: { post: DiscussionPost; activityId: string; isTeacher: boolean; locked: boolean; depth: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [mode, setMode] = useState<'read' | 'reply' | 'edit'>('read');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const create = useCreatePost(activityId);
  const edit = useEditPost(activityId);
  const remove = useDeletePost(activityId);
  const hide = useHidePost(activityId);
  const name = post.author?.name ?? t('activity.discussion.deletedAuthor');
  const failure = remove.error ?? hide.error;

  return (
    <li className="post">
      <article className={post.hidden ? 'post-card post-hidden' : 'post-card'} aria-label={t('activity.discussion.postBy', { name })}>
        <header className="post-header">
          <Avatar name={name} />
          <div>
            <p className="post-author">
              {name}
              {post.mine ? <Badge tone="primary">{t('activity.discussion.you')}</Badge> : null}
              {post.hidden ? <Badge tone="warning">{t('activity.discussion.hiddenBadge')}</Badge> : null}
            </p>
            <p className="post-time muted">
              {format.dateTime(post.createdAt)}
              {post.editedAt ? ` · ${t('activity.discussion.edited')}` : null}
            </p>
          </div>
        </header>
        {post.deleted ? (
          <p className="muted post-removed">{t('activity.discussion.deleted')}</p>
        ) : post.html === null ? (
          <p className="muted post-removed">{t('activity.discussion.hidden')}</p>
        ) : mode === 'edit' ? (
          <PostForm
            label={t('activity.discussion.editLabel')}
            initial={post.body ?? ''}
            submitLabel={t('common.saveChanges')}
            busy={edit.isPending}
            onCancel={() => setMode('read')}
            onSubmit={async (body) => {
              await edit.mutateAsync({ postId: post.id, body });
              setMode('read');
            }}
          />
        ) : (
          <ServerHtml html={post.html} className="post-body" />
        )}
        {failure ? <Alert tone="error">{learningError(t, failure)}</Alert> : null}
        {mode === 'read' && !post.deleted ? (
          <div className="post-actions">
            {locked ? null : (
              <Button variant="ghost" onClick={() => setMode('reply')}>
                {t('activity.discussion.reply')}
              </Button>
            )}
            {post.mine && post.html !== null && !locked ? (
              <Button variant="ghost" icon="pencil" onClick={() => setMode('edit')}>
                {t('activity.discussion.edit')}
              </Button>
            ) : null}
            {post.mine || isTeacher ? (
              <Button variant="ghost" icon="trash" busy={remove.isPending} onClick={() => setConfirmDelete(true)}>
                {t('activity.discussion.delete')}
              </Button>
            ) : null}
            {isTeacher ? (
              <Button variant="ghost" icon={post.hidden ? 'eye' : 'eyeOff'} busy={hide.isPending} onClick={() => hide.mutate({ postId: post.id, hidden: !post.hidden })}>
                {post.hidden ? t('activity.discussion.unhide') : t('activity.discussion.hide')}
              </Button>
            ) : null}
          </div>
        ) : null}
        {mode === 'reply' ? (
          <PostForm
            label={t('activity.discussion.replyTo', { name })}
            submitLabel={t('activity.discussion.sendReply')}
            busy={create.isPending}
            onCancel={() => setMode('read')}
            onSubmit={async (body) => {
              await create.mutateAsync({ body, parentId: post.id });
              setMode('read');
            }}
          />
        ) : null}
        <ConfirmDialog
          open={confirmDelete}
          tone="danger"
          title={t('activity.discussion.deleteTitle')}
          confirmLabel={t('activity.discussion.delete')}
          busy={remove.isPending}
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() => remove.mutate(post.id, { onSettled: () => setConfirmDelete(false) })}
        >
          <p>{t('activity.discussion.deleteBody')}</p>
        </ConfirmDialog>
      </article>
      {post.replies.length > 0 ? (
        <ul className={depth < 3 ? 'post-replies' : 'post-replies post-replies-flat'}>
          {post.replies.map((reply) => (
            <Post key={reply.id} post={reply} activityId={activityId} isTeacher={isTeacher} locked={locked} depth={depth + 1} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** A threaded discussion: start a thread, reply, edit or delete your own; teachers moderate. */
export function DiscussionTask({ activity, isTeacher, locked }: { activity: ActivityOf<'discussion'>; isTeacher: boolean; locked: boolean }) {
  const { t } = useTranslation();
  const posts = usePosts(activity.id);
  const create = useCreatePost(activity.id);
  const list = posts.data ?? [];
  return (
    <div className="task">
      <p className="task-prompt">{activity.content.prompt}</p>
      {locked ? null : <PostForm label={t('activity.discussion.newLabel')} submitLabel={t('activity.discussion.post')} busy={create.isPending} onSubmit={(body) => create.mutateAsync({ body })} />}
      <h2 className="task-subtitle">{t('activity.discussion.threads', { count: list.length })}</h2>
      {posts.isPending ? <Loading /> : null}
      {posts.isError ? <Alert tone="error">{learningError(t, posts.error)}</Alert> : null}
      {posts.isSuccess && list.length === 0 ? <p className="muted">{t('activity.discussion.none')}</p> : null}
      <ul className="post-list">
        {list.map((post) => (
          <Post key={post.id} post={post} activityId={activity.id} isTeacher={isTeacher} locked={locked} depth={0} />
        ))}
      </ul>
    </div>
  );
}
