// hasOwnProperty with keys made at run time on a small object: the key string becomes its
// atom (StringToAtom) and the own lookup answers (SmallObjectVariableKeyHasOwnResult), for
// keys present and absent, Latin-1 and two-byte. (`hasOwnProperty` sites share the engine's
// one HasOwn IC, so the first phase keeps to one object.) Then objects of other shapes fail
// the shape guard, and the site goes on to its other stubs.
function has(o, k) { return o.hasOwnProperty(k); }
function main() {
  const parts = ["al", "be", "ga", "de", "\u00e9p", "\u4e2d"];
  const ends = ["pha", "ta", "mma", "lta", "silon", "x"];
  const a = { alpha: 1, beta: 2, gamma: 3 }, b = { delta: 4, "\u00e9psilon": 5, "\u4e2dx": 6 }, c = { 7: 1, x: 2 };
  let n = 0, text = "";
  for (let r = 0; r < 4000; r++) {
    const k = parts[r % parts.length] + ends[(r >> 1) % ends.length];
    n += has(a, k) ? 1 : 0;
    if (r < 12) text += k + ":" + has(a, k) + ";";
  }
  for (let r = 0; r < 600; r++) {
    const k = parts[r % parts.length] + ends[(r >> 2) % ends.length];
    n += has(a, k) + 2 * has(b, k) + 4 * Object.hasOwn(b, k) + 8 * has(c, String(r % 9));
  }
  console.log("n=" + n + " " + text);
}
