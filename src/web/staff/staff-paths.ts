/** URL builders of the staff workspace; node codes such as 「継1」 travel percent-encoded. */
export const planPath = (plan: string) => `/staff/plans/${encodeURIComponent(plan)}`;
export const roundPath = (plan: string, fy: number) => `${planPath(plan)}/rounds/${fy}`;
export const taskPath = (plan: string, fy: number, code: string) =>
  `${roundPath(plan, fy)}/tasks/${encodeURIComponent(code)}`;
export const historyPath = (plan: string, code: string) => `${planPath(plan)}/history/${encodeURIComponent(code)}`;
export const nodeEditPath = (plan: string, code: string) => `${planPath(plan)}/nodes/${encodeURIComponent(code)}/edit`;
