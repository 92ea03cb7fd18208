import { describe, expect, it } from "vitest";
import { fieldKey, fieldMessages, plainMessage, problemSentence } from "./messages";
import { ApiProblem, NetworkError, parseRetryAfter, unwrap, unwrapResponse } from "./problem";

function response(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": status >= 400 ? "application/problem+json" : "application/json", ...headers },
  });
}

const validation = {
  type: "https://carehub.example/problems/validation",
  title: "Unprocessable Entity",
  status: 422,
  detail: "The request is not valid.",
  request_id: "req-1",
  errors: [
    { loc: ["body", "name"], msg: "Field required", type: "missing" },
    { loc: ["body", "registered_beds"], msg: "Input should be greater than 0", type: "greater_than" },
    { loc: ["body", "postcode"], msg: "String should have at most 10 characters", type: "string_too_long" },
    { loc: ["body", "email"], msg: "value is not a valid email address: An email address must have an @-sign.", type: "value_error" },
    { loc: ["query", "limit"], msg: "Input should be a valid integer", type: "int_parsing" },
  ],
};

describe("unwrap", () => {
  it("returns the data of a success", async () => {
    const data = await unwrap(Promise.resolve({ data: { ok: true }, response: response(200, { ok: true }) }));
    expect(data).toEqual({ ok: true });
  });

  it("turns problem+json into a typed ApiProblem", async () => {
    const call = Promise.resolve({ error: validation, response: response(422, validation) });
    const problem = await unwrap(call).catch((e: unknown) => e);
    expect(problem).toBeInstanceOf(ApiProblem);
    const p = problem as ApiProblem;
    expect(p.status).toBe(422);
    expect(p.title).toBe("Unprocessable Entity");
    expect(p.detail).toBe("The request is not valid.");
    expect(p.requestId).toBe("req-1");
    expect(p.errors).toHaveLength(5);
  });

  it("makes an ApiProblem of an error that is not problem+json", async () => {
    const res = new Response("<html>Bad gateway</html>", { status: 502, headers: { "x-request-id": "r-9" } });
    const p = (await unwrap(Promise.resolve({ error: "<html>Bad gateway</html>", response: res })).catch((e: unknown) => e)) as ApiProblem;
    expect(p).toBeInstanceOf(ApiProblem);
    expect(p.status).toBe(502);
    expect(p.requestId).toBe("r-9");
    expect(problemSentence(p)).toMatch(/problem with Care Hub/);
  });

  it("turns a failed fetch into a NetworkError", async () => {
    const error = await unwrap(Promise.reject(new TypeError("Failed to fetch"))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
  });

  it("keeps the response, for its ETag", async () => {
    const { response: res } = await unwrapResponse(
      Promise.resolve({ data: { id: 1 }, response: response(200, { id: 1 }, { etag: '"3"' }) }),
    );
    expect(res.headers.get("etag")).toBe('"3"');
  });

  it("reads Retry-After as seconds or as a date", () => {
    const p = new ApiProblem(429, { type: "t", title: "Too Many Requests", status: 429 }, new Headers({ "retry-after": "300" }));
    expect(p.retryAfterSeconds).toBe(300);
    expect(parseRetryAfter("Fri, 04 Dec 2026 20:05:00 GMT", Date.parse("Fri, 04 Dec 2026 20:00:00 GMT"))).toBe(300);
    expect(parseRetryAfter("soon")).toBeNull();
  });
});

describe("field messages", () => {
  const labels = { name: "the name of the home", registered_beds: "the number of registered beds", postcode: "the postcode" };

  it("keys errors by field, without the body/query prefix", () => {
    expect(fieldKey(["body", "name"])).toBe("name");
    expect(fieldKey(["body", "address", 0, "line1"])).toBe("address.0.line1");
    expect(fieldKey(["query", "limit"])).toBe("limit");
  });

  it("says each error in plain English, next to its field", () => {
    const p = new ApiProblem(422, validation);
    expect(fieldMessages(p, labels)).toEqual([
      { field: "name", message: "Enter the name of the home" },
      { field: "registered_beds", message: "The number of registered beds must be more than 0" },
      { field: "postcode", message: "The postcode must be 10 characters or fewer" },
      { field: "email", message: "Enter an email address in the right format, like name@example.com" },
      { field: "limit", message: "Limit must be a whole number, like 12" },
    ]);
  });

  it("treats a one-character minimum as a missing answer", () => {
    expect(plainMessage({ loc: ["body", "town"], msg: "String should have at least 1 character", type: "string_too_short" }, "the town")).toBe(
      "Enter the town",
    );
    expect(plainMessage({ loc: ["body", "code"], msg: "String should have at least 6 characters", type: "string_too_short" }, "the code")).toBe(
      "The code must be 6 characters or more",
    );
  });

  it("puts the field's name before a service rule's own words", () => {
    expect(plainMessage({ loc: ["body", "due_date"], msg: "must be on or after the date the action was raised", type: "date_order" }, "the due date")).toBe(
      "The due date must be on or after the date the action was raised",
    );
    expect(plainMessage({ loc: ["body", "answers"], msg: "choose one of the question's options", type: "choice" }, "the answer")).toBe(
      "Choose one of the question's options",
    );
    expect(plainMessage({ loc: ["body", "status"], msg: "from agreed it can move to: in_progress", type: "transition" }, "the status")).toBe("Check the status");
  });

  it("shows a value_error's own words, without pydantic's prefix", () => {
    expect(plainMessage({ loc: ["body", "nhs_number"], msg: "Value error, the NHS number's check digit is wrong", type: "value_error" }, "the NHS number")).toBe(
      "The NHS number's check digit is wrong",
    );
  });

  it("never shows pydantic's wording for an error type it does not know", () => {
    expect(plainMessage({ loc: ["body", "x"], msg: "Input should be a finite number", type: "finite_number" }, "the reading")).toBe("Check the reading");
  });

  it("explains whole-form problems by status", () => {
    expect(problemSentence(new ApiProblem(403, null))).toMatch(/permission/);
    expect(problemSentence(new ApiProblem(404, null))).toMatch(/could not be found/);
    expect(problemSentence(new ApiProblem(412, null))).toMatch(/Someone else changed/);
  });
});
