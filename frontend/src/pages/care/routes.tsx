// Care planning: residents, their summary and care plan.
import { lazy } from "react";
import { Navigate, type RouteObject } from "react-router";

const ResidentsList = lazy(() => import("./residents/ResidentsList"));
const ResidentSummary = lazy(() => import("./residents/ResidentSummary"));
const CarePlan = lazy(() => import("./plan/CarePlan"));
const PlanEdit = lazy(() => import("./plan/PlanEdit"));
const PlanSignOff = lazy(() => import("./plan/PlanSignOff"));
const PlanVersions = lazy(() => import("./plan/PlanVersions"));
const PlanCompare = lazy(() => import("./plan/PlanCompare"));

export const careRoutes: RouteObject[] = [
  { path: "care", element: <Navigate to="/care/residents" replace /> },
  { path: "care/residents", element: <ResidentsList /> },
  { path: "care/residents/:residentId", element: <ResidentSummary /> },
  { path: "care/residents/:residentId/plan", element: <CarePlan /> },
  { path: "care/residents/:residentId/plan/edit", element: <PlanEdit /> },
  { path: "care/residents/:residentId/plan/sign-off", element: <PlanSignOff /> },
  { path: "care/residents/:residentId/plan/versions", element: <PlanVersions /> },
  { path: "care/residents/:residentId/plan/compare", element: <PlanCompare /> },
];
