import { ServiceNavigation, SkipLink } from "govuk-frontend";
import { Suspense, useRef, type ReactNode } from "react";
import { Link, Outlet, useMatch } from "react-router";
import { can, describeRoles } from "../auth/can";
import { HomeProvider } from "../auth/HomeProvider";
import { useSession } from "../auth/SessionProvider";
import { Loading } from "../components/Loading";
import { SaveStatus } from "../components/SaveStatus";
import { SERVICE_NAME } from "../components/PageHeading";
import { useGovuk } from "../components/useGovuk";
import { AccountBar } from "./AccountBar";

interface NavItem {
  to: string;
  label: string;
  end?: boolean;
}

function navItems(roles: readonly string[]): NavItem[] {
  const items: NavItem[] = [{ to: "/", label: "Start", end: true }];
  if (can(roles, "assets:asset.read")) items.push({ to: "/estate", label: "Estate" });
  if (can(roles, "careplan:resident.read")) items.push({ to: "/care", label: "Residents" });
  if (can(roles, "feedback:board.read")) items.push({ to: "/feedback", label: "Feedback" });
  if (can(roles, "feedback:report.read")) items.push({ to: "/reports", label: "Reports" });
  return items;
}

function NavItemLink({ item }: { item: NavItem }) {
  const match = useMatch({ path: item.to, end: item.end ?? false });
  return (
    <li className={`govuk-service-navigation__item${match ? " govuk-service-navigation__item--active" : ""}`}>
      <Link className="govuk-service-navigation__link" to={item.to} aria-current={match ? "page" : undefined}>
        {match ? <strong className="govuk-service-navigation__active-fallback">{item.label}</strong> : item.label}
      </Link>
    </li>
  );
}

function ServiceNav({ items }: { items: NavItem[] }) {
  return (
    <section aria-label="Service information" className="govuk-service-navigation" data-module="govuk-service-navigation">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          {items.length > 0 && (
            <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
              <button
                type="button"
                className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
                aria-controls="navigation"
                hidden
                aria-hidden="true"
              >
                Menu
              </button>
              <ul className="govuk-service-navigation__list" id="navigation">
                {items.map((item) => (
                  <NavItemLink key={item.to} item={item} />
                ))}
              </ul>
            </nav>
          )}
        </div>
      </div>
    </section>
  );
}

/** Header, navigation and the signed-in person's bar around every page. */
export function Layout({ children }: { children?: ReactNode }) {
  const { session } = useSession();
  const shell = <Shell>{children}</Shell>;
  return session ? <HomeProvider key={session.username}>{shell}</HomeProvider> : shell;
}

function Shell({ children }: { children?: ReactNode }) {
  const { session } = useSession();
  const ref = useRef<HTMLDivElement>(null);
  const items = session ? navItems(session.roles) : [];
  useGovuk(ref, [SkipLink, ServiceNavigation], [items.length]);

  return (
    <div ref={ref}>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
        Skip to main content
      </a>
      <header className="govuk-generic-header">
        <div className="govuk-generic-header__container govuk-width-container">
          <div className="govuk-generic-header__logo">
            <Link to="/" className="govuk-generic-header__homepage-link">
              {SERVICE_NAME}
            </Link>
          </div>
        </div>
      </header>
      {session && <ServiceNav key={items.length} items={items} />}
      {session && <AccountBar session={session} roleText={describeRoles(session.roles)} />}
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          <SaveStatus />
          <Suspense fallback={<Loading />}>{children ?? <Outlet />}</Suspense>
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <p className="govuk-body-s govuk-!-margin-bottom-0">{SERVICE_NAME}: estate, care plans and feedback for our care homes.</p>
            </div>
          </div>
        </div>
      </footer>
    </div>
  );
}
