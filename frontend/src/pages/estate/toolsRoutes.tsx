// Estate tools: faults reported from an asset's QR page, defects, spreadsheet import, labels.
import { lazy } from "react";
import type { RouteObject } from "react-router";

const ReportFault = lazy(() => import("./faults/ReportFault"));
const DescribeFault = lazy(() => import("./faults/DescribeFault"));
const DefectsList = lazy(() => import("./defects/DefectsList"));
const DefectDetail = lazy(() => import("./defects/DefectDetail"));
const DefectUpdate = lazy(() => import("./defects/DefectUpdate"));
const ImportWizard = lazy(() => import("./import/ImportWizard"));
const LabelSheet = lazy(() => import("./labels/LabelSheet"));
const AssetLabel = lazy(() => import("./labels/AssetLabel"));

export const estateToolRoutes: RouteObject[] = [
  { path: "estate/assets/:assetId/report-fault", element: <ReportFault /> },
  { path: "estate/assets/:assetId/report-fault/describe", element: <DescribeFault /> },
  { path: "estate/defects", element: <DefectsList /> },
  { path: "estate/defects/:defectId", element: <DefectDetail /> },
  { path: "estate/defects/:defectId/update", element: <DefectUpdate /> },
  { path: "estate/import", element: <ImportWizard /> },
  { path: "estate/labels", element: <LabelSheet /> },
  { path: "estate/labels/assets/:assetId", element: <AssetLabel /> },
];
