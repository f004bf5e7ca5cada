//! Real libraries run as programs: each npm package below is fetched from the registry (its
//! tarball checked against the pinned sha256, never committed), its browser bundle is put in
//! front of the driver `libraries/NAME.js`, and the program must print `libraries/NAME.out`
//! (node's output) interpreted and compiled, with every script the engine can run compiled.
//!
//! The assembled programs stay in `target/libraries/NAME.js` for `aotjs bench`.

use aotjs_tests::{run_aotjs, text, workspace_root};
use sha2::{Digest, Sha256};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

/// One library: the package, its version, the sha256 of its registry tarball and the file of
/// the tarball that is the library as a classic script (a UMD bundle).
struct Library {
    name: &'static str,
    package: &'static str,
    version: &'static str,
    tarball_sha256: &'static str,
    bundle: &'static str,
}

const LIBRARIES: &[Library] = &[
    Library {
        name: "lodash",
        package: "lodash",
        version: "4.17.21",
        tarball_sha256: "6a087ac9e5702a0c9d60fbcd48696012646ec8df1491dea472b150e79fcaf804",
        bundle: "package/lodash.js",
    },
    Library {
        name: "js-yaml",
        package: "js-yaml",
        version: "4.1.0",
        tarball_sha256: "0dae332559cf22b21c26ea70e732afd8303ff99412f9c3d9d209faa8882cf2ca",
        bundle: "package/dist/js-yaml.js",
    },
    Library {
        name: "handlebars",
        package: "handlebars",
        version: "4.7.8",
        tarball_sha256: "2dadfd6743a1e0d876e55d5c5622450a99c1316848048bc6c131a5fc42e776a6",
        bundle: "package/dist/handlebars.js",
    },
];

fn libraries_dir() -> PathBuf {
    workspace_root().join("target").join("libraries")
}

/// The library's bundle, from `npm pack` of the pinned version, kept in `target/libraries/`
/// once its tarball's digest checked out.
fn bundle(lib: &Library) -> String {
    let dir = libraries_dir().join(format!("{}-{}", lib.package, lib.version));
    let file = dir.join(lib.bundle);
    if let Ok(s) = std::fs::read_to_string(&file) {
        return s;
    }
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let spec = format!("{}@{}", lib.package, lib.version);
    let out = Command::new("npm").args(["pack", &spec, "--silent"]).current_dir(&dir).output().expect("npm is needed to fetch the libraries");
    assert!(out.status.success(), "npm pack {spec} failed: {}", text(&out.stderr));
    let tarball = dir.join(text(&out.stdout).trim());
    let digest: String = Sha256::digest(std::fs::read(&tarball).unwrap()).iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(digest, lib.tarball_sha256, "{spec} from the registry has an unexpected sha256");
    let out = Command::new("tar").arg("xzf").arg(&tarball).arg(lib.bundle).current_dir(&dir).output().expect("tar");
    assert!(out.status.success(), "cannot extract {} from {spec}: {}", lib.bundle, text(&out.stderr));
    std::fs::read_to_string(&file).unwrap()
}

/// The program: the bundle run with no `module`, `exports`, `define` or `require` in scope (so
/// it installs itself as a global, as in a browser), then the driver.
fn program(lib: &Library) -> PathBuf {
    let driver = std::fs::read_to_string(workspace_root().join("libraries").join(format!("{}.js", lib.name))).unwrap();
    let js = format!("(function (module, exports, define, require) {{\n{}\n}}).call(this);\n{driver}", bundle(lib));
    let path = libraries_dir().join(format!("{}.js", lib.name));
    std::fs::write(&path, js).unwrap();
    path
}

fn check_library(lib: &Library) {
    let js = program(lib);
    let expected = std::fs::read_to_string(workspace_root().join("libraries").join(format!("{}.out", lib.name))).unwrap();
    let dir = libraries_dir();
    let (snap, aot, report) = (dir.join(format!("{}.snap.wasm", lib.name)), dir.join(format!("{}.aot.wasm", lib.name)), dir.join(format!("{}.report.json", lib.name)));
    let out = run_aotjs([OsStr::new("snapshot"), js.as_os_str(), OsStr::new("-o"), snap.as_os_str()]);
    assert!(out.status.success(), "snapshot of {} failed: {}", lib.name, text(&out.stderr));
    let interp = run_aotjs([OsStr::new("run"), snap.as_os_str()]);
    assert_eq!(text(&interp.stdout), expected, "{}: interpreted output differs from node's; stderr: {}", lib.name, text(&interp.stderr));
    let out = run_aotjs([OsStr::new("compile"), snap.as_os_str(), OsStr::new("-o"), aot.as_os_str(), OsStr::new("--report"), report.as_os_str()]);
    assert!(out.status.success(), "compile of {} failed: {}", lib.name, text(&out.stderr));
    let compiled = run_aotjs([OsStr::new("run"), aot.as_os_str()]);
    assert_eq!(text(&compiled.stdout), text(&interp.stdout), "{}: compiled output differs from interpreted; stderr: {}", lib.name, text(&compiled.stderr));
    assert_eq!(compiled.status.code(), interp.status.code(), "{}: exit status differs", lib.name);
    check_reach(lib.name, &report);
}

/// Every script the engine can run compiled is compiled.
fn check_reach(name: &str, report: &Path) {
    let r: serde_json::Value = serde_json::from_slice(&std::fs::read(report).unwrap()).unwrap();
    let (compiled, total) = (r["scripts"]["compiled"].as_u64().unwrap(), r["scripts"]["total"].as_u64().unwrap());
    let justified = r["scripts_engine_never_enters"].as_u64().unwrap();
    println!("{name}: {compiled} of {total} scripts compiled, {justified} the engine never runs compiled");
    assert!(total > 100, "{name}: only {total} script requests; did the library load?");
    assert_eq!(compiled + justified, total, "{name}: scripts stay interpreted: {}; ops: {}", r["declined"], r["script_unsupported_ops"]);
}

#[test]
fn lodash() {
    check_library(&LIBRARIES[0]);
}

#[test]
fn js_yaml() {
    check_library(&LIBRARIES[1]);
}

#[test]
fn handlebars() {
    check_library(&LIBRARIES[2]);
}
