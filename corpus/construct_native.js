// Constructing calls and native callees, many times over from hot compiled code: plain and
// class constructors, derived classes and super(), constructors returning objects and
// primitives, new.target, wrong argument counts, a constructor replaced at run time, one that
// throws, recursion through `new`; natives called with fewer and more arguments, natives that
// call back into scripts (sort, map, replace), natives that throw, apply/call, bound natives.

function Vec(x, y) { this.x = x; this.y = y; }
Vec.prototype.len2 = function () { return this.x * this.x + this.y * this.y; };
function Box(v) { this.v = v; return { boxed: v }; }
function Prim(v) { this.v = v; return 42; }
function Counted(a, b, c) { this.n = arguments.length; this.c = c; }
function Target() { this.t = new.target === Target ? "Target" : typeof new.target; }
function Thrower(x) { if (x > 3) throw new RangeError("too big " + x); this.x = x; }
function Chain(n) { this.n = n; this.next = n > 0 ? new Chain(n - 1) : null; }
class Shape { constructor(name) { this.name = name; } area() { return 0; } }
class Rect extends Shape {
  constructor(w, h) { super("rect"); this.w = w; this.h = h; }
  area() { return this.w * this.h; }
}
class Square extends Rect { constructor(s) { super(s, s); this.name = "square"; } }
class Weird extends Shape { constructor() { return { weird: true }; } }
var Swap = function (a) { this.a = a; };

function depthOf(c) { let d = 0; while (c) { d++; c = c.next; } return d; }

function constructs() {
  let s = 0;
  for (let i = 0; i < 300; i++) {
    const v = new Vec(i, i + 1);
    s += v.len2() % 1000;
    s += new Box(i).boxed;
    const p = new Prim(i);
    s += p.v + (p instanceof Prim ? 1 : 0);
    s += new Counted(1).n + new Counted(1, 2, 3, 4).n;
    if (new Counted().c !== undefined) s += 1000000;
    s += new Rect(i, 2).area() + new Square(i % 7).area();
    if (new Target().t !== "Target") s += 1000000;
  }
  console.log("constructs " + s);
  const w = new Weird();
  console.log("weird " + w.weird + " " + (w instanceof Shape));
  let thrown = 0;
  for (let i = 0; i < 8; i++) {
    try { s += new Thrower(i).x; } catch (e) { thrown++; if (i === 7) console.log(e.name + ": " + e.message); }
  }
  console.log("thrown " + thrown + " sum " + s);
  const parts = [];
  for (let i = 0; i < 4; i++) {
    parts.push(new Swap(i).a !== undefined ? String(new Swap(i).a) : String(new Swap(i).b));
    if (i === 1) Swap = function (a) { this.b = a * 10; };
    if (i === 2) Swap = class { constructor(a) { this.a = "class " + a; } };
  }
  console.log("swap " + parts.join(","));
  console.log("chain " + depthOf(new Chain(100)));
  let deep = 0;
  function Deep(n) { deep = n; if (n < 100000) new Deep(n + 1); }
  try { new Deep(0); } catch (e) { console.log("deep new: caught " + (e instanceof Error) + " " + (deep > 1000)); }
  try { const f = () => 1; new f(); } catch (e) { console.log("arrow: " + e.name); }
  try { new Math.max(); } catch (e) { console.log("native non-ctor: " + e.name); }
  console.log("native ctors " + new Array(3).length + " " + new Date(0).getTime() + " " + new Error("m").message);
  console.log("reflect " + Reflect.construct(Rect, [2, 3], Square).name + " " + (Reflect.construct(Rect, [2, 3], Square) instanceof Square));
}

function natives() {
  let s = 0;
  const words = ["pear", "fig", "apple", "kiwi", "date"];
  for (let i = 0; i < 300; i++) {
    s += Math.max(i, 3, i % 17) + Math.min() === Infinity ? 1 : 0;
    s += parseInt("12" + (i % 10), 10) + parseFloat("1.5");
    s += Object.keys({ a: 1, b: 2, c: i }).length;
    s += String(i).padStart(5, "0").length;
    s += [3, 1, 2].concat([i]).indexOf(i);
    s += "a-b-c".split("-").length + "xyz".toUpperCase().charCodeAt(1);
    s += Number.isInteger(i / 2) ? 1 : 0;
    s += Array.prototype.slice.call([1, 2, 3, 4], 1).length;
    s += Math.max.apply(null, [1, i, 2]);
    s += JSON.stringify({ i: i }).length;
  }
  console.log("natives " + s);
  const sorted = words.slice().sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
  console.log("sort " + sorted.join(" "));
  console.log("map " + [1, 2, 3].map(function (x) { return x * this.k; }, { k: 7 }).join(","));
  console.log("replace " + "a1b22c333".replace(/\d+/g, (m) => "<" + m.length + ">"));
  let bad = 0;
  for (let i = 0; i < 5; i++) {
    try { JSON.parse(i < 3 ? "{bad" : "[" + i + "]"); } catch (e) { bad++; if (i === 0) console.log("json: " + e.name); }
  }
  console.log("bad " + bad);
  const bound = Math.pow.bind(null, 2);
  let b = 0;
  for (let i = 0; i < 20; i++) b += bound(i % 5);
  console.log("bound " + b);
  const keysOf = Object.keys;
  let k = 0;
  for (let i = 0; i < 200; i++) k += keysOf([i, i, i]).length;
  console.log("keys " + k);
  let nf = 0;
  const fns = [Math.abs, String, Boolean, Number, (x) => x + 1, isNaN];
  for (let i = 0; i < 60; i++) {
    const r = fns[i % fns.length](-i);
    nf += typeof r === "number" ? r : String(r).length;
  }
  console.log("mixed " + nf);
  try { (void 0)(); } catch (e) { console.log("not callable: " + e.name); }
  let stack = 0;
  for (let i = 0; i < 3; i++) stack += typeof Error("x").stack === "string" ? 1 : 0;
  console.log("error stack " + stack);
}

function main() {
  constructs();
  natives();
}
