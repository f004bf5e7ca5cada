// Class and object-literal features that call into the engine (compiled): super property
// access (SuperBase), computed and symbol method names (SetFunName), class heritage checks
// (CheckClassHeritage, including a heritage that is not a constructor), getters and setters in
// literals and classes under fixed and computed keys (InitPropGetter/Setter, InitElemGetter/
// Setter and their hidden forms), `__proto__` in literals (MutateProto), `delete` of an
// unqualified name (DelName), per-iteration `let` bindings (FreshenLexicalEnv), template
// literals and string conversions (ToString).

class Shape {
  constructor(name) { this.name = name; }
  area() { return 0; }
  describe() { return this.name + " with area " + this.area(); }
  static create(name) { return new this(name); }
  get kind() { return "shape"; }
}

class Square extends Shape {
  constructor(side) { super("square"); this.side = side; }
  area() { return this.side * this.side; }
  describe() { return "[" + super.describe() + "]"; }
  get kind() { return "square " + super.kind; }
  static create(side) { return super.create(side); }
}

function computedNames() {
  const key = "dyn";
  const sym = Symbol("tag");
  const o = {
    [key + "A"]() { return 1; },
    [sym]() { return 2; },
    get [key + "G"]() { return "got"; },
    set [key + "S"](v) { this.stored = v; },
    [key + "F"]: function () {},
    [key + "Arrow"]: () => 3,
  };
  o.dynS = 7;
  const getter = Object.getOwnPropertyDescriptor(o, "dynG").get;
  return [o.dynA.name, o[sym].name, getter.name, o.dynF.name, o.dynArrow.name, o.dynG, o.stored].join(",");
}

function accessorsInLiterals() {
  let log = [];
  const o = {
    _v: 1,
    get v() { log.push("get"); return this._v; },
    set v(x) { log.push("set " + x); this._v = x; },
    get 0() { return "zero"; },
  };
  o.v = o.v + 1;
  return o.v + " " + o[0] + " " + log.join(";") + " " + Object.keys(o).join("");
}

class Accessors {
  static #count = 0;
  #x = 0;
  get x() { return this.#x; }
  set x(v) { this.#x = v * 2; Accessors.#count++; }
  get ["comp" + "uted"]() { return "c"; }
  static get count() { return Accessors.#count; }
}

function heritage(base) {
  try {
    class C extends base {}
    return "ok " + (new C() instanceof base);
  } catch (e) {
    return e.constructor.name;
  }
}

function nullHeritage() {
  class N extends null {}
  return Object.getPrototypeOf(N.prototype) === null ? "null proto" : "other";
}

function protoLiteral() {
  const base = { greet() { return "hi from base"; } };
  const o = { __proto__: base, own: 1 };
  const p = { __proto__: null };
  const q = { __proto__: 5 };
  return o.greet() + " " + (Object.getPrototypeOf(p) === null) + " " + (Object.getPrototypeOf(q) === Object.prototype);
}

var globalCounter = 1;
function deleteNames() {
  globalThis.implicitGlobal = 2;
  const a = delete implicitGlobal;
  const b = delete globalCounter;
  const c = delete notDefinedAnywhere;
  return [a, b, c, typeof implicitGlobal, typeof globalCounter].join(",");
}

function perIterationLet() {
  const fns = [];
  for (let i = 0; i < 4; i++) fns.push(() => i);
  let s = "";
  for (let i = 0, j = 10; i < 3; i++, j--) s += (() => i + j)() + ",";
  return fns.map((f) => f()).join("") + " " + s;
}

function templates(v) {
  return `${v}|${v + 1}|${[v, v]}|${{ toString() { return "obj"; } }}|${null}|${undefined}|${Symbol.iterator.description}`;
}

function throwingToString() {
  try {
    return `${{ toString() { throw new RangeError("no string"); } }}`;
  } catch (e) {
    return e.constructor.name + " " + e.message;
  }
}

function main() {
  const sq = new Square(3);
  console.log(sq.describe() + " " + sq.kind + " " + Square.create(4).area());
  console.log(computedNames());
  console.log(accessorsInLiterals());
  const a = new Accessors();
  a.x = 5;
  a.x = 6;
  console.log(a.x + " " + a.computed + " " + Accessors.count);
  console.log(heritage(Shape) + " " + heritage(5) + " " + heritage({}) + " " + heritage(function () {}) + " " + nullHeritage());
  console.log(protoLiteral());
  console.log(deleteNames());
  console.log(perIterationLet());
  console.log(templates(1) + " " + templates("s"));
  console.log(throwingToString());
  let total = 0;
  for (let i = 0; i < 500; i++) {
    total += new Square(i % 7).area() + `${i}`.length;
    const o = { get g() { return i; }, __proto__: { p: 1 } };
    total += o.g + o.p;
  }
  console.log("total " + total);
}
