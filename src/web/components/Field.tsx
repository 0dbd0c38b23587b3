import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { Icon } from './Icon.tsx';

type Described = { label: ReactNode; hint?: ReactNode; error?: string | undefined; className?: string };
type ControlIds = { id: string; 'aria-describedby': string | undefined; 'aria-invalid': true | undefined };

/** Label above, hint and error text below, all tied to the control for screen readers. */
function FieldShell({ label, hint, error, className, children }: Described & { children: (ids: ControlIds) => ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          <Icon name="alert" size={16} />
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & Described & { trailing?: ReactNode };

export function TextField({ label, hint, error, className, trailing, ...input }: InputProps) {
  return (
    <FieldShell label={label} hint={hint} error={error} className={className}>
      {(ids) =>
        trailing ? (
          <div className="input-group">
            <input className="input" {...input} {...ids} />
            {trailing}
          </div>
        ) : (
          <input className="input" {...input} {...ids} />
        )
      }
    </FieldShell>
  );
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & Described;

export function TextAreaField({ label, hint, error, className, ...textarea }: TextAreaProps) {
  return (
    <FieldShell label={label} hint={hint} error={error} className={className}>
      {(ids) => <textarea className="input textarea" rows={4} {...textarea} {...ids} />}
    </FieldShell>
  );
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & Described & { children: ReactNode };

export function SelectField({ label, hint, error, className, children, ...select }: SelectProps) {
  return (
    <FieldShell label={label} hint={hint} error={error} className={className}>
      {(ids) => (
        <div className="select-wrap">
          <select className="input select" {...select} {...ids}>
            {children}
          </select>
          <Icon name="chevronDown" size={18} className="select-chevron" />
        </div>
      )}
    </FieldShell>
  );
}
