// The delete operator (JSOp::DelProp, DelElem and their strict forms): own and inherited
// properties, dense and sparse array elements, holes, computed keys of every type, frozen and
// non-configurable properties (false in sloppy code, a TypeError in strict code), primitives,
// shape changes inside loops, and a dictionary-mode object emptied and refilled.

function sloppyProp(o) {
  const a = delete o.x;
  const b = delete o.missing;
  return a + "," + b + "," + ("x" in o) + "," + Object.keys(o).join("");
}

function strictProp(o) {
  "use strict";
  try {
    return String(delete o.x) + "," + ("x" in o);
  } catch (e) {
    return e.constructor.name;
  }
}

function sloppyElem(o, k) {
  return String(delete o[k]) + ":" + (k in Object(o));
}

function strictElem(o, k) {
  "use strict";
  try {
    return String(delete o[k]) + ":" + (k in o);
  } catch (e) {
    return e.constructor.name;
  }
}

function primitives() {
  const s = "abc";
  return [delete s.length, delete s[0], delete s[5], delete (5).x, delete true.y].join(",");
}

function strictPrimitives() {
  "use strict";
  const out = [];
  for (const t of [() => delete "abc".length, () => delete "abc"[1], () => delete "abc"[7], () => delete (1).toFixed]) {
    try {
      out.push(String(t()));
    } catch (e) {
      out.push(e.constructor.name);
    }
  }
  return out.join(",");
}

function arrays() {
  const a = [0, 1, 2, 3, 4, 5, 6, 7];
  const r = [delete a[7], a.length, delete a[2], a.length, 2 in a, String(a[2]), delete a.length, a.length];
  a.length = 10;
  r.push(delete a[9], a.length, a.join("|"));
  const sparse = [];
  sparse[1000] = 1;
  sparse[5] = 2;
  r.push(delete sparse[1000], sparse.length, Object.keys(sparse).join("+"));
  return r.join(",");
}

function churn(n) {
  // Add and delete properties in a loop: shapes change on every iteration.
  const o = {};
  let seen = 0;
  for (let i = 0; i < n; i++) {
    const k = "k" + (i % 7);
    o[k] = i;
    if (i % 3 === 0) seen += delete o["k" + ((i + 3) % 7)] ? 1 : 0;
    if (i % 5 === 0) delete o.k0;
  }
  return seen + ":" + Object.keys(o).sort().join("");
}

function dictionary() {
  const o = {};
  for (let i = 0; i < 200; i++) o["p" + i] = i;
  let deleted = 0;
  for (let i = 0; i < 200; i += 2) if (delete o["p" + i]) deleted++;
  let sum = 0;
  for (const k of Object.keys(o)) sum += o[k];
  for (let i = 0; i < 10; i++) o["p" + i] = -i;
  return deleted + "," + sum + "," + Object.keys(o).length + "," + o.p0 + "," + o.p1;
}

function keys() {
  const sym = Symbol("s");
  const o = { 1: "one", "1.5": "x", [sym]: "sym", null: "n", undefined: "u", true: "t" };
  const r = [];
  for (const k of [1, 1.5, sym, null, undefined, true, "missing", 2]) {
    r.push(delete o[k]);
  }
  r.push(Object.keys(o).length, Object.getOwnPropertySymbols(o).length);
  const throwingKey = { toString() { throw new RangeError("key"); } };
  try {
    delete o[throwingKey];
  } catch (e) {
    r.push(e.constructor.name + " " + e.message);
  }
  return r.join(",");
}

function nonConfigurable() {
  const frozen = Object.freeze({ x: 1, y: 2 });
  const fixed = {};
  Object.defineProperty(fixed, "x", { value: 1, configurable: false });
  Object.defineProperty(fixed, "0", { value: 1, configurable: false });
  return [
    sloppyProp(frozen), strictProp(frozen), strictProp(fixed), sloppyElem(fixed, 0), strictElem(fixed, "0"),
    strictElem(fixed, "x"), delete Math.PI, delete [].length,
  ].join(" ");
}

function inherited() {
  function P() {}
  P.prototype.x = "proto";
  const o = new P();
  o.x = "own";
  const first = delete o.x;
  const after = o.x;
  const second = delete o.x;
  return first + "," + after + "," + second + "," + o.x;
}

function proxies() {
  const log = [];
  const p = new Proxy({ a: 1 }, {
    deleteProperty(t, k) {
      log.push(String(k));
      return k !== "keep" && delete t[k];
    },
  });
  const r = [delete p.a, delete p.keep, delete p[3], strictProp(new Proxy({}, { deleteProperty() { return false; } }))];
  return r.join(",") + " " + log.join(",");
}

function main() {
  console.log(sloppyProp({ x: 1, y: 2 }));
  console.log(strictProp({ x: 1 }));
  console.log(sloppyElem([1, 2, 3], 1) + " " + sloppyElem({ a: 1 }, "a") + " " + sloppyElem("str", 0) + " " + sloppyElem(7, "x"));
  console.log(strictElem([1, 2, 3], 2) + " " + strictElem({ 0.5: 1 }, 0.5) + " " + strictElem([], "length"));
  console.log(primitives());
  console.log(strictPrimitives());
  console.log(arrays());
  console.log(churn(1000));
  console.log(dictionary());
  console.log(keys());
  console.log(nonConfigurable());
  console.log(inherited());
  console.log(proxies());
  for (const v of [null, undefined]) {
    try {
      sloppyProp(v);
    } catch (e) {
      console.log("null base: " + e.constructor.name);
    }
    try {
      sloppyElem(v, "k");
    } catch (e) {
      console.log("null base elem: " + e.constructor.name);
    }
  }
  let total = 0;
  for (let i = 0; i < 300; i++) {
    const o = { a: i, b: i + 1, c: i + 2 };
    if (delete o.b) total += Object.keys(o).length;
    const arr = [i, i, i];
    if (delete arr[i % 3]) total += arr.length;
  }
  console.log("total " + total);
}
