import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';
import { Icon, type IconName } from './Icon.tsx';
import { Spinner } from './Spinner.tsx';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';
type Look = { variant?: ButtonVariant; size?: 'md' | 'lg'; icon?: IconName; block?: boolean };

export function buttonClass({ variant = 'secondary', size = 'md', block = false }: Look, extra?: string): string {
  return ['btn', `btn-${variant}`, size === 'lg' ? 'btn-lg' : '', block ? 'btn-block' : '', extra ?? ''].filter(Boolean).join(' ');
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & Look & { busy?: boolean; children: ReactNode };

/** A button; while `busy` it shows a spinner and ignores clicks, keeping its width and label. */
export function Button({ variant, size, icon, block, busy = false, className, children, disabled, type = 'button', ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={buttonClass({ variant, size, block }, className)}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
    >
      {busy ? <Spinner size={18} /> : icon ? <Icon name={icon} size={18} /> : null}
      <span>{children}</span>
    </button>
  );
}

type ButtonLinkProps = LinkProps & Look & { children: ReactNode };

/** A link that looks like a button, for navigation (it stays a link for assistive tech). */
export function ButtonLink({ variant, size, icon, block, className, children, ...rest }: ButtonLinkProps) {
  return (
    <Link {...rest} className={buttonClass({ variant, size, block }, className)}>
      {icon ? <Icon name={icon} size={18} /> : null}
      <span>{children}</span>
    </Link>
  );
}
