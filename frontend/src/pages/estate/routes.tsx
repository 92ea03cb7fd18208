// Estate and equipment: homes, compliance, assets and inspections.
import { lazy } from "react";
import type { RouteObject } from "react-router";

const HomesList = lazy(() => import("./HomesList"));
const HomeDetail = lazy(() => import("./HomeDetail"));
const HomeEdit = lazy(() => import("./HomeEdit"));

export const estateRoutes: RouteObject[] = [
  { path: "estate/homes", element: <HomesList /> },
  { path: "estate/homes/:homeId", element: <HomeDetail /> },
  { path: "estate/homes/:homeId/edit", element: <HomeEdit /> },
];
