// Feedback: submit, the board, triage and actions, pulse surveys, workforce.
import { lazy } from "react";
import type { RouteObject } from "react-router";

const FeedbackStart = lazy(() => import("./FeedbackStart"));
const GiveFeedback = lazy(() => import("./GiveFeedback"));
const MyFeedback = lazy(() => import("./MyFeedback"));
const ReplyWithCode = lazy(() => import("./ReplyWithCode"));
const Board = lazy(() => import("./Board"));
const Inbox = lazy(() => import("./Inbox"));
const ItemDetail = lazy(() => import("./ItemDetail"));
const ActionsList = lazy(() => import("./ActionsList"));
const ActionNew = lazy(() => import("./ActionNew"));
const ActionDetail = lazy(() => import("./ActionDetail"));
const SurveysList = lazy(() => import("./SurveysList"));
const SurveyNew = lazy(() => import("./SurveyNew"));
const TakeSurvey = lazy(() => import("./TakeSurvey"));
const SurveyManage = lazy(() => import("./SurveyManage"));
const SurveyResults = lazy(() => import("./SurveyResults"));
const WorkforceDashboard = lazy(() => import("./WorkforceDashboard"));
const WorkforceReturn = lazy(() => import("./WorkforceReturn"));
const HomeSettings = lazy(() => import("./HomeSettings"));

export const feedbackRoutes: RouteObject[] = [
  { path: "feedback", element: <FeedbackStart /> },
  { path: "feedback/give", element: <GiveFeedback /> },
  { path: "feedback/mine", element: <MyFeedback /> },
  { path: "feedback/reply", element: <ReplyWithCode /> },
  { path: "feedback/board", element: <Board /> },
  { path: "feedback/inbox", element: <Inbox /> },
  { path: "feedback/items/:itemId", element: <ItemDetail /> },
  { path: "feedback/actions", element: <ActionsList /> },
  { path: "feedback/actions/new", element: <ActionNew /> },
  { path: "feedback/actions/:actionId", element: <ActionDetail /> },
  { path: "feedback/surveys", element: <SurveysList /> },
  { path: "feedback/surveys/new", element: <SurveyNew /> },
  { path: "feedback/surveys/:surveyId", element: <TakeSurvey /> },
  { path: "feedback/surveys/:surveyId/manage", element: <SurveyManage /> },
  { path: "feedback/surveys/:surveyId/results", element: <SurveyResults /> },
  { path: "feedback/workforce", element: <WorkforceDashboard /> },
  { path: "feedback/workforce/return", element: <WorkforceReturn /> },
  { path: "feedback/settings", element: <HomeSettings /> },
];
