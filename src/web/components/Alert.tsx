import type { ReactNode } from 'react';
import { Icon } from './Icon.tsx';

/** A message inside the page: `error` is announced at once, `info` is read in turn. */
export function Alert({ tone = 'info', title, children, action }: { tone?: 'info' | 'error' | 'success'; title?: ReactNode; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <Icon name={tone === 'success' ? 'check' : tone === 'error' ? 'alert' : 'info'} size={20} />
      <div className="alert-body">
        {title ? <p className="alert-title">{title}</p> : null}
        {children ? <div>{children}</div> : null}
      </div>
      {action ? <div className="alert-action">{action}</div> : null}
    </div>
  );
}
