//! aotjs as a drop-in for the Fastly toolchain: `@fastly/js-compute@3.46.0` (installed from the
//! npm registry, its tarball checked against the sha256 aotjs pins) builds `tests/fastly/app.js`
//! interpreted and with `--enable-aot --weval-bin <aotjs>`; both builds answer the same requests
//! with the same bodies, run by aotjs's host and served over HTTP by Viceroy, Fastly's local
//! Compute server. Also `aotjs weval` driven directly, as the toolchain drives it, and its errors.

use aotjs_tests::{aotjs, assert_one_line_error, run_aotjs, scratch, text, workspace_root};
use sha2::{Digest, Sha256};
use std::io::{Read, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The Viceroy release the test installs when none is on PATH (builds with this rustc).
const VICEROY: (&str, &str) = ("viceroy", "0.22.0");

/// Requests and the answers the application must give (status, body), computed
/// independently (the primes below 30000 number 3245 and sum to 45675864).
const ANSWERS: &[(&str, u16, &str)] = &[
    ("/primes?n=30000", 200, "{\"n\":30000,\"primes\":3245,\"sum\":45675864,\"walk\":\"5.000000\",\"words\":[[\"the\",4],[\"dog\",2],[\"fox\",2]]}\n"),
    ("/primes?n=2", 200, "{\"n\":2,\"primes\":1,\"sum\":2,\"walk\":\"6.708204\",\"words\":[[\"the\",4],[\"dog\",2],[\"fox\",2]]}\n"),
    ("/elsewhere", 404, "not found\n"),
    ("/primes?n=abc", 400, "bad n\n"),
];

/// `@fastly/js-compute` installed with npm in `target/`, once per test process; reused by later
/// runs when already there.
fn toolchain() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let spec = runtime_abi::EngineSpec::default_engine();
        let (package, version) = (spec.npm_package, spec.npm_version);
        let dir = workspace_root().join("target").join(format!("fastly-toolchain-{version}"));
        let installed = dir.join("node_modules").join(package).join("package.json");
        if std::fs::read_to_string(&installed).is_ok_and(|s| s.contains(&format!("\"version\": \"{version}\""))) {
            return dir;
        }
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("package.json"), "{\"name\":\"aotjs-fastly-toolchain-test\",\"private\":true}\n").unwrap();
        let spec_arg = format!("{package}@{version}");
        npm(&dir, &["pack", &spec_arg, "--silent"]);
        let tarball = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.extension().is_some_and(|x| x == "tgz"))
            .expect("npm pack wrote no tarball");
        let digest: String = Sha256::digest(std::fs::read(&tarball).unwrap()).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(digest, spec.tarball_sha256, "{spec_arg} from the registry has an unexpected sha256");
        npm(&dir, &["install", "--no-audit", "--no-fund", "--loglevel=error", tarball.to_str().unwrap()]);
        assert!(installed.exists(), "npm install did not install {package}");
        dir
    })
}

fn npm(dir: &Path, args: &[&str]) {
    let out = Command::new("npm").args(args).current_dir(dir).output().expect("npm is needed to install the Fastly toolchain");
    assert!(out.status.success(), "npm {} failed: {}", args.join(" "), text(&out.stderr));
}

/// The application built by the toolchain: (interpreted, compiled with aotjs as its AOT step).
fn builds() -> &'static (PathBuf, PathBuf) {
    static BUILDS: OnceLock<(PathBuf, PathBuf)> = OnceLock::new();
    BUILDS.get_or_init(|| {
        let dir = scratch("fastly-app");
        let app = dir.join("app.js");
        std::fs::copy(workspace_root().join("tests/fastly/app.js"), &app).unwrap();
        let interpreted = dir.join("app.wasm");
        let compiled = dir.join("app.aot.wasm");
        js_compute(&app, &interpreted, &[]);
        let bin = aotjs().to_str().unwrap().to_string();
        let out = js_compute(&app, &compiled, &["--enable-aot", "--weval-bin", &bin]);
        // The toolchain passes aotjs `-v`, and aotjs says what it did.
        assert!(out.contains("aotjs weval: wrote"), "aotjs did not report its AOT step: {out}");
        (interpreted, compiled)
    })
}

/// Runs `js-compute-runtime APP OUT EXTRA...` from the installed toolchain; returns its stderr.
fn js_compute(app: &Path, out: &Path, extra: &[&str]) -> String {
    let cli = toolchain().join("node_modules/.bin/js-compute-runtime");
    let result = Command::new(&cli).arg(app).arg(out).args(extra).current_dir(toolchain()).output().expect("running js-compute-runtime");
    let stderr = text(&result.stderr);
    assert!(result.status.success(), "js-compute-runtime {} failed: {stderr}{}", extra.join(" "), text(&result.stdout));
    assert!(out.exists(), "js-compute-runtime wrote no {}", out.display());
    stderr
}

