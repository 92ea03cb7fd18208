// govuk-frontend ships no TypeScript types: the small part of its API this app uses.
declare module "govuk-frontend" {
  export interface GovukComponentClass {
    new (root: Element, config?: object): unknown;
    moduleName: string;
  }
  export interface CreateAllOptions {
    scope?: Element | Document;
    onError?: (error: Error, context: { component: GovukComponentClass; element?: Element }) => void;
  }
  export function createAll(
    component: GovukComponentClass,
    config?: object,
    options?: CreateAllOptions | Element | Document,
  ): unknown[];
  export const ErrorSummary: GovukComponentClass;
  export const ServiceNavigation: GovukComponentClass;
  export const SkipLink: GovukComponentClass;
  export const NotificationBanner: GovukComponentClass;
  export const PasswordInput: GovukComponentClass;
  export const Button: GovukComponentClass;
}
