// Care on shift: daily notes, risk assessments, reviews due, handover, record export.
import type { RouteObject } from "react-router";

export const dailyCareRoutes: RouteObject[] = [];
