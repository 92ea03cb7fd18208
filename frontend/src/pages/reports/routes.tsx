// Reports: the printable home overview.
import { lazy } from "react";
import type { RouteObject } from "react-router";

const ReportsHome = lazy(() => import("./ReportsHome"));
const HomeReport = lazy(() => import("./HomeReport"));

export const reportRoutes: RouteObject[] = [
  { path: "reports", element: <ReportsHome /> },
  { path: "reports/homes/:homeId", element: <HomeReport /> },
];
