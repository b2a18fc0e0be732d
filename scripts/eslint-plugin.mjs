// Shiftline's own lint rules: the conventions in shared/conventions.md that a
// reviewer would otherwise have to remember.

const BUILDERS = new Set(["createAction", "createPublicAction"]);

const isUseServerFile = (program) =>
  program.body.some((n) => n.type === "ExpressionStatement" && n.directive === "use server");

/** A "use server" file exports only actions built with createAction: `export const fooAction = createAction(…)`. */
const serverActionsOnly = {
  meta: {
    type: "problem",
    messages: {
      notBuilt:
        'A "use server" file exports only actions built with createAction (lib/api/action.ts); `{{name}}` is not.',
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
          const built =
            init?.type === "CallExpression" && init.callee.type === "Identifier" && BUILDERS.has(init.callee.name);
          if (!built) context.report({ node: v, messageId: "notBuilt", data: { name } });
          else if (!/^[a-z]+[A-Za-z]*Action$/.test(name))
            context.report({ node: v, messageId: "name", data: { name } });
        }
      },
    };
  },
};

const TRANSACTIONS = new Set(["writeTransaction", "writeTx", "$transaction"]);
const QUEUEING = new Set(["enqueueIn", "queueEmailIn"]);

const calleeName = (call) =>
  call.callee.type === "Identifier"
    ? call.callee.name
    : call.callee.type === "MemberExpression"
      ? call.callee.property.name
      : "";
/** `enqueueIn(…)`, `await enqueueIn(…)`, `return enqueueIn(…)`: a statement that only queues. */
function onlyQueues(node) {
  if (!node) return false;
  if (node.type === "ExpressionStatement" || node.type === "ReturnStatement")
    return onlyQueues(node.expression ?? node.argument);
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
        const work = node.arguments.find(
          (a) => a.type === "ArrowFunctionExpression" || a.type === "FunctionExpression",
        );
        if (!work) return;
        const body = work.body;
        const alone =
          body.type === "BlockStatement" ? body.body.length > 0 && body.body.every(onlyQueues) : onlyQueues(body);
        if (alone) context.report({ node: work, messageId: "alone" });
      },
    };
  },
};

/** The lib/ area a path is in (`lib/inbox/send.ts` → inbox, `lib/config.ts` → config), or null outside lib/. */
function areaOf(file) {
  const m = /(?:^|\/)lib\/([^/]+?)(?:\.tsx?)?(?:\/|$)/.exec(file);
  return m ? m[1] : null;
}

/** Where an import points, as a path from the repository root (aliases and relative paths), or null for a package. */
function importedPath(spec, filename, cwd) {
  if (spec.startsWith("@/")) return spec.slice(2);
  if (!spec.startsWith(".")) return null;
  const from = filename.startsWith(cwd) ? filename.slice(cwd.length + 1) : filename;
  const parts = from.split("/").slice(0, -1);
  for (const seg of spec.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

/**
 * Dependencies point one way (docs/architecture.md): an area of lib/ imports only the areas
 * listed before it, and lib/ never imports app/ or components/. The order is the rule's option.
 */
const areaDirection = {
  meta: {
    type: "problem",
    messages: {
      against:
        "lib/{{from}} may not import lib/{{to}}: {{to}} comes after {{from}} in the direction of docs/architecture.md. Move the shared part down, or register a handler.",
      unknown:
        "lib/{{area}} is not in the list of areas (eslint.config.mjs, docs/architecture.md): add it where it belongs.",
      ui: "lib/ never imports {{to}}/: the domain knows nothing of pages and components.",
    },
    schema: [
      {
        type: "object",
        properties: { order: { type: "array", items: { type: "string" } } },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const order = context.options[0]?.order ?? [];
    const from = areaOf(
      context.filename.startsWith(context.cwd) ? context.filename.slice(context.cwd.length + 1) : context.filename,
    );
    if (!from) return {};
    const rank = new Map(order.map((a, i) => [a, i]));
    function check(node, spec) {
      if (typeof spec !== "string") return;
      const target = importedPath(spec, context.filename, context.cwd);
      if (target === null) return;
      const top = target.split("/")[0];
      if (top === "app" || top === "components") return context.report({ node, messageId: "ui", data: { to: top } });
      const to = areaOf(target);
      if (!to || to === from) return;
      for (const area of [from, to])
        if (!rank.has(area)) return context.report({ node, messageId: "unknown", data: { area } });
      if (rank.get(to) > rank.get(from)) context.report({ node, messageId: "against", data: { from, to } });
    }
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node.source, node.source.value),
    };
  },
};

const plugin = {
  rules: {
    "server-actions-only": serverActionsOnly,
    "job-with-its-data": jobWithItsData,
    "area-direction": areaDirection,
  },
};
export default plugin;
