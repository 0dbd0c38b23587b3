import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from '../lib/clipboard.ts';
import { Button, type ButtonVariant } from './Button.tsx';
import { useToast } from './Toasts.tsx';

/** Copies `text`; the label turns into "Copied" for a moment and a toast confirms it. */
export function CopyButton({ text, label, copiedMessage, variant = 'secondary' }: { text: string; label: string; copiedMessage: string; variant?: ButtonVariant }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 2000);
    return () => window.clearTimeout(timer);
  }, [copied]);

  async function copy() {
    if (await copyText(text)) {
      setCopied(true);
      toast(copiedMessage);
    } else {
      toast(t('common.copyFailed'), 'error');
    }
  }

  return (
    <Button variant={variant} icon={copied ? 'check' : 'copy'} onClick={copy}>
      {copied ? t('common.copied') : label}
    </Button>
  );
}
