import type { ActivityType, LearningType, Phase } from '../../../shared/schemas/activities.ts';
import type { Locale } from '../../../shared/schemas/common.ts';
import type { LessonTemplate, LessonTemplateId } from '../../../shared/schemas/lesson-templates.ts';
import type { Texts } from '../readiness/texts.ts';

/** One activity of a template, in both languages; `content` must pass the type's content schema. */
export type ActivitySnippet = {
  phase: Phase;
  type: ActivityType;
  learningType: LearningType;
  estimatedMinutes: number;
  title: Texts;
  content: (locale: Locale) => Record<string, unknown>;
};

const page = (phase: Phase, learningType: LearningType, estimatedMinutes: number, title: Texts, body: Texts): ActivitySnippet => ({
  phase,
  type: 'page',
  learningType,
  estimatedMinutes,
  title,
  content: (l) => ({ markdown: `# ${title[l]}\n\n${body[l]}\n` }),
});
const prompted = (type: 'reflection' | 'question_box' | 'discussion', phase: Phase, learningType: LearningType, estimatedMinutes: number, title: Texts, prompt: Texts): ActivitySnippet => ({
  phase,
  type,
  learningType,
  estimatedMinutes,
  title,
  content: (l) => ({ prompt: prompt[l] }),
});
const poll = (phase: Phase, estimatedMinutes: number, title: Texts, question: Texts, choices: Texts[]): ActivitySnippet => ({
  phase,
  type: 'poll',
  learningType: 'discussion',
  estimatedMinutes,
  title,
  content: (l) => ({ question: question[l], choices: choices.map((c) => c[l]), anonymous: false }),
});
const checklist = (phase: Phase, estimatedMinutes: number, title: Texts, items: Texts[]): ActivitySnippet => ({
  phase,
  type: 'checklist',
  learningType: 'practice',
  estimatedMinutes,
  title,
  content: (l) => ({ items: items.map((i) => i[l]) }),
});
const quiz = (phase: Phase, estimatedMinutes: number, title: Texts): ActivitySnippet => ({
  phase,
  type: 'quiz',
  learningType: 'practice',
  estimatedMinutes,
  title,
  content: (l) => ({
    items: [
      {
        prompt: l === 'fr' ? 'Remplacez cette question par une question sur le contenu.' : 'Replace this question with one about the content.',
        kind: 'single',
        choices: l === 'fr' ? ['Bonne réponse', 'Erreur fréquente', 'Autre erreur'] : ['Right answer', 'Common mistake', 'Another mistake'],
        answer: 0,
      },
    ],
    attemptsAllowed: 2,
    showAnswersAfterSubmit: true,
  }),
});

// ---------- Snippets also used by the design-guidance fixes ----------

export const CHECK_IN_POLL = poll(
  'live',
  3,
  { en: 'Check-in', fr: 'Point de départ' },
  { en: 'How confident do you feel about today’s topic?', fr: 'À quel point êtes-vous à l’aise avec le sujet du jour ?' },
  [
    { en: 'Confident', fr: 'À l’aise' },
    { en: 'Somewhat', fr: 'Un peu' },
    { en: 'Not yet', fr: 'Pas encore' },
  ],
);

export const PREWORK_PAGE = page(
  'pre',
  'acquisition',
  10,
  { en: 'Before class: key ideas', fr: 'Avant la séance : notions clés' },
  {
    en: 'Write or link the key ideas students should meet before the live session (a short text, a video, a reading).',
    fr: 'Écrivez ou liez ici les notions clés à découvrir avant la séance en direct (un court texte, une vidéo, une lecture).',
  },
);

export const POSTWORK_REFLECTION = prompted(
  'reflection',
  'post',
  'production',
  10,
  { en: 'After class: reflect and consolidate', fr: 'Après la séance : réfléchir et consolider' },
  {
    en: 'What did you learn in the live session? What is still unclear?',
    fr: 'Qu’avez-vous appris pendant la séance ? Qu’est-ce qui reste flou ?',
  },
);

const EXIT_TICKET = prompted(
  'reflection',
  'live',
  'production',
  5,
  { en: 'Exit ticket', fr: 'Ticket de sortie' },
  { en: 'In one or two sentences: what did you learn today?', fr: 'En une ou deux phrases : qu’avez-vous appris aujourd’hui ?' },
);

const BRING_A_QUESTION = prompted(
  'question_box',
  'pre',
  'investigation',
  5,
  { en: 'Bring a question', fr: 'Apportez une question' },
  { en: 'What question would you like to ask in class?', fr: 'Quelle question aimeriez-vous poser en séance ?' },
);

type TemplateDef = { id: LessonTemplateId; name: Texts; description: Texts; liveDurationMinutes: number; activities: ActivitySnippet[] };

