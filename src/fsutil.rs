//! Writing files without destroying anything.
//!
//! A write goes to a temporary file beside the target that is renamed over it, so a
//! reader (or a crash) sees the old content or the new, never a mixture. Around that:
//! - a symbolic link is written through: its target is replaced and the link stays;
//! - a device, FIFO or socket (`/dev/null`, `/dev/stdout`, a pipe) is written to
//!   directly, never replaced by a regular file;
//! - a new file gets what the umask allows (0666 & !umask); an existing one keeps its
//!   owner, group and permissions, less setuid/setgid (as editors do);
//! - a file `--fix` rewrites must be writable by the user under the kernel's own rules
//!   (access(2): root may write a file whose mode says otherwise), not read-only by its
//!   mode, and have a single name (replacing a file with hard links would split them);
//! - the temporary file is named after its file (`.NAME.reportlint-PID-XXXXXX.tmp`), is
//!   removed on SIGINT, SIGTERM and SIGHUP, and one left by a killed run (`kill -9`)
//!   is removed by the next write beside it.

use std::fs::{self, Metadata};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Write a report or baseline to `path` (see the module documentation).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if is_special_path(path) {
        return write_in_place(path, bytes);
    }
    let target = through_links(path)?;
    match fs::metadata(&target) {
        Ok(m) if m.is_dir() => Err(io::Error::other(crate::tr!("fsutil.folder"))),
        Ok(m) if !m.is_file() => write_in_place(&target, bytes),
        Ok(m) => replace(&target, bytes, Some(&m), None),
        Err(e) if e.kind() == io::ErrorKind::NotFound => replace(&target, bytes, None, None),
        Err(e) => Err(e),
    }
}

/// Write the fixed bytes of a report, only when `path` still holds `expected`
/// (the bytes the fix was computed from: an edit made meanwhile is never
/// overwritten) and the user may replace it (see the module documentation).
pub fn write_atomic_if_unchanged(path: &Path, bytes: &[u8], expected: &[u8]) -> io::Result<()> {
    let target = through_links(path)?;
    let meta = fs::metadata(&target)?;
    may_rewrite(&target, &meta)?;
    replace(&target, bytes, Some(&meta), Some(expected))
}

/// Which of `inputs` is the file `path` names (the same file by any name: a
/// link, another spelling, a hard link), if any.
pub fn one_of(path: &Path, inputs: &[&Path]) -> Option<usize> {
    let out = fs::metadata(path).ok().filter(Metadata::is_file)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        inputs.iter().position(|i| {
            fs::metadata(i).is_ok_and(|m| (m.dev(), m.ino()) == (out.dev(), out.ino()))
        })
    }
    #[cfg(not(unix))]
    {
        let out = fs::canonicalize(path).ok()?;
        inputs
            .iter()
            .position(|i| fs::canonicalize(i).is_ok_and(|c| c == out))
    }
}

/// Paths that name a stream rather than a file, even when they resolve to one
/// (`/dev/stdout` of a shell's `>> log`): written in place, appended to.
fn is_special_path(path: &Path) -> bool {
    cfg!(unix) && (path.starts_with("/dev") || path.starts_with("/proc"))
}

/// A device, a FIFO, or a stream: opened and written, never created or replaced.
fn write_in_place(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut f = fs::OpenOptions::new().append(true).open(path)?;
    f.write_all(bytes)?;
    f.flush()
}

/// The file a path names, symbolic links followed (a dangling link names the
/// file it would point at).
fn through_links(path: &Path) -> io::Result<PathBuf> {
    let mut at = path.to_owned();
    // A chain of links, followed one hop at a time; a loop ends in an error.
    for _ in 0..40 {
        match fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = fs::read_link(&at)?;
                at = match at.parent() {
                    Some(dir) => dir.join(to),
                    None => to,
                };
            }
            _ => return Ok(at),
        }
    }
    Err(io::Error::other(crate::tr!("fsutil.link-loop")))
}

/// Why `--fix` may not replace a file, if it may not.
fn may_rewrite(target: &Path, meta: &Metadata) -> io::Result<()> {
    if !meta.is_file() {
        return Err(io::Error::other(crate::tr!("fsutil.not-regular")));
    }
    if meta.permissions().readonly() {
        return Err(io::Error::other(crate::tr!("fsutil.read-only")));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            return Err(io::Error::other(crate::tr!(
                "fsutil.hard-links",
                n = meta.nlink()
            )));
        }
        if rustix::fs::access(target, rustix::fs::Access::WRITE_OK).is_err() {
            return Err(io::Error::other(crate::tr!("fsutil.no-permission")));
        }
    }
    #[cfg(not(unix))]
    let _ = target;
    Ok(())
}

