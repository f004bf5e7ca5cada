//! `aotjs test262` mechanics on a small tree in test262's layout, written here (the real suite is
//! fetched for local runs only): batching, per-test expectations (plain, runtime-negative,
//! async, strict-only), skips with reasons, a test that does not load wrapped in a function
//! being isolated and skipped, a test that stops its run without stopping the rest of its
//! batch, a failing test, and the JSON totals.

use aotjs_tests::{run_aotjs, scratch, text};
use std::path::Path;

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

#[test]
fn test262_runs_batches_interpreted_and_compiled_with_each_tests_expectation() {
    let root = scratch("test262-tree");
    write(&root, "harness/sta.js", "function Test262Error(message) { this.message = message || \"\"; }\nTest262Error.prototype.name = \"Test262Error\";\n");
    write(&root, "harness/assert.js", "function assert(c, m) { if (c !== true) throw new Test262Error(m); }\nassert.sameValue = function (a, b, m) { if (!Object.is(a, b)) throw new Test262Error((m || \"\") + \" Expected \" + String(a) + \" to be \" + String(b)); };\n");
    write(&root, "harness/double.js", "function double(x) { return 2 * x; }\n");
    let meta = |body: &str| format!("/*---\ndescription: a test\n{body}---*/\n");
    write(&root, "test/pass.js", &format!("{}var s = 0; for (var i = 0; i < 100; i++) s += i; assert.sameValue(s, 4950);\n", meta("")));
    write(&root, "test/include.js", &format!("{}assert.sameValue(double(21), 42);\n", meta("includes: [double.js]\n")));
    write(&root, "test/fails.js", &format!("{}assert.sameValue(1 + 1, 3, \"arithmetic\");\n", meta("")));
    write(&root, "test/negative.js", &format!("{}null.x;\n", meta("negative:\n  phase: runtime\n  type: TypeError\n")));
    write(&root, "test/negative-no-throw.js", &format!("{}var ok = 1;\n", meta("negative:\n  phase: runtime\n  type: TypeError\n")));
    write(&root, "test/strict.js", &format!("{}assert.sameValue((function () {{ return this; }})(), undefined);\n", meta("flags: [onlyStrict]\n")));
    write(&root, "test/async.js", &format!("{}Promise.resolve(5).then(function (v) {{ assert.sameValue(v, 5); }}).then($DONE, $DONE);\n", meta("flags: [async]\n")));
    // Never calls $DONE: the run stops there, in both modes; the tests after it in its batch
    // must still run.
    write(&root, "test/async-never.js", &format!("{}var pending = new Promise(function () {{}});\n", meta("flags: [async]\n")));
    write(&root, "test/early.js", &format!("{}var = 1;\n", meta("negative:\n  phase: parse\n  type: SyntaxError\n")));
    write(&root, "test/module.js", &format!("{}export var x = 1;\n", meta("flags: [module]\n")));
    // Does not load wrapped in a function (a syntax error the metadata does not announce).
    write(&root, "test/broken.js", &format!("{}var x = ;\n", meta("")));
    write(&root, "test/thing_FIXTURE.js", "not a test");

    let out = run_aotjs(["test262", root.to_str().unwrap(), "test", "--batch", "4", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let result = |name: &str| v["tests"].as_array().unwrap().iter().find(|t| t["test"] == format!("test/{name}")).cloned().unwrap_or_else(|| panic!("no result for {name}: {v}"));
    for name in ["pass.js", "include.js", "negative.js", "strict.js", "async.js"] {
        assert_eq!(result(name)["passed"], true, "{name}: {}", result(name));
    }
    for (name, expect) in [("fails.js", "FAIL Test262Error: arithmetic"), ("negative-no-throw.js", "FAIL expected TypeError")] {
        let r = result(name);
        assert_eq!(r["passed"], false, "{r}");
        assert!(r["interpreted"].as_str().unwrap().starts_with(expect), "{r}");
        assert_eq!(r["interpreted"], r["compiled"], "{r}");
    }
    for (name, why) in [("early.js", "early error"), ("module.js", "module"), ("broken.js", "does not load")] {
        assert!(result(name)["skipped"].as_str().is_some_and(|s| s.starts_with(why)), "{name}: {}", result(name));
    }
    let stalled = result("async-never.js");
    assert_eq!(stalled["passed"], false, "{stalled}");
    assert!(stalled["interpreted"].as_str().unwrap().starts_with("NO RESULT"), "{stalled}");
    let no_result = v["tests"].as_array().unwrap().iter().filter(|t| t["interpreted"].as_str().is_some_and(|s| s.starts_with("NO RESULT"))).count();
    assert_eq!(no_result, 1, "only the test that stops its run lacks a result: {v}");
    assert_eq!((v["run"].as_u64(), v["passed"].as_u64(), v["differ"].as_u64(), v["skipped"].as_u64()), (Some(8), Some(5), Some(0), Some(3)), "{v}");
}
