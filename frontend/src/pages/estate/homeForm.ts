// The home edit form's values: strings in the form, typed values for the API.
import type { FieldMessage } from "../../api/messages";
import type { Home, HomeStatus, HomeUpdate } from "../../api/types";
import { HOME_FIELDS, type HomeField } from "./homes";

export type HomeFormValues = Record<HomeField, string>;
export type HomeApiValues = Record<HomeField, string | number | null>;

const REQUIRED: readonly HomeField[] = ["name", "address_line1", "town", "postcode"];

export function toForm(home: Home): HomeFormValues {
  return Object.fromEntries(
    HOME_FIELDS.map((field) => [field, home[field] === null || home[field] === undefined ? "" : String(home[field])]),
  ) as HomeFormValues;
}

export function fromHome(home: Home): HomeApiValues {
  return Object.fromEntries(HOME_FIELDS.map((field) => [field, home[field] ?? null])) as HomeApiValues;
}

/** Form strings as API values: trimmed, blank optional fields as null, beds as a number. */
export function toApi(values: HomeFormValues): HomeApiValues {
  const out = {} as HomeApiValues;
  for (const field of HOME_FIELDS) {
    const text = values[field].trim();
    if (field === "registered_beds") out[field] = /^\d+$/.test(text) ? Number(text) : text || null;
    else out[field] = text === "" ? null : field === "postcode" ? text.toUpperCase() : text;
  }
  return out;
}

/** The checks worth making before asking the server (it checks everything again). */
export function validateHome(values: HomeFormValues): FieldMessage[] {
  const errors: FieldMessage[] = [];
  const sentence: Partial<Record<HomeField, string>> = {
    name: "Enter the name of the home",
    address_line1: "Enter the first line of the address",
    town: "Enter the town or city",
    postcode: "Enter the postcode",
  };
  for (const field of REQUIRED) {
    if (!values[field].trim()) errors.push({ field, message: sentence[field] ?? `Enter ${field}` });
  }
  const beds = values.registered_beds.trim();
  if (!beds) errors.push({ field: "registered_beds", message: "Enter the number of registered beds" });
  else if (!/^\d+$/.test(beds)) errors.push({ field: "registered_beds", message: "Registered beds must be a whole number, like 42" });
  else if (Number(beds) < 1 || Number(beds) > 1000) {
    errors.push({ field: "registered_beds", message: "Registered beds must be between 1 and 1,000" });
  }
  const email = values.email.trim();
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    errors.push({ field: "email", message: "Enter an email address in the right format, like name@example.com" });
  }
  return errors;
}

export function asPatch(patch: Partial<Record<HomeField, unknown>>): HomeUpdate {
  return patch as HomeUpdate;
}

export function isStatus(value: string): value is HomeStatus {
  return value === "active" || value === "closed";
}
