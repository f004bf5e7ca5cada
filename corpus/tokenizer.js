// cpu-bound
// String building + tokenizing + parsing: generate random source programs for
// a tiny integer language, scan them with charCodeAt, parse with precedence
// climbing into an AST, evaluate with int32 semantics, pretty-print and
// re-parse to check the round trip.

class Rng {
  constructor(seed) { this.s = seed >>> 0; }
  next() {
    this.s = (Math.imul(this.s, 1664525) + 1013904223) >>> 0;
    return this.s;
  }
  below(n) { return (this.next() >>> 8) % n; }
  pick(arr) { return arr[this.below(arr.length)]; }
}

const VARS = ["a", "b", "c", "total", "x1", "y_2", "acc", "tmp"];
const BIN_OPS = ["+", "-", "*", "&", "|", "^", "<<", ">>", "<", "==", "%"];
const FUNCS = ["max", "min", "abs", "mix"];

function genExpr(rng, depth) {
  const r = rng.below(100);
  if (depth <= 0 || r < 25) {
    if (rng.below(3) === 0) return rng.pick(VARS);
    const n = rng.below(1000);
    return rng.below(5) === 0 ? "0x" + n.toString(16) : String(n);
  }
  if (r < 70) {
    const op = rng.pick(BIN_OPS);
    const sp = rng.below(2) === 0 ? " " : "";
    return genExpr(rng, depth - 1) + sp + op + sp + genExpr(rng, depth - 1);
  }
  if (r < 82) return "(" + genExpr(rng, depth - 1) + ")";
  if (r < 88) return "-" + genExpr(rng, depth - 1);
  const f = rng.pick(FUNCS);
  const argc = f === "abs" ? 1 : f === "mix" ? 3 : 2;
  const args = [];
  for (let i = 0; i < argc; i++) args.push(genExpr(rng, depth - 2));
  return f + "(" + args.join(", ") + ")";
}

function genProgram(rng, statements) {
  const lines = [];
  for (let i = 0; i < statements; i++) {
    if (rng.below(8) === 0) lines.push("# comment " + i + " " + rng.pick(VARS));
    const target = rng.pick(VARS);
    const op = rng.below(4) === 0 ? "+=" : "=";
    lines.push(target + " " + op + " " + genExpr(rng, 5) + ";");
  }
  return lines.join("\n");
}

const T_NUM = 1, T_ID = 2, T_OP = 3, T_LP = 4, T_RP = 5, T_COMMA = 6, T_SEMI = 7, T_ASSIGN = 8, T_EOF = 9;

function tokenize(src) {
  const kinds = [];
  const texts = [];
  const n = src.length;
  let i = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13) { i++; continue; }
    if (c === 35) { // '#'
      while (i < n && src.charCodeAt(i) !== 10) i++;
      continue;
    }
    if (c >= 48 && c <= 57) {
      const start = i;
      if (c === 48 && src.charCodeAt(i + 1) === 120) {
        i += 2;
        while (i < n) {
          const d = src.charCodeAt(i);
          if ((d >= 48 && d <= 57) || (d >= 97 && d <= 102)) i++;
          else break;
        }
      } else {
        while (i < n && src.charCodeAt(i) >= 48 && src.charCodeAt(i) <= 57) i++;
      }
      kinds.push(T_NUM);
      texts.push(src.slice(start, i));
      continue;
    }
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) {
      const start = i;
      i++;
      while (i < n) {
        const d = src.charCodeAt(i);
        if ((d >= 97 && d <= 122) || (d >= 65 && d <= 90) || (d >= 48 && d <= 57) || d === 95) i++;
        else break;
      }
      kinds.push(T_ID);
      texts.push(src.slice(start, i));
      continue;
    }
    const two = src.substr(i, 2);
    if (two === "<<" || two === ">>" || two === "==" || two === "+=") {
      kinds.push(two === "+=" ? T_ASSIGN : T_OP);
      texts.push(two);
      i += 2;
      continue;
    }
    const ch = src[i];
    i++;
    switch (ch) {
      case "(": kinds.push(T_LP); break;
      case ")": kinds.push(T_RP); break;
      case ",": kinds.push(T_COMMA); break;
      case ";": kinds.push(T_SEMI); break;
      case "=": kinds.push(T_ASSIGN); break;
      case "+": case "-": case "*": case "&": case "|": case "^": case "<": case "%": kinds.push(T_OP); break;
      default: throw new Error("bad char " + ch + " at " + (i - 1));
    }
    texts.push(ch);
  }
  kinds.push(T_EOF);
  texts.push("");
  return { kinds, texts };
}

const PREC = { "|": 1, "^": 2, "&": 3, "==": 4, "<": 5, "<<": 6, ">>": 6, "+": 7, "-": 7, "*": 8, "%": 8 };

