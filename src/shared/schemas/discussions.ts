import { z } from 'zod';
import { Id, Instant } from './common.ts';

export const PostBodyText = z.string().trim().min(1).max(20_000);
export const CreatePostBody = z.object({ body: PostBodyText, parentId: Id.optional() });
export type CreatePostBody = z.input<typeof CreatePostBody>;
export const EditPostBody = z.object({ body: PostBodyText });
export const HidePostBody = z.object({ hidden: z.boolean() });

export type DiscussionPost = {
  id: string;
  parentId: string | null;
  /** null once deleted. */
  author: { userId: string; name: string } | null;
  /** Markdown source (null when deleted, or hidden from a student). */
  body: string | null;
  /** Rendered, sanitised HTML (null when deleted, or hidden from a student). */
  html: string | null;
  deleted: boolean;
  hidden: boolean;
  mine: boolean;
  createdAt: string;
  editedAt: string | null;
  replies: DiscussionPost[];
};

/** A post with its replies (a deleted or hidden post keeps its replies in the tree). */
export const DiscussionPost: z.ZodType<DiscussionPost> = z.object({
  id: Id,
  parentId: Id.nullable(),
  author: z.object({ userId: Id, name: z.string() }).nullable(),
  body: z.string().nullable(),
  html: z.string().nullable(),
  deleted: z.boolean(),
  hidden: z.boolean(),
  mine: z.boolean(),
  createdAt: Instant,
  editedAt: Instant.nullable(),
  get replies() {
    return z.array(DiscussionPost);
  },
});

export const PostEnvelope = z.object({ post: DiscussionPost });
/** Top-level posts oldest first, each with its replies (oldest first) nested. */
export const PostTree = z.object({ posts: z.array(DiscussionPost) });
export const PostParams = z.object({ postId: Id });
