//! The on-disk cache: engines, compiled native code, scratch directories; and atomic writes.
//!
//! Location: `$AOTJS_CACHE`, else `$XDG_CACHE_HOME/aotjs`, else `~/.cache/aotjs` (the home
//! directory from `HOME`, else from `/etc/passwd`).

use wasmtime::{Result};
use wasmtime::error::Context;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use wasmtime::{Engine, Module};

pub struct Cache {
    root: PathBuf,
    /// Set for a private cache: the directory, removed with the cache.
    _private: Option<TempDir>,
}

impl Cache {
    pub fn open() -> Result<Cache> {
        let root = configured_root().ok_or_else(|| wasmtime::format_err!("no cache directory: set AOTJS_CACHE"))?;
        std::fs::create_dir_all(&root).with_context(|| format!("cannot create cache directory {}", root.display()))?;
        Ok(Cache { root, _private: None })
    }

    /// The cache, or, where none can be found (no `AOTJS_CACHE`, `XDG_CACHE_HOME`, `HOME`, nor
    /// a home directory in `/etc/passwd`), a private cache in the system's temporary directory
    /// that lives as long as the returned value. A shared
    /// directory there is not used: it would load native code anyone could have written.
    pub fn open_or_private() -> Result<Cache> {
        if configured_root().is_some() {
            return Cache::open();
        }
        let dir = TempDir::create_in(&std::env::temp_dir(), "aotjs-cache")?;
        Ok(Cache { root: dir.path().to_path_buf(), _private: Some(dir) })
    }

    /// True when nothing is kept after this process.
    pub fn is_private(&self) -> bool {
        self._private.is_some()
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn dir(&self, name: &str) -> Result<PathBuf> {
        let d = self.root.join(name);
        std::fs::create_dir_all(&d).with_context(|| format!("cannot create {}", d.display()))?;
        Ok(d)
    }

    /// A fresh scratch directory, removed when dropped.
    pub fn temp_dir(&self, prefix: &str) -> Result<TempDir> {
        TempDir::create_in(&self.dir("tmp")?, prefix)
    }

    /// Compiles `wasm`, or loads the native code compiled for it earlier under `key`.
    pub fn compiled_module(&self, engine: &Engine, key: &str, wasm: &[u8]) -> Result<Module> {
        let digest = hex(&Sha256::digest(wasm));
        let path = self.dir("native")?.join(format!("{key}-{}-wasmtime{}.cwasm", &digest[..16], wasmtime_version()));
        if path.exists() {
            // SAFETY: written by this code from a module it compiled with the same engine
            // configuration; Wasmtime refuses artifacts of another version or configuration.
            if let Ok(m) = unsafe { Module::deserialize_file(engine, &path) } {
                return Ok(m);
            }
        }
        let module = Module::new(engine, wasm)?;
        let bytes = module.serialize()?;
        write_atomic(&path, &bytes)?;
        Ok(module)
    }
}

/// Cranelift's per-function results, on disk, shared by every module of the same engine: a
/// new snapshot differs from the last only in its data, so its engine functions compile to the
/// same code and are loaded instead of compiled (Wasmtime's incremental compilation cache).
/// Entries are files named by the SHA-256 of Cranelift's key, in 256 subdirectories.
#[derive(Debug)]
pub struct FunctionCache {
    dir: PathBuf,
}

impl FunctionCache {
    /// The function cache in the configured cache directory, if there is one.
    pub fn open() -> Option<FunctionCache> {
        let dir = configured_root()?.join(format!("cranelift-wasmtime{}", wasmtime_version()));
        std::fs::create_dir_all(&dir).ok()?;
        Some(FunctionCache { dir })
    }

    fn path(&self, key: &[u8]) -> PathBuf {
        let name = hex(&Sha256::digest(key));
        self.dir.join(&name[..2]).join(&name[2..])
    }
}

impl wasmtime::CacheStore for FunctionCache {
    fn get(&self, key: &[u8]) -> Option<std::borrow::Cow<'_, [u8]>> {
        std::fs::read(self.path(key)).ok().map(std::borrow::Cow::Owned)
    }

    fn insert(&self, key: &[u8], value: Vec<u8>) -> bool {
        let path = self.path(key);
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        write_atomic(&path, &value).is_ok()
    }
}

/// `$AOTJS_CACHE`, else `$XDG_CACHE_HOME/aotjs`, else `~/.cache/aotjs`, if any is set.
fn configured_root() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("AOTJS_CACHE") {
        Some(PathBuf::from(p))
    } else if let Some(p) = std::env::var_os("XDG_CACHE_HOME") {
        Some(PathBuf::from(p).join("aotjs"))
    } else {
        let home = std::env::var_os("HOME").map(PathBuf::from).or_else(home_from_passwd)?;
        Some(home.join(".cache").join("aotjs"))
    }
}

/// This user's home directory from `/etc/passwd`, for a process started without `HOME` (the
/// Fastly toolchain clears the environment of its AOT step): so it still finds its cache.
fn home_from_passwd() -> Option<PathBuf> {
    use std::os::unix::fs::MetadataExt;
    let uid = std::fs::metadata("/proc/self").ok()?.uid();
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd_home(&passwd, uid)
}

/// The home directory of `uid` in passwd-format text (`name:x:uid:gid:gecos:home:shell`).
fn passwd_home(passwd: &str, uid: u32) -> Option<PathBuf> {
    passwd.lines().find_map(|line| {
        let fields: Vec<&str> = line.split(':').collect();
        (fields.len() >= 7 && fields[2].parse() == Ok(uid) && fields[5].starts_with('/')).then(|| PathBuf::from(fields[5]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwd_home_finds_the_uids_line() {
        let passwd = "root:x:0:0:root:/root:/bin/bash\n# comment\nana:x:1000:1000:Ana,,,:/home/ana:/bin/sh\nodd:x:7:7::relative:/bin/sh\n";
        assert_eq!(passwd_home(passwd, 1000), Some(PathBuf::from("/home/ana")));
        assert_eq!(passwd_home(passwd, 0), Some(PathBuf::from("/root")));
        assert_eq!(passwd_home(passwd, 7), None);
        assert_eq!(passwd_home(passwd, 42), None);
    }
}

fn wasmtime_version() -> &'static str {
    "48.0.8"
}

pub struct TempDir(PathBuf);

impl TempDir {
    /// A new directory `PREFIX-PID-N` in `base`.
    pub fn create_in(base: &Path, prefix: &str) -> Result<TempDir> {
        for n in 0u32.. {
            let p = base.join(format!("{prefix}-{}-{n}", std::process::id()));
            match std::fs::create_dir(&p) {
                Ok(()) => return Ok(TempDir(p)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e).with_context(|| format!("cannot create {}", p.display())),
            }
        }
        unreachable!()
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Writes `bytes` to `path` through a temporary file in the same directory and a rename, so a
/// reader never sees a half-written file and a failed write leaves nothing behind. The
/// temporary name is unique per process and call, so threads writing one path do not collide.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("out");
    let tmp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
    let result = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.with_context(|| format!("cannot write {}", path.display()))
}
