import { CHAT_HISTORY, type ChatMessageView } from '../../../shared/realtime/protocol.ts';
import type { Out } from './out.ts';
import { groupOf, RoomError, type RoomContext, type RoomState } from './state.ts';

export function sendChat(state: RoomState, text: string, scope: 'room' | 'group', ctx: RoomContext, out: Out): void {
  const { actor } = ctx;
  const student = actor.role === 'student';
  if (student && state.mutedUserIds.includes(actor.userId)) throw new RoomError('chat_muted', 'The teacher has muted your chat');
  const message: ChatMessageView = { id: ctx.newId, userId: actor.userId, name: actor.name, text, at: ctx.now, groupId: null };
  if (scope === 'group') {
    const group = groupOf(state, actor.userId);
    if (!group) throw new RoomError('no_groups', 'You are not in a breakout group');
    message.groupId = group.id;
    group.chat = [...group.chat, message].slice(-CHAT_HISTORY);
    out.teachers({ type: 'chat.message', message });
    out.users(group.userIds, { type: 'chat.message', message });
  } else {
    if (student && state.chatMuted) throw new RoomError('chat_muted', 'The teacher has paused the room chat');
    state.chat = [...state.chat, message].slice(-CHAT_HISTORY);
    out.all({ type: 'chat.message', message });
  }
  out.effect({ type: 'chat.insert', message });
}

export function setMuted(state: RoomState, userId: string | undefined, muted: boolean, out: Out): void {
  if (userId === undefined) {
    if (state.chatMuted === muted) return;
    state.chatMuted = muted;
    out.all({ type: 'chat.muted', muted });
    return;
  }
  if (state.known[userId]?.role === 'teacher') throw new RoomError('forbidden', 'Teachers cannot be muted');
  if (state.mutedUserIds.includes(userId) === muted) return;
  state.mutedUserIds = muted ? [...state.mutedUserIds, userId].sort() : state.mutedUserIds.filter((id) => id !== userId);
  out.teachers({ type: 'chat.mutedUsers', userIds: state.mutedUserIds });
  out.users([userId], { type: 'me.changed', me: { muted } });
}