fn replace(
    target: &Path,
    bytes: &[u8],
    existing: Option<&Metadata>,
    expected: Option<&[u8]>,
) -> io::Result<()> {
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = temp_stem(&name);
    remove_stale_temps(dir, &stem);
    let prefix = format!("{stem}{}-", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A new file: 0666 less the umask, which the kernel applies at creation.
        // An existing one: private until its own mode is set below.
        let mode = if existing.is_some() { 0o600 } else { 0o666 };
        builder.permissions(fs::Permissions::from_mode(mode));
    }
    let (mut tmp, _pending) = interrupt::create(&builder, dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    if let Some(meta) = existing {
        keep_owner_and_mode(tmp.as_file(), meta)?;
    }
    if let Some(expected) = expected {
        if fs::read(target)? != expected {
            return Err(io::Error::other(crate::tr!("fsutil.changed")));
        }
    }
    tmp.persist(target).map_err(|e| e.error)?;
    Ok(())
}

/// `.NAME.reportlint-`: what every temporary file of `NAME` starts with (the
/// name shortened so that the whole stays within a file-name length limit).
fn temp_stem(name: &str) -> String {
    let mut end = name.len().min(120);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    format!(".{}.reportlint-", &name[..end])
}

/// Remove the temporary files of `stem` that a run killed outright left behind:
/// those whose process is gone.
fn remove_stale_temps(dir: &Path, stem: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(stem)) else {
            continue;
        };
        let Some(pid) = rest
            .strip_suffix(".tmp")
            .and_then(|r| r.split_once('-'))
            .and_then(|(pid, _)| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !process_alive(pid) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(unix)]
fn process_alive(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return false;
    };
    // EPERM: it exists but belongs to someone else.
    !matches!(
        rustix::process::test_kill_process(pid),
        Err(rustix::io::Errno::SRCH)
    )
}

#[cfg(not(unix))]
fn process_alive(_pid: u32) -> bool {
    true
}

/// Give the new file the owner, group and permission bits of the one it
/// replaces; setuid, setgid and sticky bits are dropped. Refused when the user
/// cannot give it that owner: the file would silently change hands.
#[cfg(unix)]
fn keep_owner_and_mode(file: &fs::File, old: &Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let new = file.metadata()?;
    if new.uid() != old.uid() || new.gid() != old.gid() {
        let uid = rustix::fs::Uid::from_raw(old.uid());
        let gid = rustix::fs::Gid::from_raw(old.gid());
        rustix::fs::fchown(file, Some(uid), Some(gid)).map_err(|_| {
            io::Error::other(crate::tr!("fsutil.owner", uid = old.uid(), gid = old.gid()))
        })?;
    }
    rustix::fs::fchmod(file, rustix::fs::Mode::from_raw_mode(old.mode() & 0o777))?;
    Ok(())
}

#[cfg(not(unix))]
fn keep_owner_and_mode(file: &fs::File, old: &Metadata) -> io::Result<()> {
    file.set_permissions(old.permissions())
}

/// Temporary files being written, removed when the process is interrupted.
mod interrupt {
    use std::path::{Path, PathBuf};
    use std::sync::{Mutex, Once};

    static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
    static WATCH: Once = Once::new();

    /// A temporary file on disk until this is dropped.
    pub struct Pending(PathBuf);

    /// Create a temporary file in `dir`, known to the signal watcher before a
    /// signal can find it unlisted.
    pub fn create(
        builder: &tempfile::Builder,
        dir: &Path,
    ) -> std::io::Result<(tempfile::NamedTempFile, Pending)> {
        WATCH.call_once(watch);
        let mut pending = lock();
        let tmp = builder.tempfile_in(dir)?;
        pending.push(tmp.path().to_owned());
        let guard = Pending(tmp.path().to_owned());
        Ok((tmp, guard))
    }

    impl Drop for Pending {
        fn drop(&mut self) {
            let mut pending = lock();
            if let Some(i) = pending.iter().position(|p| *p == self.0) {
                pending.swap_remove(i);
            }
        }
    }

    fn lock() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
        PENDING.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// On SIGINT, SIGTERM or SIGHUP: remove the temporary files, then die of
    /// the signal as if it had not been caught (the shell sees the same status).
    #[cfg(unix)]
    fn watch() {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        let spawned = std::thread::Builder::new()
            .name("reportlint-signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    for path in lock().drain(..) {
                        let _ = std::fs::remove_file(path);
                    }
                    let _ = signal_hook::low_level::emulate_default_handler(signal);
                    std::process::exit(128 + signal);
                }
            });
        drop(spawned);
    }

    #[cfg(not(unix))]
    fn watch() {}
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

    #[test]
    fn temporary_names_say_whose_they_are_and_stay_short() {
        assert_eq!(temp_stem("a.txt"), ".a.txt.reportlint-");
        let long = "报".repeat(100);
        assert!(temp_stem(&long).len() < 150);
    }

    #[cfg(unix)]
    #[test]
    fn a_temporary_file_of_a_dead_run_is_removed_and_a_live_ones_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "old").expect("write");
        let mut child = std::process::Command::new("true").spawn().expect("spawn");
        let dead = child.id();
        child.wait().expect("wait");
        let stale = dir
            .path()
            .join(format!(".a.txt.reportlint-{dead}-AbC123.tmp"));
        let live = dir.path().join(".a.txt.reportlint-1-AbC123.tmp");
        std::fs::write(&stale, "half").expect("write");
        std::fs::write(&live, "half").expect("write");
        write_atomic(&path, b"new").expect("write");
        assert!(!stale.exists(), "the dead run's temporary file is removed");
        assert!(live.exists(), "a running process's file is left alone");
    }
}
