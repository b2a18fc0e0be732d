import type { Rule } from "eslint";
declare const plugin: { rules: Record<"server-actions-only", Rule.RuleModule> };
export default plugin;
