//! The stub library of one engine build, kept between compilations.
//!
//! Each entry maps a key to what the stub compiler made of one IC body: Wasm code, or the
//! reason it was declined. The key covers everything the code depends on: the stub
//! compiler's build (`stubs::GENERATOR_ID`), the engine facts the code embeds (type and function
//! indices, class address), every fact runtime-abi records for the engine (`facts_digest`), the
//! StubInfo's field offset and the CacheIR bytes. So one cache file serves every application on
//! that engine, and a changed generator or a corrected engine fact never reuses code.

use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

const MAGIC: &[u8; 8] = b"AOTJSSC1";

/// A digest of every fact runtime-abi records for an engine build (addresses, indices, offsets),
/// for stub cache keys: code made under one set of facts is never served under another.
pub fn facts_digest(facts: Option<&runtime_abi::EngineFacts>) -> [u8; 32] {
    Sha256::digest(format!("{facts:?}").as_bytes()).into()
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CachedStub {
    Compiled(Vec<u8>),
    /// (reason, the op it is about)
    Declined(String, Option<String>),
}

#[derive(Clone, Debug, Default)]
pub struct StubCache {
    entries: BTreeMap<[u8; 32], CachedStub>,
    added: usize,
    pub hits: u64,
    pub misses: u64,
}

impl StubCache {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// True when this compilation added entries, so the file should be written back.
    pub fn changed(&self) -> bool {
        self.added > 0
    }

    pub fn key(parts: &[&[u8]]) -> [u8; 32] {
        let mut h = Sha256::new();
        h.update(stubs::GENERATOR_ID.as_bytes());
        for p in parts {
            h.update((p.len() as u64).to_le_bytes());
            h.update(p);
        }
        h.finalize().into()
    }

    pub fn get(&mut self, key: &[u8; 32]) -> Option<&CachedStub> {
        let hit = self.entries.get(key);
        if hit.is_some() {
            self.hits += 1;
        } else {
            self.misses += 1;
        }
        hit
    }

    pub fn insert(&mut self, key: [u8; 32], v: CachedStub) {
        if self.entries.insert(key, v).is_none() {
            self.added += 1;
        }
    }

    /// Serialises the cache: magic, count, then per entry the key, a tag and strings/bytes
    /// with u32 lengths. Entries are in key order, so equal caches give equal files.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend((self.entries.len() as u32).to_le_bytes());
        let put = |out: &mut Vec<u8>, b: &[u8]| {
            out.extend((b.len() as u32).to_le_bytes());
            out.extend_from_slice(b);
        };
        for (k, v) in &self.entries {
            out.extend_from_slice(k);
            match v {
                CachedStub::Compiled(code) => {
                    out.push(0);
                    put(&mut out, code);
                }
                CachedStub::Declined(reason, op) => {
                    out.push(1);
                    put(&mut out, reason.as_bytes());
                    put(&mut out, op.as_deref().unwrap_or("").as_bytes());
                }
            }
        }
        out
    }

    /// Reads a cache file; anything malformed is an error (the caller starts afresh).
    pub fn from_bytes(b: &[u8]) -> Result<Self, String> {
        let mut pos = 0usize;
        let mut take = |n: usize| -> Result<&[u8], String> {
            let s = b.get(pos..pos + n).ok_or("stub cache is truncated")?;
            pos += n;
            Ok(s)
        };
        if take(8)? != MAGIC {
            return Err("not an aotjs stub cache".into());
        }
        let count = u32::from_le_bytes(take(4)?.try_into().unwrap());
        let mut entries = BTreeMap::new();
        for _ in 0..count {
            let key: [u8; 32] = take(32)?.try_into().unwrap();
            let tag = take(1)?[0];
            let mut bytes = || -> Result<Vec<u8>, String> {
                let n = u32::from_le_bytes(take(4)?.try_into().unwrap()) as usize;
                Ok(take(n)?.to_vec())
            };
            let v = match tag {
                0 => CachedStub::Compiled(bytes()?),
                1 => {
                    let reason = String::from_utf8(bytes()?).map_err(|_| "bad reason")?;
                    let op = String::from_utf8(bytes()?).map_err(|_| "bad op")?;
                    CachedStub::Declined(reason, (!op.is_empty()).then_some(op))
                }
                _ => return Err("unknown stub cache entry".into()),
            };
            entries.insert(key, v);
        }
        Ok(StubCache { entries, ..Default::default() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stub cache key of one IC body under a set of engine facts (as `plan_stubs` makes it).
    fn key_under(facts: &runtime_abi::EngineFacts) -> [u8; 32] {
        StubCache::key(&[b"engine code digest", &facts_digest(Some(facts)), b"CacheIR bytes"])
    }

    #[test]
    fn a_changed_engine_fact_misses_the_cache() {
        let facts = runtime_abi::engines::FASTLY_WEVAL_FACTS.clone();
        let mut cache = StubCache::new();
        cache.insert(key_under(&facts), CachedStub::Compiled(vec![0x0b]));
        assert!(cache.get(&key_under(&facts)).is_some(), "the same facts hit");
        let mut class_moved = facts.clone();
        class_moved.array_class += 8;
        let mut script_fact = facts.clone();
        script_fact.script.lambda_func += 1;
        for (what, changed) in [("array class", class_moved), ("a script fact", script_fact)] {
            assert!(cache.get(&key_under(&changed)).is_none(), "{what} changed, yet the cache hit");
        }
        assert_ne!(facts_digest(None), facts_digest(Some(&facts)));
    }

    #[test]
    fn round_trips_and_rejects_garbage() {
        let mut c = StubCache::new();
        c.insert(StubCache::key(&[b"a"]), CachedStub::Compiled(vec![1, 2, 3]));
        c.insert(StubCache::key(&[b"b"]), CachedStub::Declined("unsupported".into(), Some("CallScriptedFunction".into())));
        let bytes = c.to_bytes();
        let mut d = StubCache::from_bytes(&bytes).unwrap();
        assert_eq!(d.len(), 2);
        assert_eq!(d.get(&StubCache::key(&[b"a"])), Some(&CachedStub::Compiled(vec![1, 2, 3])));
        assert_eq!(d.to_bytes(), bytes);
        assert!(StubCache::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(StubCache::from_bytes(b"garbage!").is_err());
        assert_ne!(StubCache::key(&[b"ab", b"c"]), StubCache::key(&[b"a", b"bc"]));
    }
}
