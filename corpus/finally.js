// try/finally (JSOp::Finally) entered normally and by exceptions: finally overriding return,
// break and continue through finally, nested finally blocks, finally in loops, a throw from
// finally replacing a pending one, returns of values computed before the finally, and a hot
// loop through a finally.

function order() {
  const log = [];
  try {
    log.push("try");
  } finally {
    log.push("finally");
  }
  log.push("after");
  return log.join(",");
}

function overrideReturn() {
  try {
    return "try";
  } finally {
    // eslint-disable-next-line no-unsafe-finally
    return "finally";
  }
}

function keepReturn() {
  let x = 1;
  try {
    return x;
  } finally {
    x = 2;
  }
}

function loops() {
  const log = [];
  let i = 0;
  do {
    try {
      i++;
      if (i % 2 === 0) continue;
      if (i > 6) break;
      log.push("odd" + i);
    } finally {
      log.push("f" + i);
    }
  } while (i < 10);
  return log.join(",");
}

function nested() {
  const log = [];
  try {
    try {
      log.push("inner");
      return log;
    } finally {
      log.push("inner-finally");
    }
  } finally {
    log.push("outer-finally");
  }
}

function throwing(kind) {
  const log = [];
  try {
    try {
      if (kind > 0) throw new Error("first");
      log.push("no throw");
    } finally {
      log.push("finally");
      if (kind > 1) throw new Error("second");
    }
  } catch (e) {
    log.push("caught " + e.message);
  }
  return log.join(",");
}

function labeled() {
  let s = "";
  outer: for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      try {
        if (j === 1) continue outer;
        s += i + "" + j;
      } finally {
        s += "f";
      }
    }
  }
  return s;
}

function withCatch(v) {
  try {
    if (v) throw v;
    return "none";
  } catch (e) {
    return "caught " + e;
  } finally {
    v = "ignored";
  }
}

function hot(n) {
  let t = 0;
  for (let i = 0; i < n; i++) {
    try {
      t += i;
    } finally {
      t += 1;
    }
  }
  return t;
}

function main() {
  console.log(order());
  console.log(overrideReturn());
  console.log(String(keepReturn()));
  console.log(loops());
  console.log(nested().join(","));
  console.log(throwing(0) + " | " + throwing(1) + " | " + throwing(2));
  console.log(labeled());
  console.log(withCatch(0) + " " + withCatch("x"));
  console.log(String(hot(10000)));
}