const TEMPLATES: TemplateDef[] = [
  {
    id: 'flipped',
    name: { en: 'Flipped lesson', fr: 'Classe inversée' },
    description: {
      en: 'Students meet the content before class; the live session is spent on practice in small groups and feedback.',
      fr: 'Les élèves découvrent le contenu avant la séance ; le direct est consacré à la pratique en petits groupes et aux retours.',
    },
    liveDurationMinutes: 45,
    activities: [
      page('pre', 'acquisition', 10, { en: 'Key ideas', fr: 'Notions clés' }, {
        en: 'Present the key ideas here: a short text, a video link, a diagram.',
        fr: 'Présentez ici les notions clés : un court texte, un lien vidéo, un schéma.',
      }),
      quiz('pre', 10, { en: 'Check your understanding', fr: 'Vérifiez votre compréhension' }),
      BRING_A_QUESTION,
      CHECK_IN_POLL,
      page('live', 'collaboration', 25, { en: 'Small-group problem solving', fr: 'Résolution de problèmes en petits groupes' }, {
        en: 'In groups of three or four, solve the problems below. The teacher visits each group.',
        fr: 'Par groupes de trois ou quatre, résolvez les problèmes ci-dessous. L’enseignant passe dans chaque groupe.',
      }),
      EXIT_TICKET,
      quiz('post', 15, { en: 'Practice', fr: 'Entraînement' }),
      POSTWORK_REFLECTION,
    ],
  },
  {
    id: 'station_rotation',
    name: { en: 'Station rotation', fr: 'Rotation par ateliers' },
    description: {
      en: 'Small groups rotate between a teacher-led station, a collaborative station and an independent practice station.',
      fr: 'Les petits groupes tournent entre un atelier avec l’enseignant, un atelier collaboratif et un atelier de pratique autonome.',
    },
    liveDurationMinutes: 55,
    activities: [
      page('pre', 'acquisition', 5, { en: 'Station guide', fr: 'Guide des ateliers' }, {
        en: 'What happens at each station and what to bring.',
        fr: 'Ce qui se passe dans chaque atelier et ce qu’il faut apporter.',
      }),
      checklist('pre', 5, { en: 'Get ready for the stations', fr: 'Préparez-vous pour les ateliers' }, [
        { en: 'I read the station guide', fr: 'J’ai lu le guide des ateliers' },
        { en: 'I know which group I start in', fr: 'Je sais dans quel groupe je commence' },
      ]),
      CHECK_IN_POLL,
      page('live', 'practice', 15, { en: 'Station 1: with the teacher', fr: 'Atelier 1 : avec l’enseignant' }, {
        en: 'Targeted instruction and feedback in a small group.',
        fr: 'Enseignement ciblé et retours en petit groupe.',
      }),
      page('live', 'collaboration', 15, { en: 'Station 2: collaborative task', fr: 'Atelier 2 : tâche collaborative' }, {
        en: 'Work together on the shared task.',
        fr: 'Travaillez ensemble sur la tâche commune.',
      }),
      page('live', 'practice', 15, { en: 'Station 3: independent practice', fr: 'Atelier 3 : pratique autonome' }, {
        en: 'Practise on your own; raise a hand in the help queue if you are stuck.',
        fr: 'Entraînez-vous seul ; levez la main dans la file d’aide si vous bloquez.',
      }),
      EXIT_TICKET,
      quiz('post', 10, { en: 'Practice', fr: 'Entraînement' }),
      POSTWORK_REFLECTION,
    ],
  },
  {
    id: 'discussion_seminar',
    name: { en: 'Discussion seminar', fr: 'Séminaire de discussion' },
    description: {
      en: 'Students read and take a position before class; the live session is a structured discussion.',
      fr: 'Les élèves lisent et prennent position avant la séance ; le direct est une discussion structurée.',
    },
    liveDurationMinutes: 50,
    activities: [
      page('pre', 'acquisition', 15, { en: 'Seminar reading', fr: 'Lecture du séminaire' }, {
        en: 'The text to read before the seminar, with two or three guiding questions.',
        fr: 'Le texte à lire avant le séminaire, avec deux ou trois questions pour guider la lecture.',
      }),
      prompted('reflection', 'pre', 'production', 10, { en: 'Your initial position', fr: 'Votre position de départ' }, {
        en: 'Where do you stand, and why? Quote the reading.',
        fr: 'Quelle est votre position, et pourquoi ? Citez la lecture.',
      }),
      prompted('question_box', 'pre', 'investigation', 5, { en: 'Bring a discussion question', fr: 'Apportez une question de discussion' }, {
        en: 'What question should the seminar discuss?',
        fr: 'Quelle question le séminaire devrait-il aborder ?',
      }),
      poll('live', 5, { en: 'Where do you stand?', fr: 'Quelle est votre position ?' }, { en: 'Where do you stand on today’s question?', fr: 'Quelle est votre position sur la question du jour ?' }, [
        { en: 'Agree', fr: 'D’accord' },
        { en: 'Unsure', fr: 'Indécis' },
        { en: 'Disagree', fr: 'Pas d’accord' },
      ]),
      page('live', 'discussion', 15, { en: 'Small-group discussion', fr: 'Discussion en petits groupes' }, {
        en: 'In groups, compare your positions and the questions you brought.',
        fr: 'En groupes, comparez vos positions et les questions apportées.',
      }),
      page('live', 'discussion', 20, { en: 'Whole-class seminar', fr: 'Séminaire en classe entière' }, {
        en: 'Each group reports; the class discusses the most voted questions.',
        fr: 'Chaque groupe rend compte ; la classe discute les questions les plus votées.',
      }),
      EXIT_TICKET,
      prompted('discussion', 'post', 'discussion', 15, { en: 'Continue the discussion', fr: 'Poursuivez la discussion' }, {
        en: 'Which argument changed your mind, or strengthened it?',
        fr: 'Quel argument vous a fait changer d’avis, ou vous a conforté ?',
      }),
      prompted('reflection', 'post', 'production', 10, { en: 'Your revised position', fr: 'Votre position révisée' }, {
        en: 'Write your position again after the seminar.',
        fr: 'Réécrivez votre position après le séminaire.',
      }),
    ],
  },
  {
    id: 'workshop',
    name: { en: 'Workshop', fr: 'Atelier pratique' },
    description: {
      en: 'Students prepare the brief and materials before class; the live session is hands-on making with peer feedback.',
      fr: 'Les élèves préparent la consigne et le matériel avant la séance ; le direct est consacré à la réalisation et aux retours entre pairs.',
    },
    liveDurationMinutes: 70,
    activities: [
      page('pre', 'acquisition', 10, { en: 'Brief and examples', fr: 'Consigne et exemples' }, {
        en: 'What to make, how it will be judged, and two good examples.',
        fr: 'Ce qu’il faut réaliser, les critères d’évaluation et deux bons exemples.',
      }),
      checklist('pre', 5, { en: 'Gather your materials', fr: 'Rassemblez votre matériel' }, [
        { en: 'I have the materials listed in the brief', fr: 'J’ai le matériel indiqué dans la consigne' },
        { en: 'I have a first idea', fr: 'J’ai une première idée' },
      ]),
      CHECK_IN_POLL,
      page('live', 'production', 40, { en: 'Make it in pairs', fr: 'Réalisation en binôme' }, {
        en: 'Build your piece in pairs; raise a hand in the help queue when you need the teacher.',
        fr: 'Réalisez votre production en binôme ; levez la main dans la file d’aide quand vous avez besoin de l’enseignant.',
      }),
      page('live', 'collaboration', 20, { en: 'Gallery walk and feedback', fr: 'Galerie et retours' }, {
        en: 'Visit the other pairs’ work and leave one strength and one suggestion.',
        fr: 'Visitez les productions des autres binômes et laissez un point fort et une suggestion.',
      }),
      EXIT_TICKET,
      prompted('reflection', 'post', 'production', 30, { en: 'Finish and hand in your work', fr: 'Terminez et rendez votre production' }, {
        en: 'Improve your work using the feedback, then describe what you changed.',
        fr: 'Améliorez votre production grâce aux retours, puis décrivez ce que vous avez changé.',
      }),
      prompted('discussion', 'post', 'collaboration', 10, { en: 'Share and give feedback', fr: 'Partagez et commentez' }, {
        en: 'Share your final piece and comment on two others.',
        fr: 'Partagez votre production finale et commentez-en deux autres.',
      }),
    ],
  },
];

export function templateDef(id: LessonTemplateId): TemplateDef {
  const def = TEMPLATES.find((t) => t.id === id);
  if (!def) throw new Error(`unknown template ${id}`);
  return def;
}

export function listTemplates(locale: Locale): LessonTemplate[] {
  return TEMPLATES.map((t) => {
    const sum = (phase: Phase) => t.activities.filter((a) => a.phase === phase).reduce((s, a) => s + a.estimatedMinutes, 0);
    return {
      id: t.id,
      name: t.name[locale],
      description: t.description[locale],
      liveDurationMinutes: t.liveDurationMinutes,
      minutes: { pre: sum('pre'), live: sum('live'), post: sum('post') },
      activities: t.activities.map((a) => ({ phase: a.phase, type: a.type, title: a.title[locale], estimatedMinutes: a.estimatedMinutes, learningType: a.learningType })),
    };
  });
}
