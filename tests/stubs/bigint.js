// BigInt arithmetic, shifts, bitwise and unary ops, asIntN/asUintN, comparisons with BigInts,
// int32s, doubles and strings, and truth, through the engine's own BigInt functions and Value
// comparisons called from stubs. Sites that see a number after BigInts fail the BigInt guards;
// a zero divisor and a negative exponent throw RangeError through the stub.
function add(a, b) { return a + b; }
function sub(a, b) { return a - b; }
function mul(a, b) { return a * b; }
function div(a, b) { return a / b; }
function mod(a, b) { return a % b; }
function pow(a, b) { return a ** b; }
function and(a, b) { return a & b; }
function or(a, b) { return a | b; }
function xor(a, b) { return a ^ b; }
function shl(a, b) { return a << b; }
function shr(a, b) { return a >> b; }
function neg(a) { return -a; }
function not(a) { return ~a; }
function inc(a) { return ++a; }
function dec(a) { return --a; }
function lt(a, b) { return a < b; }
function le(a, b) { return a <= b; }
function gt(a, b) { return a > b; }
function ge(a, b) { return a >= b; }
function eq(a, b) { return a == b; }
function ne(a, b) { return a != b; }
function seq(a, b) { return a === b; }
function sne(a, b) { return a !== b; }
function truthy(a) { return a ? 1 : 0; }
function main() {
  const big = [0n, 1n, -1n, 7n, -12345678901234567890n, 98765432109876543210987654321n, 2n ** 64n, -(2n ** 63n)];
  const others = [0, 1, -3, 2.5, -0.5, NaN, Infinity, "12", " -7 ", "x", "98765432109876543210987654321"];
  let h = 0n, c = 0, errors = 0, text = "";
  const mix = (v) => { h = (h * 31n + v) % 1000000000000000003n; };
  for (let r = 0; r < 400; r++) {
    for (let i = 0; i < big.length; i++) {
      const a = big[i], b = big[(i * 3 + r) % big.length];
      mix(add(a, b)); mix(sub(a, b)); mix(mul(a, b));
      try { mix(div(a, b)); mix(mod(a, b)); } catch (e) { if (e instanceof RangeError) errors++; }
      try { mix(pow(b, BigInt(r % 5) - 1n)); } catch (e) { if (e instanceof RangeError) errors++; }
      mix(and(a, b)); mix(or(a, b)); mix(xor(a, b));
      mix(shl(a, BigInt(r % 70))); mix(shr(a, BigInt(r % 70) - 3n));
      mix(neg(a)); mix(not(a)); mix(inc(a)); mix(dec(a));
      mix(BigInt.asIntN(r % 70, a)); mix(BigInt.asUintN(r % 70, b));
      c += lt(a, b) + 2 * le(a, b) + 4 * gt(a, b) + 8 * ge(a, b) + 16 * eq(a, b) + 32 * ne(a, b) + 64 * seq(a, b) + 128 * sne(a, b);
      const o = others[(i + r) % others.length];
      c += lt(a, o) + 2 * le(o, a) + 4 * gt(a, o) + 8 * ge(o, a) + 16 * eq(a, o) + 32 * ne(o, a) + 64 * seq(a, o);
      c += truthy(a) + truthy(b);
    }
    // Numbers at the same sites: the BigInt guards fail.
    if (r % 50 === 0) { c += add(r, 1) + mul(r, 2) + neg(r) + inc(r) + lt(r, 3) + truthy(r); }
    if (r < 2) text += add(big[5], big[6]) + "," + div(big[4], 7n) + "," + shr(big[6], 3n) + "," + lt(big[4], "x") + "," + eq(big[3], 7) + ";";
  }
  console.log("h=" + h + " c=" + c + " errors=" + errors + " " + text);
}
