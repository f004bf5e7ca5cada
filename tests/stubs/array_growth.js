// Arrays that grow and shrink: push (numbers and fresh objects), pop, appends by index,
// writes into holes, and writes past the end that leave holes; capacity runs out often, so
// growth (handled by the engine) alternates with appends into room.
function pushAll(n) { const a = []; for (let i = 0; i < n; i++) a.push(i * 3); return a; }
function pushObjects(n) { const a = []; for (let i = 0; i < n; i++) a.push({ i }); return a; }
function append(n) { const a = []; for (let i = 0; i < n; i++) a[i] = i - 7; return a; }
function popAll(a) { let s = 0, x; while ((x = a.pop()) !== undefined) s += typeof x === "object" ? x.i : x; return s; }
function iterate(a) { let s = 0; for (const x of a) s += x; return s + a.map((v) => v * 2).length; }
function holes() {
  const a = [1, 2, 3];
  a[6] = 7;           // past the end: holes at 3..5
  for (let i = 0; i < a.length; i++) if (a[i] === undefined) a[i] = -i;
  return a.join(",");
}
function main() {
  let total = 0, objs = 0;
  for (let r = 0; r < 200; r++) {
    total += popAll(pushAll(100 + r)) + append(50 + r).length;
    objs += popAll(pushObjects(30 + (r % 5)));
    total += iterate(append(20 + (r % 3)));
  }
  const frozen = Object.freeze([1, 2, 3]);
  let threw = "no";
  try { "use strict"; (function () { "use strict"; frozen.push(4); })(); } catch (e) { threw = e.constructor.name; }
  const a = pushAll(5);
  a.length = 2;
  a.push(9);
  console.log("total " + total + " objs " + objs + " holes " + holes() + " frozen " + threw + " " + a.join(",") + " " + [].pop());
}
