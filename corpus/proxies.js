// Proxies with and without traps, Reflect, and objects that stop being extensible: the IC
// bodies for these check proxy handlers and object flags before the engine takes over.
function main() {
  const log = [];
  const target = { a: 1, b: 2 };
  const traced = new Proxy(target, {
    get(t, k, r) { log.push("get " + String(k)); return Reflect.get(t, k, r); },
    set(t, k, v, r) { log.push("set " + String(k)); return Reflect.set(t, k, v, r); },
    has(t, k) { return k in t; },
  });
  const plain = new Proxy({ x: 10 }, {});
  let sum = 0;
  for (let i = 0; i < 200; i++) {
    sum += traced.a + traced["b"] + plain.x + ("a" in traced ? 1 : 0);
    traced.c = i;
    plain.y = i;
    sum += plain.y;
  }
  const frozen = Object.freeze({ k: 1 });
  const sealed = Object.seal({ k: 2 });
  const open = { k: 3 };
  let added = 0;
  for (let i = 0; i < 100; i++) {
    for (const o of [frozen, sealed, open]) {
      try { "use strict"; o["n" + (i % 3)] = i; added++; } catch (e) { added += 100; }
    }
  }
  console.log("sum=" + sum + " log=" + log.length + " first=" + log.slice(0, 4).join(",") + " c=" + target.c);
  console.log("added=" + added + " open=" + Object.keys(open).join(",") + " extensible=" + [frozen, sealed, open].map(Object.isExtensible).join(","));
}
