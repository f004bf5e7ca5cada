"use strict";
// Stores at sites that see many shapes go megamorphic: the engine's own set behind the IC
// frame, with setters, new properties, frozen objects (a TypeError in strict code) and
// string and integer keys.
function setX(o, v) { o.x = v; }
function setKey(o, k, v) { o[k] = v; }
function main() {
  const objs = [];
  for (let i = 0; i < 12; i++) {
    const o = {};
    for (let j = 0; j <= i; j++) o["p" + j] = j;
    objs.push(o);
  }
  let setterCalls = 0;
  objs.push(Object.create({ set x(v) { setterCalls += v; } }));
  const frozen = Object.freeze({ x: 1 });
  const keys = ["a", "b", "x", "p0", 0, 1, 7, "length"];
  let errors = 0;
  for (let r = 0; r < 3000; r++) {
    for (const o of objs) setX(o, r);
    const o = objs[r % objs.length];
    setKey(o, keys[r % keys.length], r);
    try { setX(frozen, r); } catch (e) { if (e instanceof TypeError) errors++; }
    if (r % 500 === 0) objs.push({ ["k" + r]: r });
  }
  let sum = 0;
  for (const o of objs) for (const k of Object.keys(o)) sum += typeof o[k] === "number" ? o[k] : 0;
  console.log("sum=" + sum + " setter=" + setterCalls + " errors=" + errors + " frozen=" + frozen.x);
  console.log(JSON.stringify(objs[3]) + " " + JSON.stringify(objs[12]));
}
