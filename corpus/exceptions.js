// try/catch/finally: nesting, rethrow, finally overriding return, deep throws,
// built-in error types, custom Error subclasses. Only our own messages are printed.

class ValidationError extends Error {
  constructor(message, field) {
    super(message);
    this.name = "ValidationError";
    this.field = field;
  }
}

class RangeCheckError extends ValidationError {
  constructor(field, value, lo, hi) {
    super(field + "=" + value + " not in [" + lo + "," + hi + "]", field);
    this.name = "RangeCheckError";
    this.value = value;
  }
}

function validate(rec) {
  if (typeof rec.name !== "string") throw new ValidationError("name must be a string", "name");
  if (rec.age < 0 || rec.age > 150) throw new RangeCheckError("age", rec.age, 0, 150);
  return "ok:" + rec.name;
}

function deepThrow(n) {
  if (n === 0) throw new Error("bottom reached");
  return deepThrow(n - 1) + 1;
}

function finallyOverride() {
  try {
    return "from try";
  } finally {
    return "from finally";
  }
}

function finallySwallow() {
  try {
    throw new Error("lost");
  } finally {
    return "swallowed";
  }
}

function finallyOrder(log) {
  try {
    log.push("try");
    return log.push("return-expr");
  } finally {
    log.push("finally");
  }
}

function nested(log) {
  try {
    try {
      log.push("inner try");
      throw new TypeError("inner");
    } catch (e) {
      log.push("inner catch " + e.message);
      throw new RangeError("rethrown as range");
    } finally {
      log.push("inner finally");
    }
  } catch (e) {
    log.push("outer catch " + e.name + ":" + e.message + " " + (e instanceof RangeError));
  } finally {
    log.push("outer finally");
  }
  return log.join(" > ");
}

function rethrowIfNot(fn, Kind) {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Kind) return "handled " + e.name;
    throw e;
  }
}

function classify(fn) {
  try {
    fn();
    return "no error";
  } catch (e) {
    const kinds = [];
    if (e instanceof TypeError) kinds.push("TypeError");
    if (e instanceof RangeError) kinds.push("RangeError");
    if (e instanceof SyntaxError) kinds.push("SyntaxError");
    if (e instanceof ReferenceError) kinds.push("ReferenceError");
    if (e instanceof Error) kinds.push("Error");
    if (kinds.length === 0) kinds.push("non-error:" + typeof e + ":" + String(e));
    return kinds.join("/") + (e instanceof Error ? " name=" + e.name : "");
  }
}

function loopWithFinally() {
  const log = [];
  for (let i = 0; i < 5; i++) {
    try {
      if (i === 1) continue;
      if (i === 3) break;
      log.push("body" + i);
    } finally {
      log.push("fin" + i);
    }
  }
  return log.join(",");
}

function main() {
  const recs = [{ name: "ann", age: 30 }, { name: 5, age: 1 }, { name: "bob", age: 200 }, { name: "cy", age: -1 }];
  for (const r of recs) {
    try {
      console.log(validate(r));
    } catch (e) {
      console.log(String(e) + " field=" + e.field + " isValidation=" + (e instanceof ValidationError) + " isRange=" + (e instanceof RangeCheckError) + " isError=" + (e instanceof Error) + (e.value !== undefined ? " value=" + e.value : ""));
    }
  }
  try {
    deepThrow(40);
  } catch (e) {
    console.log("deep: " + e.message + " " + e.constructor.name);
  }
  console.log("finally override: " + finallyOverride() + ", " + finallySwallow());
  const log = [];
  const r = finallyOrder(log);
  console.log("finally order: " + log.join(",") + " returned=" + r);
  console.log("nested: " + nested([]));
  console.log("rethrow: " + rethrowIfNot(() => { throw new TypeError("t"); }, TypeError));
  try {
    rethrowIfNot(() => { throw new RangeError("r"); }, TypeError);
  } catch (e) {
    console.log("rethrow escaped: " + e.name + " " + e.message);
  }
  console.log("null prop: " + classify(() => { const o = null; return o.x; }));
  console.log("call non-fn: " + classify(() => { const o = {}; o.method(); }));
  console.log("bad array len: " + classify(() => new Array(-1)));
  console.log("toFixed range: " + classify(() => (1).toFixed(101)));
  console.log("undeclared: " + classify(() => notDeclaredAnywhere + 1));
  console.log("json syntax: " + classify(() => JSON.parse("{bad json}")));
  console.log("throw number: " + classify(() => { throw 42; }));
  console.log("throw object: " + classify(() => { throw { code: 7, toString() { return "obj7"; } }; }));
  console.log("no error: " + classify(() => 1 + 1));
  console.log("loop finally: " + loopWithFinally());
  let caught = "none";
  try {
    throw new Error("no binding");
  } catch {
    caught = "optional catch binding";
  }
  console.log(caught);
  const e = new Error("msg");
  e.code = "E42";
  const plain = new Error();
  console.log("error props: " + e.message + " code=" + e.code + " empty=[" + plain.message + "] toString=" + String(new TypeError("tt")) + " proto=" + (Object.getPrototypeOf(RangeError.prototype) === Error.prototype));
  let counter = 0;
  for (let i = 0; i < 100; i++) {
    try {
      if (i % 7 === 0) throw new ValidationError("m" + i, "f");
      counter += i;
    } catch (err) {
      counter -= err.message.length;
    } finally {
      counter++;
    }
  }
  console.log("counter=" + counter);
}
