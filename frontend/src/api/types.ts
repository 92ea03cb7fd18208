// Short names for the generated schema types the pages use.
import type { components as Assets } from "./generated/assets";

export type Home = Assets["schemas"]["HomeRead"];
export type HomeUpdate = Assets["schemas"]["HomeUpdate"];
export type HomeStatus = Assets["schemas"]["HomeStatus"];
export type HomePage = Assets["schemas"]["HomePage"];
