// Short names for the assets-api schemas the compliance, asset and inspection pages use.
import type { components, operations } from "../../../api/generated/assets";

type Schemas = components["schemas"];

export type Asset = Schemas["AssetRead"];
export type AssetPage = Schemas["AssetPage"];
export type AssetStatus = Schemas["AssetStatus"];
export type Condition = Schemas["Condition"];
export type Category = Schemas["CategoryRead"];
export type Location = Schemas["LocationRead"];
export type Rule = Schemas["RuleRead"];
export type Threshold = Schemas["ThresholdRead"];
export type ReadingType = Schemas["ReadingType"];
export type Override = Schemas["OverrideRead"];
export type Inspection = Schemas["InspectionRead"];
export type InspectionCreate = Schemas["InspectionCreate"];
export type InspectionRecorded = Schemas["InspectionRecorded"];
export type ReadingIn = Schemas["ReadingIn"];
export type Reading = Schemas["ReadingRead"];
export type Outcome = Schemas["Outcome"];
export type Defect = Schemas["DefectRead"];
export type Recall = Schemas["RecallRead"];
export type RecallAction = Schemas["RecallAction"];
export type ComplianceSummary = Schemas["ComplianceSummary"];
export type Counts = Schemas["Counts"];
export type CategoryCounts = Schemas["CategoryCounts"];
export type HomeCounts = Schemas["HomeCounts"];
export type ComplianceItem = Schemas["ComplianceItem"];
export type ComplianceItemPage = Schemas["ComplianceItemPage"];
export type ItemState = Schemas["ItemState"];
export type IntervalUnit = Schemas["IntervalUnit"];

/** The query of GET /v1/assets (and, with `format`, of the export). */
export type AssetQuery = NonNullable<operations["assets-list_assets"]["parameters"]["query"]>;
