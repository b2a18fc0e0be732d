import type { Rule } from "eslint";
declare const plugin: {
  rules: Record<"server-actions-only" | "job-with-its-data" | "area-direction", Rule.RuleModule>;
};
export default plugin;
