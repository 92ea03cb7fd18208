// Estate and equipment: homes, compliance, assets and inspections.
import { lazy } from "react";
import type { RouteObject } from "react-router";

const HomesList = lazy(() => import("./HomesList"));
const HomeDetail = lazy(() => import("./HomeDetail"));
const HomeEdit = lazy(() => import("./HomeEdit"));
const EstateIndex = lazy(() => import("./compliance/EstateIndex"));
const HomeCompliance = lazy(() => import("./compliance/HomeCompliance"));
const ComplianceItems = lazy(() => import("./compliance/ComplianceItems"));
const AssetList = lazy(() => import("./assets/AssetList"));
const AssetPage = lazy(() => import("./assets/AssetPage"));
const RecordInspection = lazy(() => import("./inspections/RecordInspection"));

export const estateRoutes: RouteObject[] = [
  { path: "estate", element: <EstateIndex /> },
  { path: "estate/homes", element: <HomesList /> },
  { path: "estate/homes/:homeId", element: <HomeDetail /> },
  { path: "estate/homes/:homeId/edit", element: <HomeEdit /> },
  { path: "estate/homes/:homeId/compliance", element: <HomeCompliance /> },
  { path: "estate/homes/:homeId/compliance/items", element: <ComplianceItems /> },
  { path: "estate/assets", element: <AssetList /> },
  { path: "estate/assets/:assetId", element: <AssetPage /> },
  { path: "estate/assets/:assetId/inspect", element: <RecordInspection /> },
];
