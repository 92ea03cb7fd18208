import { Link } from "react-router";
import { describeRoles } from "../auth/can";
import { useHomes } from "../auth/HomeProvider";
import { useSignedIn } from "../auth/SessionProvider";
import { PageHeading } from "../components/PageHeading";
import { startTasks } from "./startTasks";

export default function Start() {
  const session = useSignedIn();
  const { current, homes, orgWide } = useHomes();
  const firstName = session.name.split(" ")[0] ?? session.name;
  const tasks = startTasks(session.roles, current, orgWide);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageHeading title="Start" caption={describeRoles(session.roles)}>
          Hello, {firstName}
        </PageHeading>
        {current && (
          <p className="govuk-body-l">
            You are working in <strong>{current.name}</strong>
            {homes.length > 1 ? ". You can change home at the top of the page." : "."}
          </p>
        )}
        {orgWide && <p className="govuk-body">Your role covers every home.</p>}
        <h2 className="govuk-heading-m">What you can do</h2>
        {tasks.length === 0 ? (
          <p className="govuk-body">Your role has nothing to do in Care Hub yet. Ask your manager if you think this is wrong.</p>
        ) : (
          <ul className="govuk-list govuk-list--spaced app-start-tasks">
            {tasks.map((task) => (
              <li key={task.id} data-task={task.id}>
                <Link className="govuk-link govuk-link--no-visited-state govuk-!-font-size-24 govuk-!-font-weight-bold" to={task.to}>
                  {task.title}
                </Link>
                <p className="govuk-body govuk-!-margin-top-1 govuk-!-margin-bottom-0">{task.text}</p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
