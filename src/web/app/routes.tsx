import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './AppLayout.tsx';
import { PublicOnly, RequireAuth } from './RequireAuth.tsx';
import { RouteError } from './RouteError.tsx';

// One chunk per page: someone on the sign-in page on a phone downloads only what it needs.
const SignInPage = lazy(() => import('../features/auth/SignInPage.tsx').then((m) => ({ default: m.SignInPage })));
const SignUpPage = lazy(() => import('../features/auth/SignUpPage.tsx').then((m) => ({ default: m.SignUpPage })));
const CourseListPage = lazy(() => import('../features/courses/CourseListPage.tsx').then((m) => ({ default: m.CourseListPage })));
const CreateCoursePage = lazy(() => import('../features/courses/CreateCoursePage.tsx').then((m) => ({ default: m.CreateCoursePage })));
const JoinCoursePage = lazy(() => import('../features/courses/JoinCoursePage.tsx').then((m) => ({ default: m.JoinCoursePage })));
const CoursePage = lazy(() => import('../features/courses/CoursePage.tsx').then((m) => ({ default: m.CoursePage })));
const RosterPage = lazy(() => import('../features/courses/RosterPage.tsx').then((m) => ({ default: m.RosterPage })));
const AccountPage = lazy(() => import('../features/account/AccountPage.tsx').then((m) => ({ default: m.AccountPage })));
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
          ],
        },
        {
          element: <RequireAuth />,
          children: [
            { index: true, element: <CourseListPage /> },
            { path: 'courses/new', element: <CreateCoursePage /> },
            { path: 'courses/:courseId', element: <CoursePage /> },
            { path: 'courses/:courseId/roster', element: <RosterPage /> },
            { path: 'join', element: <JoinCoursePage /> },
            { path: 'join/:code', element: <JoinCoursePage /> },
            { path: 'account', element: <AccountPage /> },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
