// Getters/setters: class accessors, Object.defineProperty, prototype getters,
// property descriptors, frozen objects.

class Temperature {
  constructor(c) { this._c = c; this.sets = 0; }
  get celsius() { return this._c; }
  set celsius(v) { this._c = v; this.sets++; }
  get fahrenheit() { return this._c * 9 / 5 + 32; }
  set fahrenheit(f) { this.celsius = (f - 32) * 5 / 9; }
  static get absoluteZero() { return -273.15; }
}

class Vec {
  constructor(x, y) { this.x = x; this.y = y; }
  get length2() { return this.x * this.x + this.y * this.y; }
}
class NamedVec extends Vec {
  constructor(name, x, y) { super(x, y); this.name = name; }
  get label() { return this.name + "(" + this.x + "," + this.y + ")|" + this.length2; }
  get length2() { return super.length2 * 10; }
}

function Legacy(v) { this.v = v; }
Object.defineProperty(Legacy.prototype, "doubled", {
  get() { return this.v * 2; },
  set(x) { this.v = x / 2; },
  enumerable: false,
  configurable: true,
});

function describe(obj, key) {
  const d = Object.getOwnPropertyDescriptor(obj, key);
  if (!d) return key + ":none";
  const kind = "get" in d ? "accessor" : "data";
  return key + ":" + kind + (d.writable ? "W" : "") + (d.enumerable ? "E" : "") + (d.configurable ? "C" : "");
}

function main() {
  const t = new Temperature(25);
  console.log("celsius=" + t.celsius + " fahrenheit=" + t.fahrenheit);
  t.fahrenheit = 212;
  console.log("after set F: c=" + t.celsius + " sets=" + t.sets + " absZero=" + Temperature.absoluteZero);
  t.celsius += 5;
  console.log("compound assign c=" + t.celsius + " sets=" + t.sets + " own keys=" + Object.keys(t).join(","));
  console.log("accessor on proto: " + describe(Temperature.prototype, "celsius") + " own? " + t.hasOwnProperty("celsius"));

  const nv = new NamedVec("p", 3, 4);
  console.log("inherited getter " + nv.label + " base " + new Vec(3, 4).length2);

  const lg = new Legacy(21);
  lg.doubled = 100;
  console.log("legacy doubled=" + new Legacy(21).doubled + " after set v=" + lg.v + " keys=" + Object.keys(lg).join(",") + " in=" + ("doubled" in lg));

  let log = [];
  const obj = {
    _items: [],
    get count() { log.push("get count"); return this._items.length; },
    set latest(v) { log.push("set " + v); this._items.push(v); },
    get latest() { return this._items[this._items.length - 1]; },
  };
  obj.latest = "a";
  obj.latest = "b";
  console.log("literal accessors count=" + obj.count + " latest=" + obj.latest + " log=" + log.join(";"));

  const hidden = {};
  Object.defineProperty(hidden, "secret", { value: 42, enumerable: false, writable: false, configurable: false });
  Object.defineProperty(hidden, "visible", { value: 1, enumerable: true, writable: true, configurable: true });
  hidden.secret = 99;
  console.log("non-writable stays " + hidden.secret + " keys=" + JSON.stringify(Object.keys(hidden)) + " names=" + JSON.stringify(Object.getOwnPropertyNames(hidden)) + " json=" + JSON.stringify(hidden));
  console.log("descriptors " + describe(hidden, "secret") + " " + describe(hidden, "visible") + " " + describe({ a: 1 }, "a") + " " + describe(obj, "count"));
  console.log("delete non-configurable=" + delete hidden.secret + " delete configurable=" + delete hidden.visible);

  const strictResult = (function () {
    "use strict";
    try {
      hidden.secret = 1;
      return "no error";
    } catch (e) {
      return "strict write threw " + e.name;
    }
  })();
  console.log(strictResult);

  let reads = 0;
  const lazy = {};
  Object.defineProperty(lazy, "value", {
    get() {
      reads++;
      const computed = 6 * 7;
      Object.defineProperty(this, "value", { value: computed, writable: false, enumerable: true });
      return computed;
    },
    configurable: true,
  });
  const v1 = lazy.value, v2 = lazy.value, v3 = lazy.value;
  console.log("lazy " + v1 + v2 + v3 + " reads=" + reads + " " + describe(lazy, "value"));

  const point = Object.defineProperties({}, {
    x: { value: 3, enumerable: true },
    y: { value: 4, enumerable: true },
    norm: { get() { return Math.sqrt(this.x * this.x + this.y * this.y); } },
  });
  console.log("defineProperties " + point.norm + " " + JSON.stringify(point));

  const frozen = Object.freeze({ a: 1, inner: { b: 2 } });
  frozen.a = 100;
  frozen.c = 3;
  frozen.inner.b = 20;
  console.log("frozen a=" + frozen.a + " c=" + frozen.c + " inner.b=" + frozen.inner.b + " isFrozen=" + Object.isFrozen(frozen) + "," + Object.isFrozen(frozen.inner));
  const sealed = Object.seal({ s: 1 });
  sealed.s = 2;
  sealed.t = 3;
  delete sealed.s;
  console.log("sealed s=" + sealed.s + " t=" + sealed.t + " isSealed=" + Object.isSealed(sealed));

  const proto = {
    get greeting() { return "hi " + this.name; },
    set nick(v) { this._nick = v.toUpperCase(); },
  };
  const child = Object.create(proto);
  child.name = "kid";
  child.nick = "speedy";
  console.log("proto accessors " + child.greeting + " nick=" + child._nick + " ownNick=" + child.hasOwnProperty("nick") + " own_nick=" + child.hasOwnProperty("_nick"));
  const arr = [1, 2, 3];
  Object.defineProperty(arr, "sum", { get() { return this.reduce((a, b) => a + b, 0); } });
  arr.push(10);
  console.log("array getter sum=" + arr.sum + " len=" + arr.length);
  let total = 0;
  const tc = new Temperature(0);
  for (let i = 0; i < 100; i++) { tc.celsius = i; total += tc.fahrenheit; }
  console.log("loop total=" + total + " sets=" + tc.sets);
}
