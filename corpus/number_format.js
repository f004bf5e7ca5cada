// Number formatting: String(), toFixed, toPrecision, toExponential, toString(radix)
// on integers, -0, NaN, Infinity, large and small doubles, parsing.

function row(label, values) {
  return label + ": " + values.map(v => String(v)).join(" ");
}

function main() {
  console.log(row("ints", [0, 1, -1, 42, 1e3, 123456789, 2 ** 31, 2 ** 53, 2 ** 53 + 1, -(2 ** 31)]));
  console.log(row("large", [1e20, 1e21, 123456789012345680000, 1.5e300, Number.MAX_VALUE, Number.MAX_SAFE_INTEGER, 2 ** 64, 2 ** 70 + 2 ** 20]));
  console.log(row("small", [0.1, 0.000001, 0.0000001, 1.5e-7, 5e-324, Number.MIN_VALUE, 2 ** -20, 1 / 3, 2 / 3]));
  console.log(row("special", [NaN, Infinity, -Infinity, -0, 0 * -1, 1 / -0, -0 + 0, Math.round(-0.4), 0 / 0]));
  console.log("-0 checks: Object.is=" + Object.is(-0, 0) + " 1/x=" + 1 / (-0) + " toFixed=" + (-0).toFixed(2) + " JSON=" + JSON.stringify(-0) + " template=" + `${-0}` + " concat=" + ("" + -0) + " Math.sign=" + 1 / Math.sign(-0));
  console.log(row("fractions", [0.1 + 0.2, 1.1 * 1.1, 100 / 3, 9.95, 1.005 * 1000, 4.35 * 100, 0.3 - 0.1, 1e16 + 1, 123.456e5]));
  console.log("toFixed: " + [(1.005).toFixed(2), (1.45).toFixed(1), (2.5).toFixed(0), (0.5).toFixed(0), (-1.5).toFixed(0), (1234.5678).toFixed(2), (0).toFixed(3), (1e21).toFixed(2), (0.000001).toFixed(7), (123.456).toFixed(), (-0.0001).toFixed(2)].join(" "));
  console.log("toPrecision: " + [(123.456).toPrecision(4), (0.00012345).toPrecision(2), (123456).toPrecision(2), (1.5).toPrecision(1), (99.99).toPrecision(3), (1e-7).toPrecision(3), (5).toPrecision(5)].join(" "));
  console.log("toExponential: " + [(123456).toExponential(2), (0.00015).toExponential(1), (1).toExponential(), (12.5).toExponential(0), (-3.14159).toExponential(3), (0).toExponential(2)].join(" "));
  console.log("radix: " + [(255).toString(2), (255).toString(16), (-255).toString(16), (35).toString(36), (123456789).toString(36), (2 ** 32 - 1).toString(16), (0).toString(2), (1e15).toString(7), (-8).toString(2)].join(" "));
  console.log("parseInt: " + [parseInt("42px"), parseInt("  -17  "), parseInt("ff", 16), parseInt("0x1F"), parseInt("101", 2), parseInt("z", 36), parseInt("9", 8), parseInt(""), parseInt("12.9"), parseInt("1e3")].join(" "));
  console.log("parseFloat: " + [parseFloat("3.14abc"), parseFloat(".5"), parseFloat("-1e-3x"), parseFloat("Infinityx"), parseFloat("e5"), parseFloat("  2.50  ")].join(" "));
  console.log("Number(): " + [Number("0x1f"), Number("0b101"), Number("0o17"), Number(""), Number("  12  "), Number("12px"), Number(null), Number(undefined), Number([]), Number(["7"]), Number(true), Number("1e-2"), Number("-Infinity")].join(" "));
  console.log("checks: " + [Number.isInteger(5.0), Number.isInteger(5.5), Number.isSafeInteger(2 ** 53), Number.isFinite("5"), isFinite("5"), Number.isNaN("x"), isNaN("x")].map(b => (b ? 1 : 0)).join(""));
  console.log("math: " + [Math.floor(-1.5), Math.ceil(-1.5), Math.round(-1.5), Math.round(1.5), Math.round(2.5), Math.trunc(-4.7), Math.sign(-3), Math.abs(-7.25), Math.max(), Math.min(), Math.min(0, -0) === 0 && 1 / Math.min(0, -0)].join(" "));
  console.log("int conversions: " + [(3.99 | 0), (-3.99 | 0), (2 ** 32 + 5) | 0, (2 ** 31) | 0, 1e20 | 0, NaN | 0, Infinity | 0, "12" | 0, (-1 >>> 0)].join(" "));
  let acc = "";
  let pw = 1.234e-10;
  for (let e = -10; e <= 25; e += 5) {
    acc += " " + String(pw);
    pw *= 100000;
  }
  console.log("powers:" + acc);
  let sumStr = 0;
  for (let i = 1; i <= 200; i++) {
    const s = (i / 7).toFixed(3) + (i * 1.1).toString() + (i * 37).toString(16);
    for (let j = 0; j < s.length; j++) sumStr = (sumStr * 31 + s.charCodeAt(j)) | 0;
  }
  console.log("format checksum=" + sumStr);
  const amounts = [0, 5, 12.5, 1234.567, 1000000, -42.1];
  console.log("currency " + amounts.map(a => (a < 0 ? "-" : "") + "$" + Math.abs(a).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",")).join(" "));
  console.log("padded " + [7, 42, 123].map(v => String(v).padStart(5, "0")).join(" ") + " hex bytes " + [0, 15, 16, 255].map(b => b.toString(16).padStart(2, "0")).join(""));
}
