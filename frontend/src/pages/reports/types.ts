// Short names for the generated schema types the home overview report reads.
import type { components as Assets } from "../../api/generated/assets";
import type { components as Careplan } from "../../api/generated/careplan";
import type { components as Feedback } from "../../api/generated/feedback";

export type Home = Assets["schemas"]["HomeRead"];
export type HomePage = Assets["schemas"]["HomePage"];
export type ComplianceSummary = Assets["schemas"]["ComplianceSummary"];
export type Counts = Assets["schemas"]["Counts"];
export type CategoryCounts = Assets["schemas"]["CategoryCounts"];

export type DueReview = Careplan["schemas"]["DueReview"];
export type DueReviewPage = Careplan["schemas"]["DueReviewPage"];
export type DolsExpiring = Careplan["schemas"]["DolsExpiring"];
export type DolsExpiringPage = Careplan["schemas"]["DolsExpiringPage"];

export type Action = Feedback["schemas"]["ActionRead"];
export type ActionPage = Feedback["schemas"]["ActionPage"];
export type ActionStatus = Feedback["schemas"]["ActionStatus"];
export type Indicators = Feedback["schemas"]["Indicators"];
export type IndicatorList = Feedback["schemas"]["IndicatorList"];
export type Comparison = Feedback["schemas"]["Comparison"];
export type Recommendations = Feedback["schemas"]["Report"];
export type Flag = Feedback["schemas"]["Flag"];
