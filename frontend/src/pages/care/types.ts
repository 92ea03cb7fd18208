// Short names for the careplan-api (and the few assets-api) schemas the care pages use.
import type { components as Assets } from "../../api/generated/assets";
import type { components as Careplan } from "../../api/generated/careplan";

type S = Careplan["schemas"];

export type Resident = S["ResidentRead"];
export type ResidentSummary = S["ResidentSummary"];
export type ResidentPage = S["ResidentPage"];
export type ResidentStatus = S["ResidentStatus"];
export type Contact = S["ContactRead"];
export type LpaRole = S["LpaRole"];
export type Allergy = S["AllergyRead"];
export type AllergySeverity = S["AllergySeverity"];
export type AllergyCategory = S["AllergyCategory"];
export type Assessment = S["AssessmentRead"];
export type RiskTool = S["Tool"];
export type Dols = S["DolsRead"];
export type DolsExpiring = S["DolsExpiring"];
export type DueReview = S["DueReview"];
export type NhsNumberStatus = S["NhsNumberStatus"];

export type Plan = S["PlanRead"];
export type Version = S["VersionRead"];
export type VersionSummary = S["VersionSummary"];
export type VersionPage = S["VersionPage"];
export type VersionStatus = S["VersionStatus"];
export type VersionCreate = S["VersionCreate"];
export type SectionRead = S["SectionRead"];
export type Section = S["Section"];
export type Goal = S["Goal"];
export type GoalRead = S["GoalRead"];
export type Intervention = S["Intervention"];
export type InterventionRead = S["InterventionRead"];
export type ReviewInterval = S["ReviewInterval"];
export type Involvement = S["Involvement"];
export type SignOff = S["SignOff"];
export type PlanDiff = S["PlanDiff"];
export type SectionChange = S["SectionChange"];
export type ItemDiff = S["ItemDiff"];
export type FieldChange = S["FieldChange"];
export type Domain = S["DomainRead"];
export type HomeDomain = S["HomeDomainRead"];

export type Location = Assets["schemas"]["LocationRead"];
