import { useEffect, type RefObject } from 'react';

/** After a failed submit, put the cursor in the first field that needs fixing. */
export function useFocusFirstError(formRef: RefObject<HTMLFormElement | null>, errors: Partial<Record<string, string>>): void {
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [formRef, errors]);
}
