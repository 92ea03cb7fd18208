import { lazy } from "react";
import { createBrowserRouter, Outlet } from "react-router";
import { RequireAuth } from "../auth/RequireAuth";
import { careRoutes } from "../pages/care/routes";
import { dailyCareRoutes } from "../pages/care/dailyRoutes";
import { estateRoutes } from "../pages/estate/routes";
import { estateToolRoutes } from "../pages/estate/toolsRoutes";
import { feedbackRoutes } from "../pages/feedback/routes";
import { reportRoutes } from "../pages/reports/routes";
import { Layout } from "./Layout";

// Every page is its own chunk: the sign-in page loads only what it needs.
const SignIn = lazy(() => import("../pages/SignIn"));
const Start = lazy(() => import("../pages/Start"));
const NotFound = lazy(() => import("../pages/NotFound"));

function SignedInPages() {
  return (
    <RequireAuth>
      <Outlet />
    </RequireAuth>
  );
}

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: "/sign-in", element: <SignIn /> },
      {
        path: "/",
        element: <SignedInPages />,
        children: [
          { index: true, element: <Start /> },
          ...estateRoutes,
          ...estateToolRoutes,
          ...careRoutes,
          ...dailyCareRoutes,
          ...feedbackRoutes,
          ...reportRoutes,
          { path: "*", element: <NotFound /> },
        ],
      },
    ],
  },
]);
