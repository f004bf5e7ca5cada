// Direct and indirect eval from compiled code (JSOp::Eval, StrictEval, SpreadEval): reading
// and writing the caller's bindings, `var` declarations added to a sloppy function's scope but
// not a strict one's, function declarations, `this` and `arguments` inside eval, syntax
// errors, indirect eval in the global scope, `new Function`, and eval in a hot loop.

var where = "global";

function readsLocals(a) {
  const b = 2;
  let c = 3;
  return eval("a + b + c + where");
}

function writesLocals() {
  let x = 1;
  eval("x = x + 41");
  return x;
}

function sloppyVar() {
  eval("var leaked = 'leaked'");
  return typeof leaked === "string" ? leaked : "not leaked";
}

function strictVar() {
  "use strict";
  eval("var kept = 1");
  return typeof kept;
}

function declaresFunction() {
  eval("function inner(n) { return n * 2; }");
  return inner(21);
}

function thisAndArguments() {
  return eval("this.tag + ':' + arguments.length + ':' + arguments[1]");
}

function syntaxError() {
  try {
    eval("1 +* 2");
    return "parsed";
  } catch (e) {
    return e.constructor.name;
  }
}

function indirect() {
  const where = "local";
  const geval = eval;
  return geval("where") + " " + (0, eval)("typeof readsLocals") + " " + eval("where");
}

function spreadEval(code) {
  // Engines disagree on whether a spread eval sees the caller's bindings; the code reads a
  // global only.
  return eval(...[code]);
}

function functions() {
  const add = new Function("a", "b", "return a + b");
  const body = Function("return typeof this");
  return add(2, 3) + " " + body() + " " + add.length;
}

function hot(n) {
  let t = 0;
  for (let i = 0; i < n; i++) t = eval("t + i");
  return t;
}

function main() {
  console.log(readsLocals(1));
  console.log(String(writesLocals()));
  console.log(sloppyVar() + " " + strictVar());
  console.log(String(declaresFunction()));
  console.log(thisAndArguments.call({ tag: "T" }, "x", "y", "z"));
  console.log(syntaxError());
  console.log(indirect());
  console.log(String(spreadEval("where + 2")));
  console.log(functions());
  console.log(String(hot(200)));
}
