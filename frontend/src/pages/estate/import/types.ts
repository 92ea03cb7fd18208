// Short names for the assets-api schemas of the spreadsheet import.
import type { components } from "../../../api/generated/assets";

type Schemas = components["schemas"];

export type ImportJob = Schemas["ImportJobRead"];
export type ImportReport = Schemas["ImportReport"];
export type ImportStatus = Schemas["ImportStatus"];
export type RowProblem = Schemas["RowProblem"];
export type ImportForm = Schemas["Body_imports-start_import"];
