// The feedback area's sections, and which of them a person's roles may use.
import { can, type Action } from "../../auth/can";

export interface Section {
  to: string;
  label: string;
  description: string;
  /** Any one of these permissions shows the section. */
  needs: readonly Action[];
}

export const SECTIONS: readonly Section[] = [
  {
    to: "/feedback/give",
    label: "Give feedback",
    description: "Say what is working, what is not, or share an idea. You can give it anonymously.",
    needs: ["feedback:item.submit"],
  },
  {
    to: "/feedback/mine",
    label: "My feedback",
    description: "Feedback you gave under your name, and what has happened to it.",
    needs: ["feedback:item.read_own"],
  },
  {
    to: "/feedback/reply",
    label: "Reply with your code",
    description: "Use the reply code you were given to read answers to your feedback and reply.",
    needs: ["feedback:conversation.use"],
  },
  {
    to: "/feedback/board",
    label: "You said, we did",
    description: "What people raised and what is being done about it.",
    needs: ["feedback:board.read"],
  },
  {
    to: "/feedback/inbox",
    label: "Feedback inbox",
    description: "Read the feedback given in your homes, sort it by theme and join duplicates.",
    needs: ["feedback:item.read"],
  },
  {
    to: "/feedback/actions",
    label: "Actions",
    description: "What we are doing in answer to feedback, who owns it, and what is overdue.",
    needs: ["feedback:action.read"],
  },
  {
    to: "/feedback/surveys",
    label: "Pulse surveys",
    description: "Answer short staff surveys, and see the results once a survey has closed.",
    needs: ["feedback:survey.read", "feedback:survey.results"],
  },
  {
    to: "/feedback/workforce",
    label: "Workforce",
    description: "Turnover, vacancies, sickness and agency use against the national figures, and the monthly returns.",
    needs: ["feedback:workforce.indicators", "feedback:workforce.submit"],
  },
  {
    to: "/feedback/settings",
    label: "Who can give feedback",
    description: "Choose whether every member of staff in a home, not only managers, may give feedback.",
    needs: ["feedback:home_setting.manage"],
  },
];

export function sectionsFor(roles: readonly string[]): Section[] {
  return SECTIONS.filter((section) => section.needs.some((action) => can(roles, action)));
}
