// Care planning: residents, their summary and care plan.
import type { RouteObject } from "react-router";

export const careRoutes: RouteObject[] = [];
