// Each part of the report loads on its own. A part the person's role may not read (the API
// answers 403) says so in its place; the rest of the report still shows.
import { ApiProblem } from "../../api/problem";

export type SectionState<T> =
  | { kind: "loading" }
  | { kind: "forbidden" }
  | { kind: "not-found" }
  | { kind: "failed"; error: unknown }
  | { kind: "ready"; data: T };

interface QueryLike<T> {
  isPending: boolean;
  error: unknown;
  data: T | undefined;
}

export function sectionState<T>(query: QueryLike<T>): SectionState<T> {
  if (query.data !== undefined) return { kind: "ready", data: query.data };
  if (query.error) {
    if (query.error instanceof ApiProblem && query.error.status === 403) return { kind: "forbidden" };
    if (query.error instanceof ApiProblem && query.error.status === 404) return { kind: "not-found" };
    return { kind: "failed", error: query.error };
  }
  return { kind: "loading" };
}
