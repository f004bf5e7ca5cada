//! The differential oracle: every corpus program runs interpreted and compiled, on the same
//! snapshot, and both must print exactly the expected output with the same exit status.

use aotjs_tests::{corpus, run_aotjs, scratch, text, workspace_root};

fn check_program(name: &str) {
    let js = workspace_root().join("corpus").join(format!("{name}.js"));
    let expected = std::fs::read_to_string(js.with_extension("out")).expect("expected output beside the program");
    let dir = scratch(&format!("corpus-{name}"));
    let snap = dir.join(format!("{name}.snap.wasm"));
    let aot = dir.join(format!("{name}.aot.wasm"));
    let report = dir.join(format!("{name}.report.json"));

    let out = run_aotjs([&"snapshot".into(), &js, &"-o".into(), &snap]);
    assert!(out.status.success(), "snapshot of {name} failed: {}", text(&out.stderr));

    let interp = run_aotjs([&"run".into(), &snap]);
    assert_eq!(text(&interp.stdout), expected, "{name}: interpreted output differs from {name}.out; stderr: {}", text(&interp.stderr));
    assert!(interp.status.success(), "{name}: interpreted run failed: {}", text(&interp.stderr));

    let out = run_aotjs([&"compile".into(), &snap, &"-o".into(), &aot, &"--report".into(), &report]);
    assert!(out.status.success(), "compile of {name} failed: {}", text(&out.stderr));
    let r: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    assert!(r["scripts"]["total"].as_u64().unwrap() > 0, "{name}: the report lists no script requests");
    // Bodies that reach an op the engine's CacheIR interpreter does not implement are compiled
    // (its corpus always has some: Atomics and DataView bodies) and counted as such; none is
    // declined for that op.
    let engine_failing: u64 = r["ics_compiled_engine_failure"].as_object().unwrap().values().map(|v| v.as_u64().unwrap()).sum();
    assert!(engine_failing > 0 && engine_failing <= r["ics"]["compiled"].as_u64().unwrap(), "{name}: ics_compiled_engine_failure {engine_failing}");
    assert_eq!(r["ics_engine_cannot_run"].as_u64(), Some(0), "{name}: a body blocked by an op the engine does not implement was declined");
    // The stub library compiles at least 95% of the IC bodies the snapshot asks for (the
    // engine's corpus and the warm-up's); the rest run in the engine's generic interpreter.
    let (ics_compiled, ics_total) = (r["ics"]["compiled"].as_u64().unwrap(), r["ics"]["total"].as_u64().unwrap());
    assert!(ics_compiled * 100 >= ics_total * 95, "{name}: {ics_compiled} of {ics_total} IC bodies compiled; declined: {}", r["ic_unsupported_ops"]);

    let compiled = run_aotjs([&"run".into(), &aot]);
    assert_eq!(text(&compiled.stdout), text(&interp.stdout), "{name}: compiled output differs from interpreted");
    assert_eq!(compiled.status.code(), interp.status.code(), "{name}: exit status differs");
    assert_eq!(text(&compiled.stderr), text(&interp.stderr), "{name}: stderr differs");
}

#[test]
fn corpus_is_large_enough() {
    let programs = corpus();
    let cpu = programs.iter().filter(|(_, p, _)| aotjs_tests::is_cpu_bound(p)).count();
    assert!(programs.len() >= 20, "the corpus has {} programs, fewer than 20", programs.len());
    assert!(cpu >= 6, "the corpus has {cpu} cpu-bound programs, fewer than 6");
}

