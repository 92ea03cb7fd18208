import { lazy } from "react";
import { createBrowserRouter, Outlet } from "react-router";
import { RequireAuth } from "../auth/RequireAuth";
import { Layout } from "./Layout";

// Every page is its own chunk: the sign-in page loads only what it needs.
const SignIn = lazy(() => import("../pages/SignIn"));
const Start = lazy(() => import("../pages/Start"));
const NotFound = lazy(() => import("../pages/NotFound"));
const HomesList = lazy(() => import("../pages/estate/HomesList"));
const HomeDetail = lazy(() => import("../pages/estate/HomeDetail"));
const HomeEdit = lazy(() => import("../pages/estate/HomeEdit"));

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
          { path: "estate/homes", element: <HomesList /> },
          { path: "estate/homes/:homeId", element: <HomeDetail /> },
          { path: "estate/homes/:homeId/edit", element: <HomeEdit /> },
          { path: "*", element: <NotFound /> },
        ],
      },
    ],
  },
]);
