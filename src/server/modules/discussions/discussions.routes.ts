import { ActivityParams } from '../../../shared/schemas/activities.ts';
import { Ok } from '../../../shared/schemas/common.ts';
import { CreatePostBody, EditPostBody, HidePostBody, PostEnvelope, PostParams, PostTree } from '../../../shared/schemas/discussions.ts';
import { requireUser } from '../../http/authenticate.ts';
import { errors } from '../../http/error-responses.ts';
import type { App } from '../../http/types.ts';
import type { DiscussionsService } from './discussions.service.ts';

export function registerDiscussionRoutes(app: App, deps: { discussions: DiscussionsService }): void {
  const { discussions } = deps;
  const tags = ['discussions'];

  app.post(
    '/api/activities/:activityId/posts',
    { schema: { tags, description: 'Member, discussion activities. Markdown body; parentId to reply.', params: ActivityParams, body: CreatePostBody, response: { 201: PostEnvelope, ...errors(400, 401, 404, 409) } } },
    async (request, reply) => {
      const post = await discussions.create(request.params.activityId, requireUser(request).id, request.body);
      return reply.status(201).send({ post });
    },
  );

  app.get(
    '/api/activities/:activityId/posts',
    { schema: { tags, description: 'Member. The thread as a tree.', params: ActivityParams, response: { 200: PostTree, ...errors(400, 401, 404) } } },
    async (request) => ({ posts: await discussions.list(request.params.activityId, requireUser(request).id) }),
  );

  app.patch(
    '/api/posts/:postId',
    { schema: { tags, description: 'The author.', params: PostParams, body: EditPostBody, response: { 200: PostEnvelope, ...errors(400, 401, 403, 404, 409) } } },
    async (request) => ({ post: await discussions.edit(request.params.postId, requireUser(request).id, request.body.body) }),
  );

  app.delete(
    '/api/posts/:postId',
    { schema: { tags, description: 'The author or a teacher. Soft delete: replies stay.', params: PostParams, response: { 200: Ok, ...errors(401, 403, 404) } } },
    async (request) => {
      await discussions.delete(request.params.postId, requireUser(request).id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/posts/:postId/hide',
    { schema: { tags, description: 'Teacher. Hide or unhide a post.', params: PostParams, body: HidePostBody, response: { 200: PostEnvelope, ...errors(400, 401, 403, 404) } } },
    async (request) => ({ post: await discussions.setHidden(request.params.postId, requireUser(request).id, request.body.hidden) }),
  );
}
