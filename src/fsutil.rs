//! Writing files without ever leaving a half-written one behind.

use std::io::Write;
use std::path::Path;

/// Write `bytes` to a temporary file beside `path`, then rename it over `path`.
/// A reader (or a crash) sees the old content or the new, never a mixture. The
/// permissions of an existing file are kept.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
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
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
