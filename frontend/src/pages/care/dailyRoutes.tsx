// Care on shift: daily notes, risk assessments, reviews due, handover, record export.
import { lazy } from "react";
import type { RouteObject } from "react-router";

// Each page is its own chunk.
const DailyNotes = lazy(() => import("./notes/DailyNotes"));
const RiskList = lazy(() => import("./risks/RiskList"));
const RiskNew = lazy(() => import("./risks/RiskNew"));
const RiskDetail = lazy(() => import("./risks/RiskDetail"));
const RecordExport = lazy(() => import("./export/RecordExport"));
const DueReviews = lazy(() => import("./reviews/DueReviews"));
const RecordReview = lazy(() => import("./reviews/RecordReview"));
const Handover = lazy(() => import("./handover/Handover"));

export const dailyCareRoutes: RouteObject[] = [
  { path: "care/residents/:residentId/notes", element: <DailyNotes /> },
  { path: "care/residents/:residentId/risks", element: <RiskList /> },
  { path: "care/residents/:residentId/risks/new/:tool", element: <RiskNew /> },
  { path: "care/residents/:residentId/risks/:assessmentId", element: <RiskDetail /> },
  { path: "care/residents/:residentId/record", element: <RecordExport /> },
  { path: "care/reviews", element: <DueReviews /> },
  { path: "care/reviews/:residentId/:sectionId", element: <RecordReview /> },
  { path: "care/handover", element: <Handover /> },
];
