// JSON: stringify (nested, replacer fn/array, indent, toJSON) and parse with reviver.

const inventory = {
  store: "north",
  open: true,
  manager: null,
  items: [
    { sku: "a-1", qty: 4, price: 2.5, tags: ["red", "small"] },
    { sku: "b-22", qty: 0, price: 10, tags: [] },
    { sku: "c-333", qty: 17, price: 0.75, tags: ["bulk"], meta: { fragile: false, dims: [1, 2, 3] } },
  ],
  9: "numeric key",
  1: "another numeric key",
};

function checksum(str) {
  let h = 0;
  for (let i = 0; i < str.length; i++) h = (h * 31 + str.charCodeAt(i)) | 0;
  return h;
}

class Temperature {
  constructor(c) { this.celsius = c; }
  toJSON(key) { return { c: this.celsius, f: this.celsius * 9 / 5 + 32, key: key }; }
}

function main() {
  const compact = JSON.stringify(inventory);
  console.log(compact);
  console.log("compact checksum=" + checksum(compact) + " len=" + compact.length);

  const pretty = JSON.stringify(inventory.items[2], null, 2);
  console.log(pretty.split("\n").length + " lines; line3=[" + pretty.split("\n")[3] + "]");
  const tabbed = JSON.stringify({ a: [1, { b: 2 }], c: {} , d: []}, null, "\t");
  console.log("tabbed " + JSON.stringify(tabbed));
  const dashed = JSON.stringify([1, [2]], null, "--");
  console.log("custom indent " + JSON.stringify(dashed));

  const replaced = JSON.stringify(inventory, (key, value) => {
    if (key === "price") return Math.round(value * 100);
    if (key === "tags") return value.length ? value.join("|") : undefined;
    if (typeof value === "boolean") return value ? "Y" : "N";
    return value;
  });
  console.log("replacer fn " + replaced);
  console.log("replacer array " + JSON.stringify(inventory.items, ["sku", "qty", "meta", "fragile"]));

  const odd = { u: undefined, f: function () {}, s: Symbol("x"), n: NaN, inf: -Infinity, neg0: -0, nested: [undefined, function () {}, NaN], date: "2020-01-01", t: new Temperature(100) };
  console.log("special " + JSON.stringify(odd));
  console.log("top-level " + JSON.stringify("str") + " " + JSON.stringify(42) + " " + JSON.stringify(null) + " " + String(JSON.stringify(undefined)) + " " + JSON.stringify([new Temperature(-40)]));
  console.log("escapes " + JSON.stringify("tab\tnl\ncr\r\u0001\u001f\"\\/") + " non-ascii len=" + JSON.stringify("\u2028\u00e9").length + " code=" + JSON.stringify("\u00e9").charCodeAt(1));
  console.log("lone surrogate " + JSON.stringify("\uD800x\uDC00"));

  const text = '{"name":"widget","sizes":[1,2,3],"price":"12.50","created":"2021-03-04","nested":{"price":"1.25","deep":{"price":"0.5"}},"list":[{"price":"3"}]}';
  const visited = [];
  const revived = JSON.parse(text, function (key, value) {
    visited.push(key === "" ? "<root>" : key);
    if (key === "price") return Number(value);
    if (key === "sizes") return value.map(x => x * 10);
    if (key === "created") return undefined;
    return value;
  });
  console.log("revived " + JSON.stringify(revived));
  console.log("reviver order " + visited.join(","));
  const total = revived.price + revived.nested.price + revived.nested.deep.price + revived.list[0].price;
  console.log("total price=" + total + " has created=" + ("created" in revived));

  const parsed = JSON.parse(' [1, -2.5e3, 0.125, true, false, null, "\\u0041\\n", {"a":{"b":{"c":[[]]}}}] ');
  console.log("parsed types " + parsed.map(v => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v)).join(",") + " values " + parsed[1] + " " + parsed[2] + " " + JSON.stringify(parsed[6]));

  let deep = { level: 0 };
  let cur = deep;
  for (let i = 1; i < 20; i++) { cur.child = { level: i, tag: "n" + i }; cur = cur.child; }
  const deepStr = JSON.stringify(deep);
  const round = JSON.parse(deepStr);
  let depth = 0;
  for (let n = round; n; n = n.child) depth++;
  console.log("deep round trip depth=" + depth + " len=" + deepStr.length + " same=" + (JSON.stringify(round) === deepStr));

  const grid = [];
  for (let r = 0; r < 5; r++) {
    const row = [];
    for (let c = 0; c < 5; c++) row.push((r * 5 + c) % 7 === 0 ? null : { r, c, v: r * c / 4 });
    grid.push(row);
  }
  const gs = JSON.stringify(grid);
  console.log("grid checksum=" + checksum(gs) + " len=" + gs.length);
  const back = JSON.parse(gs, (k, v) => (v && typeof v === "object" && "v" in v ? v.v : v));
  console.log("grid revived row4=" + JSON.stringify(back[4]));
  try {
    const cyc = { a: 1 };
    cyc.self = cyc;
    JSON.stringify(cyc);
    console.log("cycle: no error?");
  } catch (e) {
    console.log("cycle: " + e.name);
  }
  for (const bad of ["{'a':1}", "[1,]", "01", "", "{\"a\" 1}"]) {
    try {
      JSON.parse(bad);
      console.log("parsed bad " + bad);
    } catch (e) {
      console.log("reject " + JSON.stringify(bad) + " " + e.name);
    }
  }
}
