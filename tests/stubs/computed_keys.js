// Property keys made at run time (concatenated, so not atoms) reach stubs keyed on an atom:
// GuardSpecificAtom passes a string with the atom's code units (Latin-1 and two-byte) and
// fails other keys of the same or another length.
function get(o, k) { return o[k]; }
function set(o, k, v) { o[k] = v; return o; }
function has(o, k) { return k in o; }
function main() {
  const names = ["alpha", "beta", "gamma", "délta", "ωmega"];
  let n = 0, text = "";
  for (let r = 0; r < 3000; r++) {
    const base = names[r % names.length];
    const key = base.slice(0, 2) + base.slice(2);
    const o = { alpha: 1, beta: 2, gamma: 3, "délta": 4, "ωmega": 5 };
    set(o, key, r % 11);
    n += get(o, key) * 3 + (has(o, key) ? 1 : 0) + get(o, r % 3 ? "alpha" : "alp" + "hb".slice(0, 1) + "a");
    const k2 = r % 7 === 0 ? "betb".slice(0, 3) + "x" : "be" + "ta";
    n += get(o, k2) === undefined ? 100 : get(o, k2);
    if (r < 5) text += JSON.stringify(o) + ";";
  }
  console.log("n=" + n + " " + text);
}
