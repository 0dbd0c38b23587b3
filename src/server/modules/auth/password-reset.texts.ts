import type { Locale } from '../../../shared/schemas/common.ts';

/** The reset emails, in the account's language. */
const TEXTS = {
  en: {
    subject: 'Reset your Tandem password',
    body: (f: { name: string; url: string; minutes: number }) =>
      `Hello ${f.name},\n\nSomeone (we hope you) asked to reset the password of your Tandem account.\n` +
      `Open this link within ${f.minutes} minutes to choose a new password. It works once.\n\n${f.url}\n\n` +
      `If you did not ask for this, ignore this email: your password stays as it is.\n`,
    changedSubject: 'Your Tandem password was changed',
    changedBody: (f: { name: string }) =>
      `Hello ${f.name},\n\nThe password of your Tandem account was just reset, and every device was signed out.\n` +
      `If this was not you, reset it again at once and tell your teacher or administrator.\n`,
  },
  fr: {
    subject: 'Réinitialiser votre mot de passe Tandem',
    body: (f: { name: string; url: string; minutes: number }) =>
      `Bonjour ${f.name},\n\nQuelqu’un (vous, nous l’espérons) a demandé à réinitialiser le mot de passe de votre compte Tandem.\n` +
      `Ouvrez ce lien dans les ${f.minutes} minutes pour choisir un nouveau mot de passe. Il ne fonctionne qu’une fois.\n\n${f.url}\n\n` +
      `Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.\n`,
    changedSubject: 'Votre mot de passe Tandem a été changé',
    changedBody: (f: { name: string }) =>
      `Bonjour ${f.name},\n\nLe mot de passe de votre compte Tandem vient d’être réinitialisé, et tous vos appareils ont été déconnectés.\n` +
      `Si ce n’était pas vous, réinitialisez-le de nouveau tout de suite et prévenez votre enseignant ou l’administrateur.\n`,
  },
} as const;

export function passwordResetTexts(locale: Locale) {
  return TEXTS[locale] ?? TEXTS.en;
}
