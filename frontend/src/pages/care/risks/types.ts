// Short names for the careplan-api risk-assessment schemas.
import type { components } from "../../../api/generated/careplan";

type Schemas = components["schemas"];

export type Tool = Schemas["Tool"];
export type Assessment = Schemas["AssessmentRead"];
export type AssessmentPage = Schemas["AssessmentPage"];
export type WaterlowItems = Schemas["WaterlowItems"];
export type MustItems = Schemas["MustItems"];
export type FallsItems = Schemas["FallsItems"];
export type WaterlowCreate = Schemas["WaterlowCreate"];
export type MustCreate = Schemas["MustCreate"];
export type FallsCreate = Schemas["FallsCreate"];
export type AssessmentCreate = WaterlowCreate | MustCreate | FallsCreate;
export type Plan = Schemas["PlanRead"];
