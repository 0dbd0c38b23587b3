import { Link } from 'react-router';
import { Icon } from './Icon.tsx';

export function BackLink({ to, children }: { to: string; children: string }) {
  return (
    <Link to={to} className="back-link">
      <Icon name="arrowLeft" size={18} />
      {children}
    </Link>
  );
}
