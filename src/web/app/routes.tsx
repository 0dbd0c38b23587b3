import { lazy, type ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './AppLayout.tsx';
import { PublicOnly, RequireAuth } from './RequireAuth.tsx';
import { RouteError } from './RouteError.tsx';
import { loadLocaleParts } from '../i18n/i18n.ts';
import type { LocalePart } from '../i18n/locale-parts.ts';

/** A page chunk that also needs lazy parts of the strings: both load before it renders. */
function withStrings<T extends ComponentType>(parts: LocalePart[], load: () => Promise<{ default: T }>) {
  return () => Promise.all([load(), loadLocaleParts(parts)]).then(([module]) => module);
}

// One chunk per page: someone on the sign-in page on a phone downloads only what it needs.
const SignInPage = lazy(() => import('../features/auth/SignInPage.tsx').then((m) => ({ default: m.SignInPage })));
const SignUpPage = lazy(() => import('../features/auth/SignUpPage.tsx').then((m) => ({ default: m.SignUpPage })));
const ForgotPasswordPage = lazy(() => import('../features/auth/ForgotPasswordPage.tsx').then((m) => ({ default: m.ForgotPasswordPage })));
const ResetPasswordPage = lazy(() => import('../features/auth/ResetPasswordPage.tsx').then((m) => ({ default: m.ResetPasswordPage })));
const CourseListPage = lazy(() => import('../features/courses/CourseListPage.tsx').then((m) => ({ default: m.CourseListPage })));
const CreateCoursePage = lazy(() => import('../features/courses/CreateCoursePage.tsx').then((m) => ({ default: m.CreateCoursePage })));
const JoinCoursePage = lazy(() => import('../features/courses/JoinCoursePage.tsx').then((m) => ({ default: m.JoinCoursePage })));
const CoursePage = lazy(withStrings(['learning', 'lesson', 'activity', 'progress'], () => import('../features/courses/CoursePage.tsx').then((m) => ({ default: m.CoursePage }))));
const RosterPage = lazy(() => import('../features/courses/RosterPage.tsx').then((m) => ({ default: m.RosterPage })));
const AccountPage = lazy(withStrings(['live'], () => import('../features/account/AccountPage.tsx').then((m) => ({ default: m.AccountPage }))));
const LiveRoomPage = lazy(withStrings(['live'], () => import('../features/live/LiveRoomPage.tsx').then((m) => ({ default: m.LiveRoomPage }))));
const LiveSummaryPage = lazy(withStrings(['live'], () => import('../features/live/LiveSummaryPage.tsx').then((m) => ({ default: m.LiveSummaryPage }))));
const MyWorkPage = lazy(withStrings(['learning'], () => import('../features/work/MyWorkPage.tsx').then((m) => ({ default: m.MyWorkPage }))));
const LessonPage = lazy(withStrings(['learning', 'lesson', 'activity', 'live'], () => import('../features/lessons/LessonPage.tsx').then((m) => ({ default: m.LessonPage }))));
const ActivityPage = lazy(withStrings(['learning', 'lesson', 'activity'], () => import('../features/activities/ActivityPage.tsx').then((m) => ({ default: m.ActivityPage }))));
const ActivityEditorPage = lazy(withStrings(['learning', 'lesson', 'activity', 'editor'], () => import('../features/activities/editor/ActivityEditorPage.tsx').then((m) => ({ default: m.ActivityEditorPage }))));
const ProgressPage = lazy(withStrings(['learning', 'lesson', 'progress'], () => import('../features/progress/ProgressPage.tsx').then((m) => ({ default: m.ProgressPage }))));
const ReadinessPage = lazy(withStrings(['live', 'readiness'], () => import('../features/readiness/ReadinessPage.tsx').then((m) => ({ default: m.ReadinessPage }))));
const LessonReportPage = lazy(withStrings(['report'], () => import('../features/lesson-report/LessonReportPage.tsx').then((m) => ({ default: m.LessonReportPage }))));
const HomeRedirect = lazy(() => import('../features/work/HomeRedirect.tsx').then((m) => ({ default: m.HomeRedirect })));
const NotFoundPage = lazy(() => import('./NotFoundPage.tsx').then((m) => ({ default: m.NotFoundPage })));

export function createRouter() {
  return createBrowserRouter([
    {
      element: <AppLayout />,
      errorElement: <RouteError />,
      children: [
        {
          element: <PublicOnly />,
          children: [
            { path: 'signin', element: <SignInPage /> },
            { path: 'signup', element: <SignUpPage /> },
            { path: 'forgot-password', element: <ForgotPasswordPage /> },
          ],
        },
        // Open whether or not someone is signed in here: the reset signs every device out anyway.
        { path: 'reset-password', element: <ResetPasswordPage /> },
        {
          element: <RequireAuth />,
          children: [
            { index: true, element: <HomeRedirect /> },
            { path: 'courses', element: <CourseListPage /> },
            { path: 'work', element: <MyWorkPage /> },
            { path: 'lessons/:lessonId', element: <LessonPage /> },
            { path: 'lessons/:lessonId/new/:phase', element: <ActivityEditorPage /> },
            { path: 'activities/:activityId', element: <ActivityPage /> },
            { path: 'activities/:activityId/edit', element: <ActivityEditorPage /> },
            { path: 'courses/:courseId/progress', element: <ProgressPage /> },
            { path: 'courses/new', element: <CreateCoursePage /> },
            { path: 'courses/:courseId', element: <CoursePage /> },
            { path: 'courses/:courseId/roster', element: <RosterPage /> },
            { path: 'join', element: <JoinCoursePage /> },
            { path: 'join/:code', element: <JoinCoursePage /> },
            { path: 'account', element: <AccountPage /> },
            { path: 'lessons/:lessonId/live', element: <LiveRoomPage /> },
            { path: 'lessons/:lessonId/live/summary', element: <LiveSummaryPage /> },
            { path: 'lessons/:lessonId/readiness', element: <ReadinessPage /> },
            { path: 'lessons/:lessonId/report', element: <LessonReportPage /> },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
