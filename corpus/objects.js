// Object.keys/values/entries/assign/fromEntries, property order, computed and
// shorthand members, Symbol keys and Symbol.iterator, optional chaining, ??.

const KIND = Symbol("kind");

class Matrix {
  constructor(rows, cols, fill) {
    this.rows = rows;
    this.cols = cols;
    this.data = new Array(rows * cols).fill(fill);
  }
  set(r, c, v) { this.data[r * this.cols + c] = v; return this; }
  *[Symbol.iterator]() {
    for (let r = 0; r < this.rows; r++) yield this.data.slice(r * this.cols, (r + 1) * this.cols);
  }
}

class LinkedList {
  constructor() { this.head = null; this.size = 0; }
  push(v) {
    const node = { v, next: null };
    if (!this.head) this.head = node;
    else {
      let n = this.head;
      while (n.next) n = n.next;
      n.next = node;
    }
    this.size++;
    return this;
  }
  [Symbol.iterator]() {
    let node = this.head;
    return {
      next() {
        if (!node) return { done: true, value: undefined };
        const value = node.v;
        node = node.next;
        return { done: false, value };
      },
    };
  }
}

function lookup(db, id) {
  return db.users?.[id]?.profile?.email ?? "no-email";
}

function main() {
  const o = { zebra: 1, apple: 2, 10: "ten", 2: "two", "-1": "neg", "1.5": "frac", [KIND]: "sym", mango: 3 };
  console.log("keys " + Object.keys(o).join(",") + " values " + Object.values(o).join(","));
  console.log("entries " + JSON.stringify(Object.entries(o)) + " symbols " + Object.getOwnPropertySymbols(o).length + " symval " + o[KIND]);
  o.banana = 4;
  delete o.apple;
  o.apple = 5;
  console.log("reordered " + Object.keys(o).join(","));

  const target = { a: 1, b: { inner: 1 } };
  const src1 = { b: { replaced: true }, c: 3 };
  const returned = Object.assign(target, src1, null, { d: 4 }, "xy");
  console.log("assign " + JSON.stringify(target) + " same=" + (returned === target) + " shallow=" + (target.b === src1.b));
  const clone = Object.assign({}, target);
  clone.a = 99;
  console.log("clone a=" + clone.a + " original a=" + target.a);
  const fe = Object.fromEntries([["x", 1], ["y", 2]].map(([k, v]) => [k.toUpperCase(), v * 10]));
  console.log("fromEntries " + JSON.stringify(fe));

  const name = "dyn", n = 3;
  const shorthand = {
    name,
    n,
    [name + "_" + n]: true,
    ["k" + (n + 1)]: n * n,
    method() { return this.name + n; },
    arrow: () => typeof this,
    "quoted key": 1,
    42: "answer",
  };
  console.log("shorthand " + JSON.stringify(shorthand) + " method=" + shorthand.method() + " quoted=" + shorthand["quoted key"] + " num=" + shorthand[42]);

  const bare = Object.create(null);
  bare.x = 1;
  console.log("null proto toString? " + ("toString" in bare) + " keys=" + Object.keys(bare) + " proto=" + Object.getPrototypeOf(bare));
  console.log("hasOwn " + Object.prototype.hasOwnProperty.call(o, "zebra") + " " + o.hasOwnProperty("toString") + " propertyIsEnumerable " + o.propertyIsEnumerable("mango"));

  const m = new Matrix(3, 4, 0);
  m.set(0, 1, 5).set(1, 2, 7).set(2, 3, 9);
  const rowSums = [];
  for (const row of m) rowSums.push(row.reduce((a, b) => a + b, 0));
  console.log("matrix iterable rows=" + rowSums.join(",") + " spread=" + [...m].length);
  const ll = new LinkedList().push("a").push("b").push("c");
  console.log("linked list " + [...ll].join("->") + " size=" + ll.size + " from=" + Array.from(ll, s => s.toUpperCase()).join(""));
  const strIter = "ab"[Symbol.iterator]();
  console.log("string iterator " + strIter.next().value + strIter.next().value + strIter.next().done);

  const db = {
    users: {
      1: { profile: { email: "one@example.com" } },
      2: { profile: null },
      3: {},
    },
    getUser(id) { return this.users[id]; },
  };
  console.log("optional " + [1, 2, 3, 4].map(id => lookup(db, id)).join(" ") + " " + lookup({}, 1));
  console.log("optional call " + db.getUser?.(1)?.profile.email + " " + db.missing?.(1) + " " + db.users[3].fn?.() + " " + (db.nothing?.a.b.c.d));
  let sideEffects = 0;
  const nullRef = null;
  const shortCircuit = nullRef?.[sideEffects++];
  console.log("short circuit " + shortCircuit + " sideEffects=" + sideEffects);

  const vals = [0, "", false, null, undefined, NaN, "x"];
  console.log("?? " + vals.map(v => String(v ?? "D")).join(",") + " || " + vals.map(v => String(v || "D")).join(","));
  const settings = { timeout: 0, retries: null, label: "" };
  const timeout = settings.timeout ?? 30;
  const retries = settings.retries ?? 3;
  const label = settings.label || "unnamed";
  console.log("settings timeout=" + timeout + " retries=" + retries + " label=" + label + " chain=" + (null ?? undefined ?? "third"));

  const counts = {};
  const text = "the rain in spain falls mainly on the plain";
  for (const ch of text.replace(/ /g, "")) counts[ch] = (counts[ch] ?? 0) + 1;
  const top = Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5);
  console.log("char counts " + top.map(([k, v]) => k + v).join(" ") + " distinct=" + Object.keys(counts).length);
  const frozenKeys = Object.keys(Object.freeze({ q: 1, r: 2 }));
  console.log("getOwnPropertyNames array " + Object.getOwnPropertyNames([7, 8]).join(",") + " frozen keys " + frozenKeys.join(","));
  const protoChain = [];
  for (let p = new Matrix(1, 1, 0); p; p = Object.getPrototypeOf(p)) protoChain.push(p === Object.prototype ? "Object.prototype" : p.constructor.name);
  console.log("proto chain " + protoChain.join(" -> "));
  const entriesSum = Object.entries({ a: 1, b: 2, c: 3 }).reduce((acc, [k, v]) => acc + k.charCodeAt(0) * v, 0);
  console.log("entries reduce " + entriesSum + " for-in " + (() => { const r = []; for (const k in { p: 1, q: 2, __proto__: { inh: 3 } }) r.push(k); return r.join(","); })());
}
