// switch: dense int switch, sparse cases, string switch, fallthrough,
// default in the middle, strict matching, block-scoped case bodies.

function dense(n) {
  switch (n) {
    case 0: return 11;
    case 1: return 23;
    case 2: return 37;
    case 3: return 41;
    case 4: return 53;
    case 5: return 67;
    case 6: return 71;
    case 7: return 83;
    case 8: return 97;
    case 9: return 101;
    case 10: return 113;
    case 11: return 127;
    case 12: return 131;
    case 13: return 149;
    case 14: return 151;
    case 15: return 163;
    default: return -1;
  }
}

function sparse(n) {
  switch (n) {
    case -1000: return "neg-thousand";
    case 7: return "seven";
    case 1 << 20: return "2^20";
    case 0.5: return "half";
    case 2147483647: return "int-max";
    default: return "other";
  }
}

function opcode(name) {
  switch (name) {
    case "add": case "plus": return "+";
    case "sub": return "-";
    case "mul": return "*";
    case "": return "empty";
    case "div": return "/";
    default: return "?" + name;
  }
}

function fallthrough(n) {
  const hits = [];
  switch (n) {
    case 1:
      hits.push("one");
    case 2:
      hits.push("two");
      break;
    case 3:
      hits.push("three");
    default:
      hits.push("default");
    case 4:
      hits.push("four");
  }
  return hits.join("+") || "none";
}

function classify(score) {
  switch (true) {
    case score >= 90: return "A";
    case score >= 80: return "B";
    case score >= 70: return "C";
    default: return "F";
  }
}

function strictMatch(v) {
  switch (v) {
    case 1: return "number 1";
    case "1": return "string 1";
    case true: return "true";
    case null: return "null";
    case undefined: return "undefined";
    case NaN: return "NaN (unreachable)";
    default: return "default(" + typeof v + ")";
  }
}

let evalLog = [];
function tag(x) { evalLog.push("case" + x); return x; }
function lazyCases(v) {
  evalLog = [];
  switch (v) {
    case tag(1): break;
    case tag(2): break;
    case tag(3): break;
  }
  return evalLog.join(",");
}

function scoped(kind) {
  switch (kind) {
    case "a": {
      let msg = "scoped-a";
      return msg;
    }
    case "b": {
      let msg = "scoped-b";
      return msg;
    }
  }
  return "scoped-none";
}

function vm(program) {
  const stack = [];
  let pc = 0;
  let steps = 0;
  loop: while (pc < program.length) {
    steps++;
    const op = program[pc++];
    switch (op) {
      case 0: stack.push(program[pc++]); break;
      case 1: stack.push(stack.pop() + stack.pop()); break;
      case 2: { const b = stack.pop(), a = stack.pop(); stack.push(a - b); break; }
      case 3: stack.push(stack.pop() * stack.pop()); break;
      case 4: stack.push(stack[stack.length - 1]); break;
      case 5: { const target = program[pc++]; if (stack.pop() !== 0) pc = target; break; }
      case 6: { const a = stack.pop(), b = stack.pop(); stack.push(a, b); break; }
      case 7: break loop;
      case 8: stack.push(stack[stack.length - 2]); break;
      default: throw new Error("bad op " + op);
    }
  }
  return stack.join(",") + " steps=" + steps;
}

function main() {
  let sum = 0;
  for (let i = 0; i < 2000; i++) sum = (sum * 7 + dense(i % 18)) | 0;
  console.log("dense checksum=" + sum + " " + [0, 5, 15, 16, -1].map(dense).join(","));
  console.log("sparse " + [-1000, 7, 1048576, 0.5, 2147483647, 8].map(sparse).join(","));
  console.log("strings " + ["add", "plus", "sub", "mul", "", "div", "mod"].map(opcode).join(" "));
  console.log("fallthrough " + [1, 2, 3, 4, 5].map(fallthrough).join(" | "));
  console.log("switch(true) " + [95, 85, 75, 10].map(classify).join(""));
  console.log("strict " + [1, "1", true, null, undefined, NaN, 0].map(strictMatch).join(" | "));
  console.log("lazy case eval " + lazyCases(2) + " / " + lazyCases(9));
  console.log(scoped("a") + " " + scoped("b") + " " + scoped("c"));
  // PUSH 0, PUSH 10, loop: DUP, JNZ body, HALT, body: SWAP, OVER, ADD, SWAP, PUSH 1, SUB, PUSH 1, JNZ loop
  const sumProg = [0, 0, 0, 10, 4, 5, 8, 7, 6, 8, 1, 6, 0, 1, 2, 0, 1, 5, 4];
  console.log("vm " + vm([0, 6, 0, 7, 3, 0, 2, 2, 7]) + " | " + vm(sumProg));
  const factProg = sumProg.slice();
  factProg[1] = 1;
  factProg[10] = 3;
  factProg[3] = 12;
  console.log("vm fact " + vm(factProg));
  let counts = [0, 0, 0, 0];
  for (let i = 0; i < 1000; i++) {
    switch (i % 4) {
      case 0: counts[0]++;
      case 1: counts[1]++; break;
      case 2: counts[2] += 2; continue;
      default: counts[3]--;
    }
    counts[0] += 0;
  }
  console.log("counts " + counts.join(","));
}
