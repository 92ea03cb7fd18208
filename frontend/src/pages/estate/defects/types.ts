// Short names for the assets-api schemas the estate tools use (faults, defects, labels).
import type { components } from "../../../api/generated/assets";

type Schemas = components["schemas"];

export type Asset = Schemas["AssetRead"];
export type AssetPage = Schemas["AssetPage"];
export type AssetStatus = Schemas["AssetStatus"];
export type Location = Schemas["LocationRead"];
export type LocationPage = Schemas["LocationPage"];
export type Category = Schemas["CategoryRead"];
export type CategoryPage = Schemas["CategoryPage"];

export type Defect = Schemas["DefectRead"];
export type DefectPage = Schemas["DefectPage"];
export type DefectCreate = Schemas["DefectCreate"];
export type DefectUpdate = Schemas["DefectUpdate"];
export type DefectStatus = Schemas["DefectStatus"];
export type Priority = Schemas["Priority"];
export type ReturnCheck = Schemas["ReturnCheck"];
