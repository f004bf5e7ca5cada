// Small built-ins and guards the engine's interpreter answers without calls: `Math.fround`,
// `Math.sign` of int32s and doubles (NaN and -0 included), `String(bool)` and template
// strings of booleans, `Array.prototype` methods asking IsPackedArray (holey arrays answer
// false), the arguments object's length in self-hosted code, objects with a null prototype,
// and values of other types at the same sites, which fail the stubs' guards.
function sign(x) { return Math.sign(x); }
function signToInt(x) { return Math.sign(x) | 0; }
function fround(x) { return Math.fround(x); }
function boolText(b) { return String(b) + `${b}`; }
function argsLength() { return Array.prototype.slice.call(arguments).length + Array.from(arguments).length; }
function main() {
  const nums = [3, -7, 0, -0, 2.5, -0.25, NaN, 1e300, -1e-300, 0.1];
  let acc = 0, text = "", packed = 0;
  for (let r = 0; r < 3000; r++) {
    const x = nums[r % nums.length];
    const s = sign(x);
    acc += s !== s ? 100 : Object.is(s, -0) ? 7 : s;
    acc += sign(r % 5 - 2) + signToInt(x) + signToInt(r - 1500);
    acc += fround(x) === x ? 1 : 2;
    acc += fround(r / 7) * 7 - r;
    text = boolText(r % 3 === 0);
    acc += text.length;
    const arr = r % 4 === 0 ? [1, , 3] : [1, 2, 3, r];
    packed += arr.map((v) => v * 2).length + arr.indexOf(3);
    acc += argsLength(1, 2, r) + argsLength();
    const bare = Object.create(null);
    bare.k = r;
    acc += "k" in bare ? 1 : 0;
    acc += bare.missing === undefined ? 1 : 0;
  }
  console.log("acc=" + acc + " packed=" + packed + " text=" + text + " " + [Math.fround(5.5), Math.fround(1 / 3), Math.sign(-0), Math.sign(-3.5)].join(","));
}
