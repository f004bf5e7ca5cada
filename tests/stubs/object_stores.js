// Adding properties (new shapes, fixed and dynamic slots), overwriting dynamic slots with
// numbers and with fresh objects (post-barrier cases the engine handles), null/undefined
// comparisons, object truthiness and instanceof; enough allocation for many minor GCs, so
// objects move between nursery and tenured heap while they are stored into each other.
class Node { constructor(v) { this.v = v; this.next = null; } }
class Leaf extends Node {}
function make(i) {
  const o = {};
  o.a = i; o.b = i + 1; o.c = "s" + (i % 7); o.d = null; o.e = i * 0.5; o.f = o.a + o.b;
  o.g = i; o.h = i; o.k = i; o.m = i; // past the fixed slots: dynamic slots
  return o;
}
function churn(keep, i) {
  const o = make(i);
  keep[i % keep.length].m = o;        // a nursery object into an older one
  keep[(i * 7) % keep.length].g = i;  // a number over whatever was there
  keep[(i * 3) % keep.length].k = keep[(i * 5) % keep.length];
  return o.f;
}
function countNullish(xs) {
  let n = 0, s = 0, u = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (x == null) n++;
    if (x === undefined) u++;
    if (x !== null && x != undefined) s++;
  }
  return n + "/" + s + "/" + u;
}
function truthy(xs) { let t = 0; for (let i = 0; i < xs.length; i++) if (xs[i]) t++; return t; }
function kinds(xs) {
  let a = 0, b = 0, c = 0;
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] instanceof Leaf) a++;
    if (xs[i] instanceof Node) b++;
    if (xs[i] instanceof Object) c++;
  }
  return a + "/" + b + "/" + c;
}
function main() {
  const keep = [];
  for (let i = 0; i < 64; i++) keep.push(make(i));
  let total = 0;
  for (let i = 0; i < 60000; i++) total += churn(keep, i);
  let chain = 0;
  for (let i = 0; i < 64; i++) {
    let o = keep[i];
    for (let d = 0; d < 3 && o; d++) { chain += o.g + (o.m ? o.m.a : 0); o = o.k; }
  }
  console.log("total " + total + " chain " + chain);
  const xs = [];
  for (let i = 0; i < 3000; i++) {
    const r = i % 6;
    xs.push(r === 0 ? null : r === 1 ? undefined : r === 2 ? new Leaf(i) : r === 3 ? new Node(i) : r === 4 ? { v: i } : 0);
  }
  let line = "";
  for (let r = 0; r < 20; r++) line = countNullish(xs) + " " + truthy(xs) + " " + kinds(xs);
  console.log(line);
  const p = new Proxy({}, {});
  console.log([p == null, p === undefined, !!p, p instanceof Object, Object.create(null) instanceof Object].join(","));
}
