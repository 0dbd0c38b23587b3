import type { Locale } from '../../../shared/schemas/common.ts';

/** What a feedback notification says, in the recipient's language. */
export type FeedbackFacts = { activityTitle: string; courseTitle: string; teacherName: string };

const FEEDBACK = {
  en: {
    title: (f: FeedbackFacts) => `Feedback on “${f.activityTitle}”`,
    text: (f: FeedbackFacts) => `${f.teacherName} left feedback on your work in ${f.courseTitle}.`,
    email: (f: FeedbackFacts & { name: string; feedback: string; url: string }) =>
      `Hello ${f.name},\n\n${f.teacherName} left feedback on your work for “${f.activityTitle}” in ${f.courseTitle}:\n\n${f.feedback}\n\nOpen it in Tandem: ${f.url}\n`,
  },
  fr: {
    title: (f: FeedbackFacts) => `Retour sur « ${f.activityTitle} »`,
    text: (f: FeedbackFacts) => `${f.teacherName} a commenté votre travail dans ${f.courseTitle}.`,
    email: (f: FeedbackFacts & { name: string; feedback: string; url: string }) =>
      `Bonjour ${f.name},\n\n${f.teacherName} a commenté votre travail pour « ${f.activityTitle} » dans ${f.courseTitle} :\n\n${f.feedback}\n\nL’ouvrir dans Tandem : ${f.url}\n`,
  },
} as const;

export function feedbackTexts(locale: Locale) {
  return FEEDBACK[locale] ?? FEEDBACK.en;
}
