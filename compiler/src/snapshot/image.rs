//! The linear-memory image of a snapshot: its active data segments, flattened.
//!
//! Reads outside every segment return zeros, as in the instantiated memory. Writes patch the
//! segment that covers them or add a new one, and the image is emitted again as non-overlapping
//! segments in address order, which keeps the output deterministic.

use crate::error::{Error, Result};
use std::collections::BTreeMap;

/// The largest single read: far above any script's bytecode or IC body, far below memory that
/// a crafted length could make aotjs allocate.
pub const MAX_READ: u32 = 64 << 20;

#[derive(Clone, Default)]
pub struct MemoryImage {
    /// Non-overlapping segments keyed by start address.
    segs: BTreeMap<u32, Vec<u8>>,
    /// Size of memory 0 at instantiation, in bytes.
    limit: u64,
}

impl MemoryImage {
    /// Builds the image from active segments applied in order (later ones win on overlap).
    pub fn new<'s>(segments: impl IntoIterator<Item = (u32, &'s [u8])>, limit: u64) -> Self {
        let mut image = MemoryImage { segs: BTreeMap::new(), limit };
        for (addr, bytes) in segments {
            if !bytes.is_empty() {
                image.put(addr, bytes);
            }
        }
        image
    }

    pub fn limit(&self) -> u64 {
        self.limit
    }

    /// Start and bytes of every segment, in address order.
    pub fn segments(&self) -> impl Iterator<Item = (u32, &[u8])> {
        self.segs.iter().map(|(a, b)| (*a, b.as_slice()))
    }

    /// Copies `len` bytes at `addr`; uncovered bytes read as zero. Lengths come from the image
    /// itself (script and IC sizes), so they are bounded before anything is allocated.
    pub fn read(&self, addr: u32, len: u32) -> Result<Vec<u8>> {
        if len > MAX_READ {
            return Err(Error::ReadTooLarge { addr, len, max: MAX_READ });
        }
        let end = addr as u64 + len as u64;
        if end > self.limit {
            return Err(Error::OutOfImage { addr, len });
        }
        let mut out = vec![0u8; len as usize];
        // Segments overlapping [addr, end): the one starting at or before addr, and any after
        // (`end` may be 2^32, so the range is bounded in u64, not u32).
        let first = self.segs.range(..=addr).next_back().map(|(a, _)| *a).unwrap_or(addr);
        for (&start, bytes) in self.segs.range(first..).take_while(|(s, _)| (**s as u64) < end) {
            let seg_end = start as u64 + bytes.len() as u64;
            let lo = (start as u64).max(addr as u64);
            let hi = seg_end.min(end);
            if lo < hi {
                out[(lo - addr as u64) as usize..(hi - addr as u64) as usize]
                    .copy_from_slice(&bytes[(lo - start as u64) as usize..(hi - start as u64) as usize]);
            }
        }
        Ok(out)
    }

    pub fn u8(&self, addr: u32) -> Result<u8> {
        Ok(self.read(addr, 1)?[0])
    }

    pub fn u16(&self, addr: u32) -> Result<u16> {
        let b = self.read(addr, 2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }

    pub fn u32(&self, addr: u32) -> Result<u32> {
        let b = self.read(addr, 4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A NUL-terminated string of at most `max` bytes, if it is printable ASCII.
    pub fn c_str(&self, addr: u32, max: u32) -> Option<String> {
        let mut s = String::new();
        for i in 0..max {
            let c = self.u8(addr.checked_add(i)?).ok()?;
            if c == 0 {
                return Some(s);
            }
            if !(0x20..0x7f).contains(&c) {
                return None;
            }
            s.push(c as char);
        }
        None
    }

    /// Writes bytes at `addr`, merging every segment the write touches into one.
    pub fn write(&mut self, addr: u32, bytes: &[u8]) -> Result<()> {
        let end = addr as u64 + bytes.len() as u64;
        if end > self.limit {
            return Err(Error::OutOfImage { addr, len: bytes.len() as u32 });
        }
        self.put(addr, bytes);
        Ok(())
    }

    pub fn write_u32(&mut self, addr: u32, v: u32) -> Result<()> {
        self.write(addr, &v.to_le_bytes())
    }

    fn put(&mut self, addr: u32, bytes: &[u8]) {
        let end = addr as u64 + bytes.len() as u64;
        // Fast path: the write falls inside one segment.
        if let Some((&start, seg)) = self.segs.range_mut(..=addr).next_back() {
            if start as u64 + seg.len() as u64 >= end {
                let off = (addr - start) as usize;
                seg[off..off + bytes.len()].copy_from_slice(bytes);
                return;
            }
        }
        // Otherwise merge every segment overlapping or touching [addr, end) into one.
        let touching: Vec<u32> = self
            .segs
            .range(..=end.min(u32::MAX as u64) as u32)
            .filter(|(s, b)| **s as u64 + b.len() as u64 >= addr as u64)
            .map(|(s, _)| *s)
            .collect();
        let lo = touching.first().map_or(addr, |s| (*s).min(addr));
        let mut hi = end;
        for s in &touching {
            hi = hi.max(*s as u64 + self.segs[s].len() as u64);
        }
        let mut merged = vec![0u8; (hi - lo as u64) as usize];
        for s in touching {
            let seg = self.segs.remove(&s).expect("listed above");
            let off = (s - lo) as usize;
            merged[off..off + seg.len()].copy_from_slice(&seg);
        }
        let off = (addr - lo) as usize;
        merged[off..off + bytes.len()].copy_from_slice(bytes);
        self.segs.insert(lo, merged);
    }

    /// Calls `f(address)` for every 4-aligned word in the image that holds a value in `wanted`.
    pub fn scan_words(&self, wanted: &std::collections::HashSet<u32>, mut f: impl FnMut(u32, u32)) {
        for (&start, bytes) in &self.segs {
            let skip = (4 - (start % 4)) % 4;
            let mut i = skip as usize;
            while i + 4 <= bytes.len() {
                let w = u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
                if wanted.contains(&w) {
                    f(start + i as u32, w);
                }
                i += 4;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_zero_outside_segments_and_merges_writes() {
        let mut img = MemoryImage::new([(4u32, &[1u8, 2, 3, 4][..]), (12, &[9u8, 9][..])], 64);
        assert_eq!(img.read(0, 16).unwrap(), [0, 0, 0, 0, 1, 2, 3, 4, 0, 0, 0, 0, 9, 9, 0, 0]);
        img.write(6, &[7, 7, 7, 7, 7, 7, 7]).unwrap();
        assert_eq!(img.read(4, 10).unwrap(), [1, 2, 7, 7, 7, 7, 7, 7, 7, 9]);
        assert_eq!(img.segments().count(), 1);
        img.write(40, &[5]).unwrap();
        assert_eq!(img.segments().count(), 2);
        assert!(img.read(60, 8).is_err());
        assert!(img.write(63, &[1, 2]).is_err());
    }

    #[test]
    fn reads_at_the_top_of_a_4_gib_memory_do_not_wrap() {
        let top = u32::MAX - 3;
        let mut img = MemoryImage::new([(0u32, &[5u8][..]), (top, &[1u8, 2, 3, 4][..])], 1 << 32);
        assert_eq!(img.read(top, 4).unwrap(), [1, 2, 3, 4]);
        assert_eq!(img.u32(top).unwrap(), 0x0403_0201);
        assert!(img.read(top, 5).is_err(), "past 4 GiB");
        assert!(img.read(u32::MAX, u32::MAX).is_err());
        img.write(u32::MAX, &[9]).unwrap();
        assert_eq!(img.read(top, 4).unwrap(), [1, 2, 3, 9]);
        assert!(matches!(img.read(0, MAX_READ + 1), Err(Error::ReadTooLarge { .. })), "a huge length is refused before allocating");
    }

    #[test]
    fn later_segments_win() {
        let img = MemoryImage::new([(0u32, &[1u8, 1, 1, 1][..]), (2, &[2u8, 2, 2][..])], 16);
        assert_eq!(img.read(0, 6).unwrap(), [1, 1, 2, 2, 2, 0]);
    }
}
