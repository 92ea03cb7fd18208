// Estate tools: faults reported from an asset's QR page, defects, spreadsheet import, labels.
import type { RouteObject } from "react-router";

export const estateToolRoutes: RouteObject[] = [];
