// typeof / instanceof / in / delete, equality and coercion operators, void, comma,
// exponent, increment on various types, Symbol.hasInstance.

class Even {
  static [Symbol.hasInstance](n) { return typeof n === "number" && n % 2 === 0; }
}

function Legacy() {}
class Modern {}
class Sub extends Modern {}

function typeList(values) {
  return values.map(v => typeof v).join(",");
}

function main() {
  console.log("typeof " + typeList([1, 1.5, NaN, "s", "", true, undefined, null, {}, [], function () {}, () => 1, class {}, Symbol("x"), Math, JSON, new Map(), /re/]));
  console.log("typeof undeclared=" + typeof notDefinedAnywhere + " typeof typeof=" + typeof typeof 1 + " typeof new Number=" + typeof new Number(1) + " typeof Number()=" + typeof Number("1"));

  const s = new Sub();
  const l = new Legacy();
  console.log("instanceof " + [s instanceof Sub, s instanceof Modern, s instanceof Object, l instanceof Legacy, l instanceof Modern, [] instanceof Array, [] instanceof Object, (() => 1) instanceof Function, Object.create(null) instanceof Object].map(b => (b ? 1 : 0)).join(""));
  console.log("hasInstance " + (4 instanceof Even) + " " + (5 instanceof Even) + " " + ("4" instanceof Even));
  console.log("primitive instanceof " + ("str" instanceof String) + " " + (new String("str") instanceof String) + " " + (1 instanceof Number));
  Legacy.prototype = {};
  console.log("after proto swap " + (l instanceof Legacy) + " " + (new Legacy() instanceof Legacy));

  const obj = { a: 1, b: undefined, nested: { c: 3 } };
  const arr = [10, 20, 30];
  console.log("in " + [("a" in obj), ("b" in obj), ("z" in obj), ("toString" in obj), (0 in arr), (3 in arr), ("length" in arr), ("2" in arr), ("c" in obj.nested)].map(b => (b ? 1 : 0)).join(""));

  console.log("delete prop=" + delete obj.a + " again=" + delete obj.a + " nonexist=" + delete obj.zzz + " keys=" + Object.keys(obj).join(","));
  console.log("delete elem=" + delete arr[1] + " len=" + arr.length + " 1 in=" + (1 in arr) + " arr[1]=" + arr[1]);
  console.log("delete length=" + delete arr.length + " delete Math.PI=" + delete Math.PI + " PI still=" + (Math.PI > 3));
  const proto = { inherited: "yes" };
  const child = Object.create(proto);
  child.inherited = "own";
  delete child.inherited;
  console.log("delete own reveals proto: " + child.inherited + " delete inherited via child=" + delete child.inherited + " still=" + child.inherited);
  var declared = 1;
  globalThis.implicitGlobal = 2;
  console.log("delete var=" + delete declared + " delete global prop=" + delete globalThis.implicitGlobal + " typeof after=" + typeof implicitGlobal);

  console.log("loose eq " + [1 == "1", 0 == "", null == undefined, null == 0, NaN == NaN, [1] == 1, "1,2" == [1, 2], false == "0", undefined == 0].map(b => (b ? 1 : 0)).join(""));
  console.log("strict eq " + [1 === 1.0, "a" === "a", NaN === NaN, 0 === -0, Object.is(0, -0), Object.is(NaN, NaN), {} === {}].map(b => (b ? 1 : 0)).join(""));
  console.log("relational " + [("10" < "9"), (10 < "9"), (null >= 0), (undefined >= 0), ("a" < "b"), ([2] > 1)].map(b => (b ? 1 : 0)).join(""));
  console.log("plus coercion " + (1 + "2") + " " + (1 + 2 + "3") + " " + ("3" + 1 + 2) + " " + (true + 1) + " " + (null + 1) + " " + (undefined + 1) + " " + ([] + []) + " " + ([1, 2] + [3]) + " " + ({} + "x"));
  console.log("unary " + (+"42") + " " + (+"") + " " + (+" 7 ") + " " + (+"0x10") + " " + (+[]) + " " + (+[5]) + " " + (+true) + " " + (-"3") + " " + (+"abc"));
  console.log("logical " + (0 || "fallback") + " " + (1 && "second") + " " + ("" && "never") + " " + (null || undefined || 0 || "last") + " " + !!"x" + " " + !0);
  console.log("exponent " + 2 ** 10 + " " + 2 ** -1 + " " + (-2) ** 3 + " " + 2 ** 3 ** 2 + " " + 4 ** 0.5);
  let v = 5;
  const r = (v++, v++, v);
  console.log("comma " + r + " void " + void 0 + " " + void "x");
  let str = "5";
  str++;
  let u;
  u++;
  let n = null;
  n--;
  let big = 9007199254740991;
  big++;
  console.log("increments " + str + " " + typeof str + " " + u + " " + n + " " + big + " " + (big + 1));
  let x = 10;
  x += 5; x -= 3; x *= 2; x /= 4; x %= 4; x **= 3; x <<= 2; x >>= 1; x |= 1; x &= 7; x ^= 2;
  console.log("compound x=" + x);
  let cnt = 0;
  const o2 = { get p() { cnt++; return 1; } };
  const t = o2.p + o2.p;
  console.log("getter evaluated " + cnt + " times, t=" + t + " ternary " + (cnt > 1 ? "many" : "one") + " nested " + (cnt > 5 ? "a" : cnt > 1 ? "b" : "c"));
  const objKey = {};
  const table = {};
  table[objKey] = "objkey";
  table[1] = "one";
  table["1"] = "one-string";
  console.log("key coercion " + table["[object Object]"] + " " + table[1] + " " + Object.keys(table).join("|"));
}
