// String comparisons in stubs: equality and order by UTF-16 code units, Latin-1 and two-byte
// strings against each other, equal prefixes of different lengths, empty strings, strings
// built at run time (not atoms) and ropes (which go to the engine); a number at a string
// site fails the string guard.
const words = ["pear", "peach", "Pear", "pea", "", "zebra", "école", "ecole", "中文", "中", "naïve", "naive", "a\u00ff", "a\u0100"];
function less(a, b) { return a < b; }
function lessEq(a, b) { return a <= b; }
function same(a, b) { return a === b; }
function loose(a, b) { return a == b; }
function main() {
  let lt = 0, le = 0, eq = 0, lo = 0;
  for (let r = 0; r < 400; r++) {
    for (let i = 0; i < words.length; i++) {
      for (let j = 0; j < words.length; j++) {
        const a = words[i], b = (r & 1) ? words[j].slice(0) + "" : [words[j]].join("");
        if (less(a, b)) lt++;
        if (lessEq(a, b)) le++;
        if (same(a, b)) eq++;
        if (loose(a, b + "")) lo++;
      }
    }
    const w = words[r % words.length];
    const rope = w + "-a-suffix-long-enough-to-make-a-rope-" + r;
    if (same(rope, w + "-a-suffix-long-enough-to-make-a-rope-" + r)) eq += 1000;
    if (less(rope, w + "-a-suffix-long-enough-to-make-a-rope-" + (r + 1))) lt += 1000;
  }
  let mixed = 0;
  const vals = ["10", 9, "9", 10];
  for (let i = 0; i < 2000; i++) if (less(vals[i & 3], vals[(i + 1) & 3])) mixed++;
  const sorted = words.slice().sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  console.log("lt=" + lt + " le=" + le + " eq=" + eq + " lo=" + lo + " mixed=" + mixed);
  console.log(sorted.join("|"));
}