/// The script compiler's reach: every script of every corpus program (the harness's own
/// included) is compiled, except generators and async functions, which the engine never runs
/// compiled (`generators_and_async_functions_never_enter_compiled_code` checks that). Prints
/// the share per program and why scripts stayed interpreted.
#[test]
fn every_corpus_script_the_engine_can_enter_is_compiled() {
    let dir = scratch("corpus-script-share");
    let (mut compiled, mut total, mut justified) = (0u64, 0u64, 0u64);
    let mut ops: std::collections::BTreeMap<String, u64> = Default::default();
    let mut reasons: std::collections::BTreeMap<String, u64> = Default::default();
    for (name, js, _) in corpus() {
        let snap = dir.join(format!("{name}.snap.wasm"));
        let aot = dir.join(format!("{name}.aot.wasm"));
        let report = dir.join(format!("{name}.report.json"));
        let out = run_aotjs([&"snapshot".into(), &js, &"-o".into(), &snap]);
        assert!(out.status.success(), "snapshot of {name} failed: {}", text(&out.stderr));
        let out = run_aotjs([&"compile".into(), &snap, &"-o".into(), &aot, &"--report".into(), &report]);
        assert!(out.status.success(), "compile of {name} failed: {}", text(&out.stderr));
        let r: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
        let (c, t) = (r["scripts"]["compiled"].as_u64().unwrap(), r["scripts"]["total"].as_u64().unwrap());
        let never_entered = r["scripts_engine_never_enters"].as_u64().unwrap();
        println!("{name:<20} {c:>3} of {t:>3} scripts compiled, {never_entered} the engine never runs compiled");
        compiled += c;
        total += t;
        justified += never_entered;
        for (op, n) in r["script_unsupported_ops"].as_object().into_iter().flatten() {
            *ops.entry(op.clone()).or_default() += n.as_u64().unwrap();
        }
        for (why, n) in r["declined"].as_object().into_iter().flatten() {
            if why.starts_with("script:") {
                *reasons.entry(why.clone()).or_default() += n.as_u64().unwrap();
            }
        }
    }
    println!("corpus: {compiled} of {total} scripts compiled, {justified} the engine never runs compiled");
    println!("declined: {reasons:?}");
    println!("ops not lowered: {ops:?}");
    assert!(total > 0 && justified > 0, "the corpus has no generators or async functions");
    assert_eq!(compiled + justified, total, "scripts the engine could run compiled stay interpreted; declined: {reasons:?}; ops: {ops:?}");
}

/// The engine fact behind the generator and async declines: the engine never enters their
/// compiled function. Every generator and async function gets one that traps; the programs
/// (generators resumed thousands of times, async chains with rejections, both called from
/// compiled code) must still run to the end with node's output.
#[test]
fn generators_and_async_functions_never_enter_compiled_code() {
    let dir = scratch("corpus-never-entered");
    for name in ["generators", "async_await"] {
        let js = workspace_root().join("corpus").join(format!("{name}.js"));
        let expected = std::fs::read_to_string(js.with_extension("out")).unwrap();
        let snap = dir.join(format!("{name}.snap.wasm"));
        let aot = dir.join(format!("{name}.trap.wasm"));
        let report = dir.join(format!("{name}.report.json"));
        let out = run_aotjs([&"snapshot".into(), &js, &"-o".into(), &snap]);
        assert!(out.status.success(), "snapshot of {name} failed: {}", text(&out.stderr));
        let out = run_aotjs([&"compile".into(), &snap, &"-o".into(), &aot, &"--report".into(), &report, &"--trap-never-entered".into()]);
        assert!(out.status.success(), "compile of {name} failed: {}", text(&out.stderr));
        let r: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
        assert!(r["scripts_engine_never_enters"].as_u64().unwrap() >= 3, "{name}: too few generators or async functions to show anything");
        let run = run_aotjs([&"run".into(), &aot]);
        assert!(run.status.success(), "{name}: a trap ran, so the engine entered a generator's or async function's compiled code: {}", text(&run.stderr));
        assert_eq!(text(&run.stdout), expected, "{name}: output differs from node's");
    }
}

include!(concat!(env!("OUT_DIR"), "/corpus_tests.rs"));

/// Programs written for one newly lowered feature must have every one of their own functions
/// compiled, so their differential check exercises the compiled lowering and not the
/// interpreter. (Scripts without a name are the harness's and the top level.)
#[test]
fn feature_programs_compile_all_their_functions() {
    let dir = scratch("corpus-feature-programs");
    for name in ["arguments", "class_features", "delete", "eval", "finally", "for_in", "holes", "misc_ops", "table_switch", "catch_loops", "construct_native"] {
        let js = workspace_root().join("corpus").join(format!("{name}.js"));
        let snap = dir.join(format!("{name}.snap.wasm"));
        let out = run_aotjs([&"snapshot".into(), &js, &"-o".into(), &snap]);
        assert!(out.status.success(), "snapshot of {name} failed: {}", text(&out.stderr));
        let out = run_aotjs([&"inspect".into(), &snap, &"--json".into(), &"--lowered".into(), &"--no-disasm".into()]);
        assert!(out.status.success(), "inspect of {name} failed: {}", text(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut named = 0;
        for s in v["scripts"].as_array().unwrap() {
            let Some(fun) = s["name"].as_str() else { continue };
            named += 1;
            assert!(s["lowered"]["wasm"].is_array(), "{name}.js: {fun} stays interpreted: {}", s["lowered"]["declined"]);
        }
        assert!(named >= 5, "{name}.js: only {named} named functions in the snapshot");
    }
}
