// Dense integer switches (JSOp::TableSwitch): every kind of discriminant, fall-through,
// defaults before and between cases, nesting, and a switch driving a loop (a tiny VM).

function classify(x) {
  switch (x) {
    case 0: return "zero";
    case 1: return "one";
    case 2: return "two";
    case 3: return "three";
    case 5: return "five";
    default: return "other";
  }
}

function negatives(x) {
  switch (x) {
    case -3: return "m3";
    case -2: return "m2";
    case -1: return "m1";
    case 0: return "z";
    case 1: return "p1";
  }
  return "none";
}

function fallthrough(x) {
  let s = "";
  switch (x) {
    case 1: s += "a";
    case 2: s += "b";
    default: s += "d";
    case 3: s += "c"; break;
    case 4: s += "e";
  }
  return s;
}

function nested(a, b) {
  switch (a) {
    case 0:
      switch (b) { case 0: return "00"; case 1: return "01"; case 2: return "02"; }
      return "0?";
    case 1:
      switch (b) { case 0: return "10"; case 1: return "11"; default: return "1?"; }
    case 2:
      return "2" + b;
  }
  return "??";
}

// A little stack machine: opcodes dispatched by a switch inside a loop.
function run(code) {
  const stack = [];
  let pc = 0, steps = 0;
  for (;;) {
    steps++;
    switch (code[pc++]) {
      case 0: stack.push(code[pc++]); break;
      case 1: stack.push(stack.pop() + stack.pop()); break;
      case 2: { const b = stack.pop(), a = stack.pop(); stack.push(a - b); break; }
      case 3: stack.push(stack.pop() * stack.pop()); break;
      case 4: { const t = code[pc++]; if (stack[stack.length - 1] !== 0) pc = t; break; }
      case 5: stack.push(stack[stack.length - 1]); break;
      case 6: stack.pop(); break;
      case 7: return stack.pop() + " after " + steps + " steps";
      default: return "bad opcode at " + (pc - 1);
    }
  }
}

function main() {
  const inputs = [0, 1, 2, 3, 4, 5, 6, -1, 2.0, 2.5, -0, NaN, Infinity, "1", null, undefined, true, 2147483647, -2147483648, 1e10, [2], { valueOf() { return 1; } }];
  for (const x of inputs) {
    console.log(String(x) + ": " + classify(x) + " " + negatives(x) + " " + fallthrough(x));
  }
  let out = [];
  for (let a = -1; a <= 3; a++) for (let b = 0; b <= 3; b++) out.push(nested(a, b));
  console.log(out.join(","));
  // Count down from 3 with a backward conditional jump, then arithmetic, then bad code.
  console.log(run([0, 3, 5, 0, -1, 1, 4, 2, 7]));
  console.log(run([0, 6, 0, 7, 3, 0, 2, 2, 5, 6, 0, 4, 1, 7]));
  console.log(run([0, 1, 6, 9]));
  let total = 0;
  for (let i = 0; i < 2000; i++) total += classify(i % 8).length + fallthrough(i % 6).length;
  console.log("total " + total);
}
