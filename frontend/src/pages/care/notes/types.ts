// Short names for the careplan-api schemas the care-on-shift pages use.
import type { components } from "../../../api/generated/careplan";

type Schemas = components["schemas"];

export type Resident = Schemas["ResidentRead"];
export type Sex = Schemas["Sex"];
export type Note = Schemas["NoteRead"];
export type NoteCreate = Schemas["NoteCreate"];
export type NoteCategory = Schemas["NoteCategory"];
export type NotePage = Schemas["NotePage"];
export type FluidTotals = Schemas["FluidTotals"];
export type FluidDay = Schemas["FluidDay"];
