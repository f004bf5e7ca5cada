// Strict equality across value types (tag comparison), numeric strings in int32 arithmetic,
// increments and decrements of doubles, Object.is on numbers.
function seq(a, b) { return a === b ? 1 : 0; }
function sne(a, b) { return a !== b ? 1 : 0; }
function sub(a, b) { return a - b; }
function mul(a, b) { return a * b; }
function pos(a) { return +a; }
function inc(a) { a++; return a; }
function dec(a) { return --a; }
function same(a, b) { return Object.is(a, b) ? 1 : 0; }
function main() {
  const vals = [0, 7, -0, 0.5, NaN, "", "7", "x", true, null, undefined, {}];
  const strs = ["3", "12", " 7 ", "0x10", "-4", "2.5", "-0", "1e3", "abc", "2147483648"];
  const nums = [0, -0, 1, 1.5, NaN, -2.25];
  let eq = 0, ne = 0, arith = 0, steps = 0, is = 0;
  const shown = [];
  for (let r = 0; r < 400; r++) {
    for (let i = 0; i < vals.length; i++) {
      for (let j = 0; j < vals.length; j++) { eq += seq(vals[i], vals[j]); ne += sne(vals[i], vals[j]); }
    }
    for (let i = 0; i < strs.length; i++) {
      const s = strs[i];
      const x = sub(s, 1), y = mul(3, s), z = pos(s);
      arith += (x === x ? x : 0) + (y === y ? y : 0) + (z === z ? z : 0);
      if (r === 0) shown.push(String(x) + "/" + String(y) + "/" + String(z) + "/" + String(1 / z));
    }
    for (let i = 0; i < nums.length; i++) {
      const a = inc(nums[i] + 0.25), b = dec(nums[i] - 0.75);
      steps += (a === a ? a : 0) + (b === b ? b : 0);
      for (let j = 0; j < nums.length; j++) is += same(nums[i], nums[j]);
    }
  }
  console.log("eq=" + eq + " ne=" + ne + " arith=" + arith + " steps=" + steps + " is=" + is);
  console.log(shown.join(" "));
}
