// Shiftline's own lint rules: the conventions in shared/conventions.md that a
// reviewer would otherwise have to remember.

const BUILDERS = new Set(["createAction", "createPublicAction"]);

const isUseServerFile = (program) => program.body.some((n) => n.type === "ExpressionStatement" && n.directive === "use server");

/** A "use server" file exports only actions built with createAction: `export const fooAction = createAction(…)`. */
const serverActionsOnly = {
  meta: {
    type: "problem",
    messages: {
      notBuilt: 'A "use server" file exports only actions built with createAction (lib/api/action.ts); `{{name}}` is not.',
      name: "Server actions are named verbNounAction; `{{name}}` is not.",
      other: 'A "use server" file exports only `export const xAction = createAction(…)`.',
    },
    schema: [],
  },
  create(context) {
    let active = false;
    return {
      Program(node) {
        active = isUseServerFile(node);
      },
      ExportDefaultDeclaration(node) {
        if (active) context.report({ node, messageId: "other" });
      },
      ExportAllDeclaration(node) {
        if (active) context.report({ node, messageId: "other" });
      },
      ExportNamedDeclaration(node) {
        if (!active || node.exportKind === "type") return;
        const d = node.declaration;
        if (!d) {
          if (node.specifiers.length) context.report({ node, messageId: "other" });
          return;
        }
        if (d.type === "TSTypeAliasDeclaration" || d.type === "TSInterfaceDeclaration") return;
        if (d.type !== "VariableDeclaration" || d.kind !== "const") return context.report({ node, messageId: "other" });
        for (const v of d.declarations) {
          const name = v.id.type === "Identifier" ? v.id.name : "?";
          const init = v.init;
          const built = init?.type === "CallExpression" && init.callee.type === "Identifier" && BUILDERS.has(init.callee.name);
          if (!built) context.report({ node: v, messageId: "notBuilt", data: { name } });
          else if (!/^[a-z]+[A-Za-z]*Action$/.test(name)) context.report({ node: v, messageId: "name", data: { name } });
        }
      },
    };
  },
};

const plugin = { rules: { "server-actions-only": serverActionsOnly } };
export default plugin;
