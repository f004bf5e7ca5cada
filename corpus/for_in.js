// for-in (JSOp::Iter, MoreIter, IsNoIter, EndIter): own and inherited enumerable keys in
// order (integer keys first), shadowing, non-enumerable properties, deletion and addition
// while iterating, arrays, strings, primitives, null and undefined, nested loops, break,
// continue, return and throw out of the loop, proxies, dictionary-mode objects, and a hot loop
// over one shape.

function keysOf(o) {
  const out = [];
  for (const k in o) out.push(k);
  return out.join(",");
}

function inherited() {
  function Base() { this.own = 1; }
  Base.prototype.inheritedA = 2;
  Base.prototype.own = 3;
  const o = new Base();
  o.z = 4;
  o[2] = "two";
  o[1] = "one";
  Object.defineProperty(o, "hidden", { value: 5, enumerable: false });
  return keysOf(o);
}

function mutating() {
  const o = { a: 1, b: 2, c: 3, d: 4 };
  const seen = [];
  for (const k in o) {
    seen.push(k);
    if (k === "a") {
      delete o.c;
      o.e = 5;
    }
  }
  return seen.join(",") + " then " + keysOf(o);
}

function primitives() {
  return [keysOf("abc"), keysOf(42), keysOf(true), keysOf(null), keysOf(undefined), keysOf(Symbol("s"))].join(" | ");
}

function arrays() {
  const a = [10, 20, 30];
  a.extra = "x";
  const holes = [1, , 3];
  return keysOf(a) + " " + keysOf(holes) + " " + keysOf(new Uint8Array(3));
}

function nested() {
  const outer = { x: { p: 1, q: 2 }, y: { r: 3 }, z: {} };
  const out = [];
  for (const k in outer) {
    for (const j in outer[k]) out.push(k + "." + j);
  }
  return out.join(",");
}

function findKey(o, value) {
  for (const k in o) {
    if (o[k] === value) return k;
  }
  return "none";
}

function breakAndContinue(o) {
  let s = "";
  for (const k in o) {
    if (k === "skip") continue;
    if (k === "stop") break;
    s += k;
  }
  return s;
}

function throwsOut(o) {
  try {
    for (const k in o) {
      if (k === "bad") throw new Error("at " + k);
    }
  } catch (e) {
    return e.message;
  }
  return "no throw";
}

function proxied() {
  const log = [];
  const p = new Proxy({ a: 1, b: 2 }, {
    ownKeys(t) { log.push("ownKeys"); return ["b", "a", "c"]; },
    getOwnPropertyDescriptor(t, k) {
      log.push("gopd " + k);
      return k === "c" ? undefined : { value: t[k], enumerable: true, configurable: true };
    },
  });
  return keysOf(p) + " / " + log.join(";");
}

function dictionary() {
  const o = {};
  for (let i = 0; i < 100; i++) o["k" + i] = i;
  for (let i = 0; i < 100; i += 3) delete o["k" + i];
  let sum = 0, n = 0;
  for (const k in o) {
    sum += o[k];
    n++;
  }
  return n + " keys, sum " + sum;
}

function varAndExpressionTargets() {
  const o = { a: 1, b: 2 };
  const target = {};
  const arr = [];
  for (target.last in o) arr.push(target.last);
  var v;
  for (v in o);
  return arr.join("") + " " + target.last + " " + v;
}

function main() {
  console.log(keysOf({ b: 1, a: 2, 10: 3, 2: 4, "-1": 5 }));
  console.log(inherited());
  console.log(mutating());
  console.log(primitives());
  console.log(arrays());
  console.log(nested());
  console.log(findKey({ a: 1, b: 2, c: 3 }, 2) + " " + findKey({}, 1));
  console.log(breakAndContinue({ a: 1, skip: 2, b: 3, stop: 4, c: 5 }));
  console.log(throwsOut({ ok: 1, bad: 2 }) + " " + throwsOut({ ok: 1 }));
  console.log(proxied());
  console.log(dictionary());
  console.log(varAndExpressionTargets());
  let total = 0;
  for (let i = 0; i < 2000; i++) {
    const o = { x: i, y: 1, z: 2 };
    for (const k in o) total += o[k];
  }
  console.log("total " + total);
}