class Parser {
  constructor(tokens) {
    this.kinds = tokens.kinds;
    this.texts = tokens.texts;
    this.pos = 0;
  }
  expect(kind) {
    if (this.kinds[this.pos] !== kind) throw new Error("parse error at token " + this.pos + " '" + this.texts[this.pos] + "'");
    return this.texts[this.pos++];
  }
  program() {
    const stmts = [];
    while (this.kinds[this.pos] !== T_EOF) {
      const name = this.expect(T_ID);
      const op = this.expect(T_ASSIGN);
      const value = this.expr(0);
      this.expect(T_SEMI);
      stmts.push({ name, op, value });
    }
    return stmts;
  }
  expr(minPrec) {
    let left = this.unary();
    while (this.kinds[this.pos] === T_OP) {
      const op = this.texts[this.pos];
      const p = PREC[op];
      if (p <= minPrec) break;
      this.pos++;
      const right = this.expr(p);
      left = { t: "bin", op, left, right };
    }
    return left;
  }
  unary() {
    if (this.kinds[this.pos] === T_OP && this.texts[this.pos] === "-") {
      this.pos++;
      return { t: "neg", arg: this.unary() };
    }
    return this.primary();
  }
  primary() {
    const k = this.kinds[this.pos];
    if (k === T_NUM) {
      const text = this.texts[this.pos++];
      return { t: "num", v: text.length > 2 && text[1] === "x" ? parseInt(text.slice(2), 16) : parseInt(text, 10) };
    }
    if (k === T_ID) {
      const name = this.texts[this.pos++];
      if (this.kinds[this.pos] === T_LP) {
        this.pos++;
        const args = [];
        if (this.kinds[this.pos] !== T_RP) {
          args.push(this.expr(0));
          while (this.kinds[this.pos] === T_COMMA) { this.pos++; args.push(this.expr(0)); }
        }
        this.expect(T_RP);
        return { t: "call", name, args };
      }
      return { t: "var", name };
    }
    if (k === T_LP) {
      this.pos++;
      const e = this.expr(0);
      this.expect(T_RP);
      return e;
    }
    throw new Error("unexpected token '" + this.texts[this.pos] + "'");
  }
}

function evaluate(node, env) {
  switch (node.t) {
    case "num": return node.v;
    case "var": return env.get(node.name) || 0;
    case "neg": return -evaluate(node.arg, env) | 0;
    case "call": {
      const a = node.args.map(x => evaluate(x, env));
      switch (node.name) {
        case "max": return a[0] > a[1] ? a[0] : a[1];
        case "min": return a[0] < a[1] ? a[0] : a[1];
        case "abs": return a[0] < 0 ? -a[0] | 0 : a[0];
        case "mix": return (Math.imul(a[0], 31) ^ Math.imul(a[1], 17) ^ a[2]) | 0;
      }
      throw new Error("unknown function " + node.name);
    }
    case "bin": {
      const l = evaluate(node.left, env), r = evaluate(node.right, env);
      switch (node.op) {
        case "+": return (l + r) | 0;
        case "-": return (l - r) | 0;
        case "*": return Math.imul(l, r);
        case "&": return l & r;
        case "|": return l | r;
        case "^": return l ^ r;
        case "<<": return l << (r & 15);
        case ">>": return l >> (r & 15);
        case "<": return l < r ? 1 : 0;
        case "==": return l === r ? 1 : 0;
        case "%": return r === 0 ? 0 : (l % r) | 0;
      }
    }
  }
  throw new Error("bad node");
}

function show(node) {
  switch (node.t) {
    case "num": return String(node.v);
    case "var": return node.name;
    case "neg": return "-(" + show(node.arg) + ")";
    case "call": return node.name + "(" + node.args.map(show).join(",") + ")";
    case "bin": return "(" + show(node.left) + node.op + show(node.right) + ")";
  }
  return "?";
}

function run(stmts) {
  const env = new Map();
  for (const s of stmts) {
    const v = evaluate(s.value, env);
    env.set(s.name, s.op === "+=" ? ((env.get(s.name) || 0) + v) | 0 : v);
  }
  let h = 0;
  for (const name of VARS) h = (Math.imul(h, 16777619) ^ (env.get(name) || 0)) | 0;
  return h;
}

function main() {
  const rng = new Rng(777);
  let totalTokens = 0, totalChars = 0, programHash = 0, roundTrips = 0;
  const kindCounts = new Array(10).fill(0);
  let sample = "";
  for (let p = 0; p < 32; p++) {
    const src = genProgram(rng, 25);
    totalChars += src.length;
    const toks = tokenize(src);
    totalTokens += toks.kinds.length;
    for (const k of toks.kinds) kindCounts[k]++;
    const stmts = new Parser(toks).program();
    const h1 = run(stmts);
    const printed = stmts.map(s => s.name + s.op + show(s.value) + ";").join("\n");
    const stmts2 = new Parser(tokenize(printed)).program();
    const printed2 = stmts2.map(s => s.name + s.op + show(s.value) + ";").join("\n");
    const h2 = run(stmts2);
    if (h1 === h2 && printed === printed2) roundTrips++;
    programHash = (Math.imul(programHash, 31) + h1) | 0;
    if (p === 0) sample = printed.split("\n")[0];
  }
  console.log("chars=" + totalChars + " tokens=" + totalTokens + " roundTrips=" + roundTrips + " programHash=" + programHash);
  console.log("kinds num=" + kindCounts[T_NUM] + " id=" + kindCounts[T_ID] + " op=" + kindCounts[T_OP] + " paren=" + kindCounts[T_LP] + "/" + kindCounts[T_RP] + " comma=" + kindCounts[T_COMMA] + " semi=" + kindCounts[T_SEMI]);
  console.log("sample: " + (sample.length > 90 ? sample.slice(0, 90) + "..." : sample));
  const errors = [];
  for (const bad of ["a = (1 + ;", "b = 3 $ 4;", "c = max(1, 2;", "= 5;"]) {
    try {
      new Parser(tokenize(bad)).program();
      errors.push("accepted");
    } catch (e) {
      errors.push(e.message);
    }
  }
  console.log("errors: " + errors.join(" | "));
}
