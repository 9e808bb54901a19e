//! Writing files without ever leaving a half-written one behind.

use std::io::Write;
use std::path::Path;

/// Write `bytes` to a temporary file beside `path`, then rename it over `path`.
/// A reader (or a crash) sees the old content or the new, never a mixture. The
/// permissions of an existing file are kept.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_checked(path, bytes, None)
}

/// Like [`write_atomic`], but only when `path` still holds `expected` (the bytes
/// the new content was computed from): the file is re-read right before the
/// rename, so an edit made meanwhile is never overwritten.
pub fn write_atomic_if_unchanged(
    path: &Path,
    bytes: &[u8],
    expected: &[u8],
) -> std::io::Result<()> {
    write_atomic_checked(path, bytes, Some(expected))
}

fn write_atomic_checked(path: &Path, bytes: &[u8], expected: Option<&[u8]>) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    if let Ok(meta) = std::fs::metadata(path) {
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    if let Some(expected) = expected {
        if std::fs::read(path)? != expected {
            return Err(std::io::Error::other("the file changed since it was read"));
        }
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_changed_since_reading_is_not_overwritten() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "edited meanwhile").expect("write");
        let err = write_atomic_if_unchanged(&path, b"fixed", b"as read").expect_err("stale");
        assert!(err.to_string().contains("changed"));
        assert_eq!(std::fs::read(&path).expect("read"), b"edited meanwhile");
        write_atomic_if_unchanged(&path, b"fixed", b"edited meanwhile").expect("fresh");
        assert_eq!(std::fs::read(&path).expect("read"), b"fixed");
        let left: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").collect();
        assert_eq!(left.len(), 1, "no temporary file left behind");
    }
}
