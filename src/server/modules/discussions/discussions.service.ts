import type { DiscussionPost } from '../../../shared/schemas/discussions.ts';
import type { Role } from '../../../shared/schemas/courses.ts';
import { badRequest, conflict, forbidden, notFound } from '../../lib/errors.ts';
import { newId, nowIso } from '../../lib/ids.ts';
import type { ActivityAccessPolicy } from '../activities/activity-access.ts';
import type { CoursePolicy } from '../courses/courses.policy.ts';
import { renderMarkdown, type RenderContext } from '../markdown/render.ts';
import type { RenderContextLoader } from '../markdown/render-context.ts';
import type { ResponsesService } from '../responses/responses.service.ts';
import type { DiscussionsRepository, PostWithAuthor } from './discussions.repository.ts';

/** Builds the reply tree. Deleted and hidden posts stay as placeholders so their replies keep their place. */
export function buildTree(rows: PostWithAuthor[], role: Role, viewerId: string, context: RenderContext): DiscussionPost[] {
  const nodes = new Map<string, DiscussionPost>();
  for (const row of rows) {
    const deleted = row.deleted_at !== null;
    const hiddenFromViewer = row.hidden === 1 && role !== 'teacher';
    const visible = !deleted && !hiddenFromViewer;
    nodes.set(row.id, {
      id: row.id,
      parentId: row.parent_id,
      author: visible ? { userId: row.user_id, name: row.author_name } : null,
      body: visible ? row.body : null,
      html: visible ? renderMarkdown(row.body, context, { frontMatter: false }).html : null,
      deleted,
      hidden: row.hidden === 1,
      mine: row.user_id === viewerId,
      createdAt: row.created_at,
      editedAt: row.edited_at,
      replies: [],
    });
  }
  const roots: DiscussionPost[] = [];
  for (const row of rows) {
    const node = nodes.get(row.id)!;
    const parent = row.parent_id ? nodes.get(row.parent_id) : undefined;
    (parent ? parent.replies : roots).push(node);
  }
  return roots;
}

export function createDiscussionsService(deps: {
  posts: DiscussionsRepository;
  access: ActivityAccessPolicy;
  policy: CoursePolicy;
  responses: ResponsesService;
  loadRenderContext: RenderContextLoader;
}) {
  const { posts, access, policy, loadRenderContext } = deps;

  async function loadPost(postId: string, userId: string) {
    const post = await posts.findById(postId);
    if (!post) throw notFound('Post not found');
    const course = await policy.requireMember(post.course_id, userId).catch(() => {
      throw notFound('Post not found');
    });
    return { post, course };
  }

  async function presentOne(postId: string, activityId: string, role: Role, userId: string): Promise<DiscussionPost> {
    const rows = (await posts.listForActivity(activityId)).filter((r) => r.id === postId);
    const [node] = buildTree(rows, role, userId, await loadRenderContext(rows[0]!.course_id));
    return node!;
  }

  return {
    async create(activityId: string, userId: string, input: { body: string; parentId?: string | undefined }, now = new Date()): Promise<DiscussionPost> {
      const { activity, course } = await access.forMember(activityId, userId);
      if (activity.type !== 'discussion') throw badRequest('wrong_activity_type', 'Posts go to a discussion activity');
      if (activity.closed === 1) throw conflict('activity_closed', 'The teacher has closed this discussion');
      if (activity.opens_at && new Date(activity.opens_at) > now) throw conflict('not_open', `This discussion opens at ${activity.opens_at}`);
      if (input.parentId) {
        const parent = await posts.findById(input.parentId);
        if (!parent || parent.activity_id !== activityId) throw badRequest('invalid_parent', 'parentId is not a post of this discussion', 'body.parentId');
      }
      const at = now.toISOString();
      const id = newId();
      await posts.insert({
        id,
        course_id: activity.course_id,
        activity_id: activityId,
        parent_id: input.parentId ?? null,
        user_id: userId,
        body: input.body,
        hidden: 0,
        deleted_at: null,
        edited_at: null,
        created_at: at,
        updated_at: at,
      });
      // Taking part is what completes a discussion activity.
      if (course.role === 'student') await deps.responses.save(activityId, userId, { done: true }, now);
      return presentOne(id, activityId, course.role, userId);
    },

    async list(activityId: string, userId: string): Promise<DiscussionPost[]> {
      const { activity, course } = await access.forMember(activityId, userId);
      if (activity.type !== 'discussion') throw badRequest('wrong_activity_type', 'This activity is not a discussion');
      const [rows, context] = await Promise.all([posts.listForActivity(activityId), loadRenderContext(activity.course_id)]);
      return buildTree(rows, course.role, userId, context);
    },

    async edit(postId: string, userId: string, body: string): Promise<DiscussionPost> {
      const { post, course } = await loadPost(postId, userId);
      if (post.user_id !== userId) throw forbidden('You can only edit your own posts');
      if (post.deleted_at) throw conflict('post_deleted', 'This post was deleted');
      const at = nowIso();
      await posts.update(postId, { body, edited_at: at, updated_at: at });
      return presentOne(postId, post.activity_id, course.role, userId);
    },

    /** Soft delete (author or teacher): the text goes, the replies stay. */
    async delete(postId: string, userId: string): Promise<void> {
      const { post, course } = await loadPost(postId, userId);
      if (post.user_id !== userId && course.role !== 'teacher') throw forbidden('You can only delete your own posts');
      if (post.deleted_at) return;
      const at = nowIso();
      await posts.update(postId, { body: '', deleted_at: at, updated_at: at });
    },

    async setHidden(postId: string, userId: string, hidden: boolean): Promise<DiscussionPost> {
      const { post, course } = await loadPost(postId, userId);
      if (course.role !== 'teacher') throw forbidden('Only the course teachers can hide posts');
      await posts.update(postId, { hidden: hidden ? 1 : 0, updated_at: nowIso() });
      return presentOne(postId, post.activity_id, course.role, userId);
    },
  };
}
export type DiscussionsService = ReturnType<typeof createDiscussionsService>;
