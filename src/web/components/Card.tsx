import { useId, type ReactNode } from 'react';

type CardProps = { id?: string; title?: ReactNode; description?: ReactNode; actions?: ReactNode; children?: ReactNode; className?: string; headingLevel?: 2 | 3 };

/** A titled surface; with a title it is a labelled region, so it shows up in landmark lists. */
export function Card({ id: anchor, title, description, actions, children, className, headingLevel = 2 }: CardProps) {
  const id = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section id={anchor} className={['card', className ?? ''].filter(Boolean).join(' ')} aria-labelledby={title ? id : undefined}>
      {title || actions ? (
        <header className="card-header">
          <div>
            {title ? (
              <Heading className="card-title" id={id}>
                {title}
              </Heading>
            ) : null}
            {description ? <p className="card-description">{description}</p> : null}
          </div>
          {actions ? <div className="card-actions">{actions}</div> : null}
        </header>
      ) : null}
      {children}
    </section>
  );
}
