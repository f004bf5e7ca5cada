// String to string builtins made by stubs through the engine's functions behind the IC frame:
// toLowerCase, toUpperCase, trim, trimStart, trimEnd, on flat, two-byte, rope and empty strings;
// a String object as receiver fails the stubs' string guards.
function lower(s) { return s.toLowerCase(); }
function upper(s) { return s.toUpperCase(); }
function trims(s) { return s.trim() + "|" + s.trimStart() + "|" + s.trimEnd(); }
function main() {
  const words = ["  Hello World  ", "\tÄÖÜ straße\n", "MiXeD cAsE 123", "", "   ", "ǅungla Σίσυφος ", "x"];
  let n = 0, text = "";
  for (let r = 0; r < 3000; r++) {
    let s = words[r % words.length];
    if (r % 5 === 0) s = s + " tail " + (r % 7);
    const t = r % 97 === 50 ? new String(s) : s;
    const a = lower(t), b = upper(t), c = trims(t);
    n += a.length * 3 + b.length * 5 + c.length * 7 + (a.length ? a.charCodeAt(0) : 0) % 11;
    if (r < words.length) text += JSON.stringify([a, b, c]) + ";";
  }
  console.log("n=" + n + " " + text);
}
