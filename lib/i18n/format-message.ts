// The part of ICU MessageFormat our catalogues use, small enough for the browser: plain
// arguments, `{n, number}` (with the `::.00` skeleton), and `plural` with `=N`, the
// language's categories and `#`. The server keeps use-intl; a test checks that both give
// the same text for every message of both catalogues (decision 013).

type Node = string | Arg;
type Arg = { name: string; type?: "number" | "plural"; style?: string; options?: Record<string, Node[]> };
export type MessageValues = Record<string, string | number | null | undefined>;

const parsed = new Map<string, Node[]>();

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  message(inPlural: boolean): Node[] {
    const out: Node[] = [];
    let text = "";
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === "}") break;
      if (c === "{") {
        if (text) out.push(text);
        text = "";
        out.push(this.argument());
      } else if (c === "#" && inPlural) {
        if (text) out.push(text);
        text = "";
        out.push({ name: "#" });
        this.i++;
      } else if (c === "'") {
        text += this.quoted(inPlural);
      } else {
        text += c;
        this.i++;
      }
    }
    if (text) out.push(text);
    return out;
  }

  // ICU quoting: '' is an apostrophe; ' before a special character quotes up to the next '.
  private quoted(inPlural: boolean): string {
    const next = this.s[this.i + 1];
    if (next === "'") {
      this.i += 2;
      return "'";
    }
    if (next === "{" || next === "}" || (inPlural && next === "#")) {
      const end = this.s.indexOf("'", this.i + 1);
      const stop = end < 0 ? this.s.length : end;
      const text = this.s.slice(this.i + 1, stop).replaceAll("''", "'");
      this.i = stop + 1;
      return text;
    }
    this.i++;
    return "'";
  }

  private word(): string {
    const m = /^\s*([^\s,{}]+)\s*/.exec(this.s.slice(this.i));
    if (!m) throw new Error(`Bad message at ${this.i}: ${this.s}`);
    this.i += m[0].length;
    return m[1]!;
  }

  private expect(c: string) {
    if (this.s[this.i] !== c) throw new Error(`Expected ${c} at ${this.i}: ${this.s}`);
    this.i++;
  }

  private argument(): Arg {
    this.expect("{");
    const name = this.word();
    if (this.s[this.i] === "}") {
      this.i++;
      return { name };
    }
    this.expect(",");
    const type = this.word();
    if (type === "number") {
      let style: string | undefined;
      if (this.s[this.i] === ",") {
        this.i++;
        style = this.word();
      }
      this.expect("}");
      return { name, type, style };
    }
    if (type !== "plural") throw new Error(`Unsupported argument type ${type}: ${this.s}`);
    this.expect(",");
    const options: Record<string, Node[]> = {};
    while (this.s[this.i] !== "}") {
      const key = this.word();
      this.expect("{");
      options[key] = this.message(true);
      this.expect("}");
      this.i += /^\s*/.exec(this.s.slice(this.i))![0].length;
    }
    this.i++;
    return { name, type, options };
  }
}

export function parseMessage(message: string): Node[] {
  let nodes = parsed.get(message);
  if (!nodes) {
    nodes = new Parser(message).message(false);
    parsed.set(message, nodes);
  }
  return nodes;
}

// Whole numbers from 0 to 999, and the plural category of a whole number, as Intl gives them in
// Shiftline's two languages, without building an Intl object: the first one a browser page
// builds costs 50-130 ms (its ICU data loads), and a page's counts and sizes are mostly these.
// format-message.test.ts checks both against Intl.
export function plainNumber(locale: string, n: number, style?: string): string | null {
  return !style && (locale === "en" || locale === "fr") && Number.isInteger(n) && n >= 0 && n < 1000 ? String(n) : null;
}

export function pluralCategory(locale: string, n: number): string {
  if (Number.isInteger(n) && n >= 0) {
    if (locale === "en") return n === 1 ? "one" : "other";
    if (locale === "fr") return n <= 1 ? "one" : n % 1_000_000 === 0 ? "many" : "other";
  }
  return new Intl.PluralRules(locale).select(n);
}

function numberFormat(locale: string, style?: string): Intl.NumberFormat {
  // "::.00": exactly two decimals, the only skeleton the catalogues use.
  const fraction = style?.startsWith("::.") ? style.length - 3 : undefined;
  return new Intl.NumberFormat(
    locale,
    fraction === undefined ? {} : { minimumFractionDigits: fraction, maximumFractionDigits: fraction },
  );
}

function render(nodes: Node[], values: MessageValues, locale: string, count?: number): string {
  let out = "";
  for (const node of nodes) {
    if (typeof node === "string") {
      out += node;
      continue;
    }
    if (node.name === "#") {
      out += plainNumber(locale, count ?? 0) ?? numberFormat(locale).format(count ?? 0);
      continue;
    }
    const value = values[node.name];
    if (value === undefined || value === null) throw new Error(`Missing value "${node.name}"`);
    if (node.type === "number")
      out += plainNumber(locale, Number(value), node.style) ?? numberFormat(locale, node.style).format(Number(value));
    else if (node.type === "plural") {
      const n = Number(value);
      const options = node.options!;
      const branch = options[`=${n}`] ?? options[pluralCategory(locale, n)] ?? options.other ?? [];
      out += render(branch, values, locale, n);
    } else out += String(value);
  }
  return out;
}

/** The message in the reader's language with its values filled in; throws on a missing value. */
export function formatMessage(message: string, values: MessageValues | undefined, locale: string): string {
  return render(parseMessage(message), values ?? {}, locale);
}
