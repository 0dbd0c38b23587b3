import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon.tsx';

/** What to show where a list has nothing yet: what will appear here, and how to get it. */
type EmptyStateProps = { icon?: IconName; title: ReactNode; children?: ReactNode; actions?: ReactNode; art?: ReactNode; headingLevel?: 2 | 3 };

export function EmptyState({ icon, title, children, actions, art, headingLevel = 3 }: EmptyStateProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="empty-state">
      {art ?? (icon ? (
        <div className="empty-state-icon">
          <Icon name={icon} size={28} />
        </div>
      ) : null)}
      <Heading className="empty-state-title">{title}</Heading>
      {children ? <div className="empty-state-body">{children}</div> : null}
      {actions ? <div className="empty-state-actions">{actions}</div> : null}
    </div>
  );
}
