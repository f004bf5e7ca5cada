// Polymorphic and megamorphic property sites: reads, stores and property adds that see one,
// two, three and many shapes at one site; `length` of arrays, strings, typed arrays and plain
// objects at one site; prototype reads; adds on objects whose prototype gains a setter.

function Point(x, y) { this.x = x; this.y = y; }
function Point3(x, y, z) { this.x = x; this.y = y; this.z = z; }
function Named(x) { this.name = "n" + x; this.x = x; this.y = -x; }
class Base { constructor(v) { this.v = v; } get twice() { return 2 * this.v; } }
class Derived extends Base { constructor(v) { super(v); this.w = v + 1; } }

function sumX(objs) {
  let s = 0;
  for (let i = 0; i < objs.length; i++) s += objs[i].x;
  return s;
}
function setY(objs, k) {
  for (let i = 0; i < objs.length; i++) objs[i].y = k * i;
}
function lengths(things) {
  let s = 0;
  for (const t of things) s += t.length;
  return s;
}
function make(kind, i) {
  switch (kind % 5) {
    case 0: return new Point(i, 1);
    case 1: return new Point3(i, 2, 3);
    case 2: return new Named(i);
    case 3: return { x: i, y: 0, extra: true };
    default: { const o = { a: 1 }; o.x = i; o.y = 5; return o; }
  }
}

function main() {
  for (const kinds of [1, 2, 3, 5]) {
    const objs = [];
    for (let i = 0; i < 200; i++) objs.push(make(i % kinds, i));
    setY(objs, kinds);
    let ys = 0;
    for (const o of objs) ys += o.y;
    console.log("shapes " + kinds + ": x " + sumX(objs) + " y " + ys);
  }
  const things = [[1, 2, 3], "hello", new Uint8Array(7), { length: 11 }, [], new Array(40), "", { length: -2 }];
  let l = 0;
  for (let r = 0; r < 50; r++) l += lengths(things);
  console.log("lengths " + l);
  let t = 0;
  for (let i = 0; i < 300; i++) {
    const b = i % 2 ? new Base(i) : new Derived(i);
    t += b.twice + b.v + (b.w === undefined ? 0 : b.w);
  }
  console.log("classes " + t);
  // A setter appears on the prototype after the adds were cached: the next adds must call it.
  function Widget(v) { this.size = v; }
  let made = 0;
  for (let i = 0; i < 100; i++) made += new Widget(i).size;
  let setterCalls = 0;
  Object.defineProperty(Widget.prototype, "size", { set(v) { setterCalls++; }, get() { return 7; }, configurable: true });
  for (let i = 0; i < 100; i++) made += new Widget(i).size;
  console.log("widgets " + made + " setter " + setterCalls);
  // Adds and stores where the value is a fresh object (nursery) into older objects.
  const keep = [];
  for (let i = 0; i < 100; i++) keep.push(new Point(0, 0));
  for (let r = 0; r < 20; r++) {
    for (let i = 0; i < keep.length; i++) { keep[i].x = { r: r, i: i }; keep[i]["tag" + (i % 3)] = [r]; }
  }
  let check = 0;
  for (const k of keep) check += k.x.r + k.x.i + (k.tag0 ? k.tag0[0] : 0) + (k.tag1 ? k.tag1[0] : 0) + (k.tag2 ? k.tag2[0] : 0);
  console.log("stores " + check);
}
