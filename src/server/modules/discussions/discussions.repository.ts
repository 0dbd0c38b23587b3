import type { Kysely, Selectable, Updateable } from 'kysely';
import type { DB, DiscussionPostsTable } from '../../db/schema.ts';

export type PostRow = Selectable<DiscussionPostsTable>;
export type PostWithAuthor = PostRow & { author_name: string };

export function createDiscussionsRepository(db: Kysely<DB>) {
  return {
    async insert(row: PostRow): Promise<void> {
      await db.insertInto('discussion_posts').values(row).execute();
    },
    findById(postId: string): Promise<PostRow | undefined> {
      return db.selectFrom('discussion_posts').selectAll().where('id', '=', postId).executeTakeFirst();
    },
    listForActivity(activityId: string): Promise<PostWithAuthor[]> {
      return db
        .selectFrom('discussion_posts as p')
        .innerJoin('users as u', 'u.id', 'p.user_id')
        .selectAll('p')
        .select('u.name as author_name')
        .where('p.activity_id', '=', activityId)
        .orderBy('p.created_at')
        .orderBy('p.id')
        .execute();
    },
    async update(postId: string, changes: Updateable<DiscussionPostsTable>): Promise<void> {
      await db.updateTable('discussion_posts').set(changes).where('id', '=', postId).execute();
    },
  };
}
export type DiscussionsRepository = ReturnType<typeof createDiscussionsRepository>;
