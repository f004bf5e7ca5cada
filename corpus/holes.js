// Array literals with holes (JSOp::Hole into InitElemArray): the array is marked not packed, so
// every builtin and inline cache that assumes packed elements sees the holes as holes.

function literal(n) {
  const a = [n, , n + 2, , n + 4];
  return a;
}

function describe(a) {
  let forEachCount = 0;
  a.forEach(() => forEachCount++);
  const spread = [...a];
  return [
    a.length, 1 in a, 2 in a, String(a[1]), a.join("-"), forEachCount,
    spread.length, 1 in spread, a.indexOf(undefined), a.includes(undefined),
    a.map((x) => x * 2).join("-"), Object.keys(a).join("+"), a.filter(() => true).length,
    JSON.stringify(a), Array.from(a).join("-"), a.some((x) => x === undefined),
  ].join(",");
}

function leadingAndTrailing() {
  const a = [, 1, ,];
  const b = [, , ,];
  return a.length + ":" + Object.keys(a).join("") + " " + b.length + ":" + Object.keys(b).length + " " + [, "x"].concat([, "y"]).join("|");
}

function sortAndReverse() {
  const a = [3, , 1, , 2];
  a.sort();
  const b = [1, , 3];
  b.reverse();
  return a.join(",") + " " + a.length + " " + (4 in a) + " " + b.join(",") + " " + (1 in b);
}

function inherit() {
  Array.prototype[1] = "from proto";
  const a = [0, , 2];
  const r = a[1] + " " + a.join("/");
  delete Array.prototype[1];
  return r + " " + String(a[1]);
}

function main() {
  console.log(describe(literal(1)));
  console.log(describe([1, 2, 3, 4, 5]));
  console.log(leadingAndTrailing());
  console.log(sortAndReverse());
  console.log(inherit());
  let total = 0;
  for (let i = 0; i < 3000; i++) {
    const a = literal(i);
    total += a.length + (a[1] === undefined ? 1 : 0) + (1 in a ? 100 : 0) + a[4];
  }
  console.log("total " + total);
}