fn custom_sections(wasm: &[u8]) -> Vec<String> {
    wasmparser::Parser::new(0)
        .parse_all(wasm)
        .filter_map(|p| match p.unwrap() {
            wasmparser::Payload::CustomSection(c) => Some(c.name().to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn js_compute_builds_with_aotjs_as_its_aot_step_and_the_builds_answer_alike() {
    let (interpreted, compiled) = builds();
    let interpreted_bytes = std::fs::read(interpreted).unwrap();
    let compiled_bytes = std::fs::read(compiled).unwrap();
    assert!(!custom_sections(&interpreted_bytes).contains(&"aotjs".to_string()), "the interpreted build has an aotjs section");
    let sections = custom_sections(&compiled_bytes);
    assert!(sections.contains(&"aotjs".to_string()), "the --enable-aot build is not an aotjs output (sections: {sections:?})");
    // The toolchain's own metadata step ran after aotjs and kept the module intact.
    assert!(sections.contains(&"producers".to_string()), "no producers section: {sections:?}");
    wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all()).validate_all(&compiled_bytes).expect("the compiled build validates");
    for (path, status, body) in ANSWERS {
        let url = format!("http://localhost{path}");
        for build in [interpreted, compiled] {
            let out = Command::new(aotjs()).args(["run", "--response", "--url", &url]).arg(build).output().unwrap();
            let err = text(&out.stderr);
            assert!(out.status.success(), "{} {path}: {err}", build.display());
            assert!(err.contains(&format!("status {status}")), "{} {path}: expected status {status}, got: {err}", build.display());
            assert_eq!(text(&out.stdout), *body, "{} {path}", build.display());
        }
    }
}

/// `viceroy` on PATH, else the pinned release installed into the aotjs cache (once).
fn viceroy() -> PathBuf {
    if let Some(p) = std::env::var_os("PATH").and_then(|path| std::env::split_paths(&path).map(|d| d.join("viceroy")).find(|p| p.is_file())) {
        return p;
    }
    let root = aotjs_cache().join("tools").join(format!("{}-{}", VICEROY.0, VICEROY.1));
    let bin = root.join("bin").join("viceroy");
    if bin.is_file() {
        return bin;
    }
    eprintln!("installing {}@{} with cargo install (once; minutes)", VICEROY.0, VICEROY.1);
    let status = Command::new(env!("CARGO"))
        .args(["install", "--locked", "--quiet", &format!("{}@{}", VICEROY.0, VICEROY.1), "--root"])
        .arg(&root)
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("CARGO_BUILD_TARGET_DIR")
        .env_remove("RUSTFLAGS")
        .status()
        .expect("running cargo install viceroy");
    assert!(status.success() && bin.is_file(), "cargo install viceroy@{} failed", VICEROY.1);
    bin
}

/// Where aotjs keeps its cache, as the CLI says (the directory its engines are cached in).
fn aotjs_cache() -> PathBuf {
    engine_path().parent().and_then(Path::parent).expect("engines are cached in CACHE/engines").to_path_buf()
}

/// A Viceroy server on 127.0.0.1, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(viceroy: &Path, wasm: &Path, log: &Path) -> Server {
    let port = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap().local_addr().unwrap().port();
    let log_file = std::fs::File::create(log).unwrap();
    let child = Command::new(viceroy)
        .arg(wasm)
        .args(["--addr", &format!("127.0.0.1:{port}")])
        .stdin(Stdio::null())
        .stdout(log_file.try_clone().unwrap())
        .stderr(log_file)
        .spawn()
        .expect("starting viceroy");
    let mut server = Server { child, port };
    let start = Instant::now();
    while TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_err() {
        if let Ok(Some(status)) = server.child.try_wait() {
            panic!("viceroy exited ({status}) serving {}: {}", wasm.display(), std::fs::read_to_string(log).unwrap_or_default());
        }
        assert!(start.elapsed() < Duration::from_secs(300), "viceroy did not listen within 300 s: {}", std::fs::read_to_string(log).unwrap_or_default());
        std::thread::sleep(Duration::from_millis(200));
    }
    server
}

/// One HTTP/1.0 GET (so the body is delimited by the connection's end): (status, body).
fn get(port: u16, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(120))).unwrap();
    write!(s, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let raw = text(&raw);
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or_else(|| panic!("not an HTTP response: {raw:?}"));
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("no status in {head:?}"));
    (status, body.to_string())
}

#[test]
fn viceroy_serves_identical_answers_interpreted_and_compiled() {
    let viceroy = viceroy();
    let (interpreted, compiled) = builds();
    let dir = interpreted.parent().unwrap();
    let servers = [serve(&viceroy, interpreted, &dir.join("viceroy-interpreted.log")), serve(&viceroy, compiled, &dir.join("viceroy-compiled.log"))];
    for (path, status, body) in ANSWERS {
        let answers: Vec<(u16, String)> = servers.iter().map(|s| get(s.port, path)).collect();
        assert_eq!(answers[0], answers[1], "{path}: the interpreted and compiled builds answer differently");
        assert_eq!(answers[0], (*status, body.to_string()), "{path}");
    }
}

