// Feedback: submit, the board, triage and actions, pulse surveys, workforce.
import type { RouteObject } from "react-router";

export const feedbackRoutes: RouteObject[] = [];
