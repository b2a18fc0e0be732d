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

const TRANSACTIONS = new Set(["writeTransaction", "writeTx", "$transaction"]);
const QUEUEING = new Set(["enqueueIn", "queueEmailIn"]);

const calleeName = (call) => (call.callee.type === "Identifier" ? call.callee.name : call.callee.type === "MemberExpression" ? call.callee.property.name : "");
/** `enqueueIn(…)`, `await enqueueIn(…)`, `return enqueueIn(…)`: a statement that only queues. */
function onlyQueues(node) {
  if (!node) return false;
  if (node.type === "ExpressionStatement" || node.type === "ReturnStatement") return onlyQueues(node.expression ?? node.argument);
  if (node.type === "AwaitExpression") return onlyQueues(node.argument);
  return node.type === "CallExpression" && QUEUEING.has(calleeName(node));
}

/**
 * A job is written in the transaction of the data it serves (the transactional outbox):
 * a transaction that does nothing but queue is the "second step" a crash can lose.
 */
const jobWithItsData = {
  meta: {
    type: "problem",
    messages: {
      alone:
        "This transaction only queues a job: write the job in the transaction that stores the data it serves, so a crash cannot keep one without the other.",
    },
    schema: [],
  },
  create(context) {
    return {
      CallExpression(node) {
        if (!TRANSACTIONS.has(calleeName(node))) return;
        const work = node.arguments.find((a) => a.type === "ArrowFunctionExpression" || a.type === "FunctionExpression");
        if (!work) return;
        const body = work.body;
        const alone = body.type === "BlockStatement" ? body.body.length > 0 && body.body.every(onlyQueues) : onlyQueues(body);
        if (alone) context.report({ node: work, messageId: "alone" });
      },
    };
  },
};

const plugin = { rules: { "server-actions-only": serverActionsOnly, "job-with-its-data": jobWithItsData } };
export default plugin;
