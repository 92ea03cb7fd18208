// The feedback-api calls the pages make, and the TanStack Query hooks that read.
import { useQuery } from "@tanstack/react-query";
import { feedback } from "../../api/client";
import { unwrap, unwrapResponse } from "../../api/problem";
import type {
  Action,
  ActionCreate,
  ActionStatus,
  ActionUpdate,
  AnswerIn,
  Item,
  ItemCreate,
  ItemStatus,
  ItemTriage,
  ReturnCreate,
  ReturnFigures,
  Survey,
  SurveyCreate,
  WorkforceReturn,
  HomeSetting,
} from "./types";

/** A save gets no answer within this time: the save queue keeps it and tries again. */
const SAVE_TIMEOUT_MS = 20_000;
const timeout = () => AbortSignal.timeout(SAVE_TIMEOUT_MS);

export interface Versioned<T> {
  data: T;
  /** The ETag to send as If-Match with a change. */
  etag: string;
}

function versioned<T extends { version: number }>({ data, response }: { data: T; response: Response }): Versioned<T> {
  return { data, etag: response.headers.get("ETag") ?? `"${data.version}"` };
}

const optional = <K extends string, V>(key: K, value: V | "" | null | undefined) =>
  (value === "" || value === null || value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

// Themes --------------------------------------------------------------------------------------

export function useThemes() {
  return useQuery({
    queryKey: ["feedback", "themes"],
    queryFn: async () => (await unwrap(feedback.GET("/v1/themes", { params: { query: { limit: 200 } } }))).items,
    staleTime: 10 * 60_000,
  });
}

// Items ---------------------------------------------------------------------------------------

export function submitItem(body: ItemCreate, idempotencyKey: string) {
  return unwrap(
    feedback.POST("/v1/feedback-items", { params: { header: { "Idempotency-Key": idempotencyKey } }, body, signal: timeout() }),
  );
}

export interface ItemFilters {
  home_id: string;
  theme_id: string;
  status: ItemStatus | "";
  tag: string;
  raised_from: string;
  raised_to: string;
  sort: "-raised_on" | "raised_on";
  cursor: string;
}

export function fetchItems(filters: ItemFilters, limit = 50) {
  const query = {
    limit,
    sort: filters.sort,
    ...optional("home_id", filters.home_id),
    ...optional("theme_id", filters.theme_id),
    ...optional("status", filters.status),
    ...optional("tag", filters.tag),
    ...optional("raised_from", filters.raised_from),
    ...optional("raised_to", filters.raised_to),
    ...optional("cursor", filters.cursor),
  };
  return unwrap(feedback.GET("/v1/feedback-items", { params: { query } }));
}

export function fetchMyFeedback(cursor: string, limit = 50) {
  return unwrap(feedback.GET("/v1/my-feedback", { params: { query: { limit, ...optional("cursor", cursor) } } }));
}

export async function fetchItem(itemId: string): Promise<Versioned<Item>> {
  return versioned(await unwrapResponse(feedback.GET("/v1/feedback-items/{item_id}", { params: { path: { item_id: itemId } } })));
}

export function useItem(itemId: string) {
  return useQuery({ queryKey: ["feedback", "item", itemId], queryFn: () => fetchItem(itemId) });
}

export async function triageItem(itemId: string, etag: string, body: ItemTriage): Promise<Versioned<Item>> {
  return versioned(
    await unwrapResponse(
      feedback.PATCH("/v1/feedback-items/{item_id}", {
        params: { path: { item_id: itemId }, header: { "If-Match": etag } },
        body,
        signal: timeout(),
      }),
    ),
  );
}

export async function mergeItem(itemId: string, etag: string, intoId: string, idempotencyKey: string): Promise<Versioned<Item>> {
  return versioned(
    await unwrapResponse(
      feedback.POST("/v1/feedback-items/{item_id}/merge", {
        params: { path: { item_id: itemId }, header: { "If-Match": etag, "idempotency-key": idempotencyKey } },
        body: { into_id: intoId },
        signal: timeout(),
      }),
    ),
  );
}

export function fetchMessages(itemId: string) {
  return unwrap(
    feedback.GET("/v1/feedback-items/{item_id}/messages", { params: { path: { item_id: itemId }, query: { limit: 200 } } }),
  );
}

export function replyToItem(itemId: string, body: string, idempotencyKey: string) {
  return unwrap(
    feedback.POST("/v1/feedback-items/{item_id}/messages", {
      params: { path: { item_id: itemId }, header: { "idempotency-key": idempotencyKey } },
      body: { body },
      signal: timeout(),
    }),
  );
}

// The submitter's side of a conversation: the reply code travels in the body, never in a URL.

export function lookupConversation(replyCode: string) {
  return unwrap(feedback.POST("/v1/conversations/lookup", { body: { reply_code: replyCode } }));
}

export function replyWithCode(replyCode: string, body: string, idempotencyKey: string) {
  return unwrap(
    feedback.POST("/v1/conversations/messages", {
      params: { header: { "Idempotency-Key": idempotencyKey } },
      body: { reply_code: replyCode, body },
      signal: timeout(),
    }),
  );
}

// Actions -------------------------------------------------------------------------------------

export interface ActionFilters {
  home_id: string;
  status: ActionStatus | "";
  overdue: boolean;
  cursor: string;
}

export function fetchActions(filters: ActionFilters, limit = 50) {
  const query = {
    limit,
    ...optional("home_id", filters.home_id),
    ...optional("status", filters.status),
    ...(filters.overdue ? { overdue: true } : {}),
    ...optional("cursor", filters.cursor),
  };
  return unwrap(feedback.GET("/v1/actions", { params: { query } }));
}

export async function fetchAction(actionId: string): Promise<Versioned<Action>> {
  return versioned(await unwrapResponse(feedback.GET("/v1/actions/{action_id}", { params: { path: { action_id: actionId } } })));
}

export function useAction(actionId: string) {
  return useQuery({ queryKey: ["feedback", "action", actionId], queryFn: () => fetchAction(actionId) });
}

export function createAction(body: ActionCreate, idempotencyKey: string) {
  return unwrap(
    feedback.POST("/v1/actions", { params: { header: { "idempotency-key": idempotencyKey } }, body, signal: timeout() }),
  );
}

export async function updateAction(actionId: string, etag: string, body: ActionUpdate): Promise<Versioned<Action>> {
  return versioned(
    await unwrapResponse(
      feedback.PATCH("/v1/actions/{action_id}", {
        params: { path: { action_id: actionId }, header: { "If-Match": etag } },
        body,
        signal: timeout(),
      }),
    ),
  );
}

// Board ---------------------------------------------------------------------------------------

export interface BoardFilters {
  home_id: string;
  period_from: string;
  period_to: string;
}

export function fetchBoard(filters: BoardFilters) {
  const query = {
    ...optional("home_id", filters.home_id),
    ...optional("period_from", filters.period_from),
    ...optional("period_to", filters.period_to),
  };
  return unwrap(feedback.GET("/v1/board", { params: { query } }));
}

// Surveys -------------------------------------------------------------------------------------

export type SurveyStatus = "scheduled" | "open" | "closed";

export function fetchSurveys(status: SurveyStatus | "", cursor: string, limit = 50) {
  return unwrap(
    feedback.GET("/v1/surveys", { params: { query: { limit, ...optional("status", status), ...optional("cursor", cursor) } } }),
  );
}

export async function fetchSurvey(surveyId: string): Promise<Versioned<Survey>> {
  return versioned(await unwrapResponse(feedback.GET("/v1/surveys/{survey_id}", { params: { path: { survey_id: surveyId } } })));
}

export function useSurvey(surveyId: string) {
  return useQuery({ queryKey: ["feedback", "survey", surveyId], queryFn: () => fetchSurvey(surveyId) });
}

export function createSurvey(body: SurveyCreate, idempotencyKey: string) {
  return unwrap(
    feedback.POST("/v1/surveys", { params: { header: { "idempotency-key": idempotencyKey } }, body, signal: timeout() }),
  );
}

export async function closeSurvey(surveyId: string, etag: string, idempotencyKey: string): Promise<Versioned<Survey>> {
  return versioned(
    await unwrapResponse(
      feedback.POST("/v1/surveys/{survey_id}/close", {
        params: { path: { survey_id: surveyId }, header: { "If-Match": etag, "idempotency-key": idempotencyKey } },
        signal: timeout(),
      }),
    ),
  );
}

export function respondToSurvey(surveyId: string, answers: AnswerIn[], homeId: string | null, idempotencyKey: string) {
  return unwrap(
    feedback.POST("/v1/surveys/{survey_id}/responses", {
      params: { path: { survey_id: surveyId }, header: { "Idempotency-Key": idempotencyKey } },
      body: { answers, ...(homeId ? { home_id: homeId } : {}) },
      signal: timeout(),
    }),
  );
}

export function fetchResults(surveyId: string) {
  return unwrap(feedback.GET("/v1/surveys/{survey_id}/results", { params: { path: { survey_id: surveyId } } }));
}

export function fetchResponseRates(surveyId: string) {
  return unwrap(feedback.GET("/v1/surveys/{survey_id}/response-rates", { params: { path: { survey_id: surveyId } } }));
}

// Workforce -----------------------------------------------------------------------------------

/** The return of one home for one month, if there is one. */
export async function fetchReturn(homeId: string, month: string): Promise<Versioned<WorkforceReturn> | null> {
  const page = await unwrap(
    feedback.GET("/v1/workforce/returns", { params: { query: { home_id: homeId, month_from: month, month_to: month, limit: 1 } } }),
  );
  const found = page.items[0];
  if (!found) return null;
  return versioned(
    await unwrapResponse(feedback.GET("/v1/workforce/returns/{return_id}", { params: { path: { return_id: found.id } } })),
  );
}

export function createReturn(body: ReturnCreate, idempotencyKey: string) {
  return unwrap(
    feedback.POST("/v1/workforce/returns", { params: { header: { "idempotency-key": idempotencyKey } }, body, signal: timeout() }),
  );
}

export async function correctReturn(returnId: string, etag: string, body: ReturnFigures): Promise<Versioned<WorkforceReturn>> {
  return versioned(
    await unwrapResponse(
      feedback.PUT("/v1/workforce/returns/{return_id}", {
        params: { path: { return_id: returnId }, header: { "If-Match": etag } },
        body,
        signal: timeout(),
      }),
    ),
  );
}

export function fetchIndicators(homeId: string, month: string) {
  return unwrap(
    feedback.GET("/v1/workforce/indicators", { params: { query: { ...optional("home_id", homeId), ...optional("month", month) } } }),
  );
}

export function fetchSeries(homeId: string, monthFrom: string, monthTo: string) {
  return unwrap(
    feedback.GET("/v1/workforce/series", {
      params: { query: { ...optional("home_id", homeId), month_from: monthFrom, month_to: monthTo } },
    }),
  );
}

export function useBenchmarks() {
  return useQuery({
    queryKey: ["feedback", "benchmarks"],
    queryFn: async () => (await unwrap(feedback.GET("/v1/benchmarks"))).items,
    staleTime: 10 * 60_000,
  });
}

// Home settings -------------------------------------------------------------------------------

export async function fetchHomeSetting(homeId: string): Promise<Versioned<HomeSetting>> {
  return versioned(await unwrapResponse(feedback.GET("/v1/home-settings/{home_id}", { params: { path: { home_id: homeId } } })));
}

/** A home never set has version 0, so the first change sends If-Match "0". */
export async function saveHomeSetting(homeId: string, etag: string, allStaff: boolean): Promise<Versioned<HomeSetting>> {
  return versioned(
    await unwrapResponse(
      feedback.PUT("/v1/home-settings/{home_id}", {
        params: { path: { home_id: homeId }, header: { "If-Match": etag } },
        body: { all_staff_may_submit: allStaff },
        signal: timeout(),
      }),
    ),
  );
}