/// The AOT-protocol engine in the aotjs cache (fetched if needed), as the toolchain passes it.
fn engine_path() -> PathBuf {
    let out = run_aotjs(["engine", "fetch"]);
    assert!(out.status.success(), "aotjs engine fetch: {}", text(&out.stderr));
    let list = text(&run_aotjs(["engine", "list"]).stdout);
    let line = list.lines().find(|l| l.starts_with("fastly-weval ")).expect("engine list names fastly-weval");
    PathBuf::from(line.split_whitespace().last().unwrap())
}

/// Runs `BIN ARGS...` with `stdin`, in `env` only (none: the toolchain's empty environment).
fn run_with_stdin(bin: &Path, args: &[&str], stdin: &str, env: &[(&str, &Path)]) -> std::process::Output {
    let mut cmd = Command::new(bin);
    cmd.args(args).env_clear().stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn weval_front_door_snapshots_and_compiles_as_the_toolchain_runs_it() {
    let dir = scratch("weval-front-door");
    let app = dir.join("app.js");
    std::fs::copy(workspace_root().join("tests/fastly/app.js"), &app).unwrap();
    let engine = engine_path();
    let out = dir.join("app.wasm");
    let dir_arg = format!("--dir={}", dir.display());
    let args = ["weval", "-v", "--cache-ro", "/nonexistent/fastly-ics.wevalcache", &dir_arg, "-w", "-i", engine.to_str().unwrap(), "-o", out.to_str().unwrap()];
    // As the toolchain starts it: an empty environment, the init line on stdin.
    let run = run_with_stdin(aotjs(), &args, &format!("{} --legacy-script\n", app.display()), &[]);
    let err = text(&run.stderr);
    assert!(run.status.success(), "aotjs weval failed: {err}");
    assert_eq!(err.matches("--cache-ro /nonexistent/fastly-ics.wevalcache ignored").count(), 1, "{err}");
    // Without HOME it still finds this user's cache, through /etc/passwd.
    assert!(err.contains("cache: /"), "{err}");
    assert!(custom_sections(&std::fs::read(&out).unwrap()).contains(&"aotjs".to_string()));
    let (path, status, body) = ANSWERS[0];
    let answer = Command::new(aotjs()).args(["run", "--response", "--url", &format!("http://localhost{path}")]).arg(&out).output().unwrap();
    assert!(text(&answer.stderr).contains(&format!("status {status}")), "{}", text(&answer.stderr));
    assert_eq!(text(&answer.stdout), body);

    // Through a link named `weval`, on an existing snapshot (no -w): compile only.
    let link = dir.join("weval");
    std::os::unix::fs::symlink(aotjs(), &link).unwrap();
    let snap = dir.join("hello.snap.wasm");
    std::fs::write(dir.join("hello.js"), "function main() { console.log([1, 2, 3].map((x) => x * 7).join()); }\n").unwrap();
    assert!(run_aotjs([&"snapshot".into(), &dir.join("hello.js"), &"-o".into(), &snap]).status.success());
    let compiled = dir.join("hello.aot.wasm");
    let cache = aotjs_cache();
    let run = run_with_stdin(&link, &["weval", "-i", snap.to_str().unwrap(), "-o", compiled.to_str().unwrap()], "", &[("AOTJS_CACHE", &cache)]);
    assert!(run.status.success(), "weval link: {}", text(&run.stderr));
    let ran = run_aotjs([&"run".into(), &compiled]);
    assert_eq!(text(&ran.stdout), "7,14,21\n");
}

#[test]
fn weval_front_door_errors_are_one_line_and_leave_no_output() {
    let dir = scratch("weval-front-door-errors");
    let cache = aotjs_cache();
    let engine = engine_path();
    std::fs::write(dir.join("not-wasm.wasm"), b"hello").unwrap();
    // A valid module that is no known engine.
    std::fs::write(dir.join("foreign.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(dir.join("throws.js"), "throw new Error('boom at init');\n").unwrap();
    let d = dir.to_str().unwrap();
    let init = format!("{d}/throws.js --legacy-script");
    let cases: [(&str, Vec<String>, &str, &str); 5] = [
        ("missing input", vec!["-w".into(), "-i".into(), format!("{d}/nope.wasm")], "", "nope.wasm: no such file"),
        ("not wasm", vec!["-w".into(), "-i".into(), format!("{d}/not-wasm.wasm")], "", "not a WebAssembly module"),
        ("unknown engine", vec!["-w".into(), "-i".into(), format!("{d}/foreign.wasm")], "", "unknown engine"),
        ("no init line", vec!["-w".into(), "-i".into(), engine.display().to_string()], "", "needs the script's path on stdin"),
        ("script throws", vec!["-w".into(), format!("--dir={d}"), "-i".into(), engine.display().to_string()], &init, "failed at snapshot time"),
    ];
    for (what, args, stdin, expect) in cases {
        let out = format!("{d}/out.wasm");
        let mut all: Vec<&str> = vec!["weval"];
        all.extend(args.iter().map(String::as_str));
        all.extend(["-o", &out]);
        let run = run_with_stdin(aotjs(), &all, stdin, &[("AOTJS_CACHE", &cache)]);
        assert_one_line_error(&run, what, expect);
        assert!(!Path::new(&out).exists(), "{what}: left {out}");
    }
}
