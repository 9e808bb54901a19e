//! The interface language: every text reportlint shows a person (help, `list`,
//! `explain`, summaries, errors and notes, `init`'s file, the HTML page) comes
//! from one catalogue per language, `src/i18n/en.toml` and `src/i18n/zh.toml`,
//! looked up by key with [`tr!`](crate::tr). Findings themselves are Chinese in
//! both languages: they quote the report's Chinese text.
//!
//! The language is `--lang`, else the locale: the first of `LC_ALL`,
//! `LC_MESSAGES` and `LANG` that is set decides (Chinese for `zh*`, English for
//! anything else, `C` and `POSIX` included); when none is set, Windows and macOS
//! are asked for the user's language, and elsewhere (a CI container, a cron job)
//! English is used, as every POSIX tool does in the `C` locale.

mod catalogue;
pub mod help;

use std::cell::Cell;
use std::fmt::Display;
use std::sync::atomic::{AtomicU8, Ordering};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// `en`, `zh`, and the usual spellings of a locale (`zh_CN.UTF-8`, `zh-Hans`, `en_US`).
    pub fn parse(s: &str) -> Option<Lang> {
        from_locale(s)
    }

    /// The `lang` attribute of an HTML page in this language.
    pub fn html(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }
}

/// The language a locale name stands for: `zh`, `zh_CN.UTF-8`, `zh-TW`, `zh-Hans-CN`
/// are Chinese; `C`, `POSIX`, `en_US.UTF-8` and every other named locale English.
/// An empty name says nothing (POSIX: an empty variable is as if unset).
pub fn from_locale(name: &str) -> Option<Lang> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let lower = name.to_ascii_lowercase();
    let tag = lower.split(['_', '-', '.', '@']).next().unwrap_or("");
    Some(if tag == "zh" || tag == "chinese" {
        Lang::Zh
    } else {
        Lang::En
    })
}

/// The language of the environment: `var` reads an environment variable,
/// `system` asks the operating system (only where no variable is set).
pub fn detect(
    var: impl Fn(&str) -> Option<String>,
    system: impl FnOnce() -> Option<String>,
) -> Lang {
    for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(lang) = var(key).as_deref().and_then(from_locale) {
            return lang;
        }
    }
    system()
        .as_deref()
        .and_then(from_locale)
        .unwrap_or(Lang::En)
}

/// The user's language on Windows and macOS, where it lives in the system settings.
#[cfg(any(windows, target_os = "macos"))]
fn system_locale() -> Option<String> {
    sys_locale::get_locale()
}

/// Elsewhere the locale variables are the only source: none set means `C`.
#[cfg(not(any(windows, target_os = "macos")))]
fn system_locale() -> Option<String> {
    None
}

/// The language this process's environment asks for.
pub fn from_environment() -> Lang {
    detect(|k| std::env::var(k).ok(), system_locale)
}

const UNSET: u8 = 0;
static PROCESS: AtomicU8 = AtomicU8::new(UNSET);

thread_local! {
    static THREAD: Cell<Option<Lang>> = const { Cell::new(None) };
}

fn encode(lang: Lang) -> u8 {
    match lang {
        Lang::En => 1,
        Lang::Zh => 2,
    }
}

/// Set the language of the whole process (the command line does, once).
pub fn set(lang: Lang) {
    PROCESS.store(encode(lang), Ordering::Relaxed);
}

/// The current language: this thread's override, else the process's, else English
/// (a library caller that never chose one gets the texts it got before).
pub fn current() -> Lang {
    if let Some(lang) = THREAD.with(Cell::get) {
        return lang;
    }
    match PROCESS.load(Ordering::Relaxed) {
        2 => Lang::Zh,
        _ => Lang::En,
    }
}

/// Run `f` with `lang` as this thread's language (tests render both languages
/// side by side without touching the process's).
pub fn with<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let before = THREAD.with(|t| t.replace(Some(lang)));
    struct Restore(Option<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            THREAD.with(|t| t.set(self.0));
        }
    }
    let _restore = Restore(before);
    f()
}

/// The text of `key` in the current language.
pub fn text(key: &str) -> &'static str {
    text_in(current(), key)
}

/// The text of `key` in `lang`; a key missing there (a test forbids it) falls
/// back to English, then to the key itself.
pub fn text_in(lang: Lang, key: &str) -> &'static str {
    catalogue::get(lang, key, None)
        .or_else(|| catalogue::get(Lang::En, key, None))
        .unwrap_or_else(|| catalogue::leak_key(key))
}

/// The text of `key` for a count `n`: English keys may have `one` and `other` forms.
pub fn plural(key: &str, n: usize) -> &'static str {
    let lang = current();
    catalogue::get(lang, key, Some(n))
        .or_else(|| catalogue::get(Lang::En, key, Some(n)))
        .unwrap_or_else(|| catalogue::leak_key(key))
}

/// Replace each `{name}` in `template` by its value; `{{` and `}}` are braces.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        if let (true, Some(end)) = (tail.starts_with('{'), tail.find('}')) {
            let name = &tail[1..end];
            if let Some((_, value)) = args.iter().find(|(n, _)| *n == name) {
                out.push_str(&value.to_string());
                rest = &tail[end + 1..];
                continue;
            }
        }
        out.push_str(&tail[..1]);
        rest = &tail[1..];
    }
    out.push_str(rest);
    out
}

/// Every key of a language's catalogue (for the completeness test).
pub fn keys(lang: Lang) -> Vec<&'static str> {
    catalogue::keys(lang)
}

/// A severity as the interface names it (`error` / `错误`).
pub fn severity_name(s: crate::diagnostic::Severity) -> &'static str {
    use crate::diagnostic::Severity;
    text(match s {
        Severity::Error => "severity.error",
        Severity::Warning => "severity.warning",
        Severity::Info => "severity.info",
    })
}

/// A lint family as the interface names it (`numbering` / `编号`).
pub fn family_name(f: crate::meta::LintFamily) -> &'static str {
    use crate::meta::LintFamily;
    text(match f {
        LintFamily::Input => "family.input",
        LintFamily::Numbering => "family.numbering",
        LintFamily::Arithmetic => "family.arithmetic",
        LintFamily::Tables => "family.tables",
        LintFamily::Typo => "family.typo",
    })
}

/// Terminal columns a text takes (a Han character takes two).
pub fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// A plain-text table: every column but the last padded to its widest cell,
/// measured in terminal columns so that Chinese headers line up.
pub fn columns<const N: usize>(header: &[String; N], rows: &[[String; N]]) -> String {
    let mut widths = [0usize; N];
    for row in std::iter::once(header).chain(rows) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let mut out = String::new();
    for row in std::iter::once(header).chain(rows) {
        for (k, cell) in row.iter().enumerate() {
            out.push_str(cell);
            if k + 1 < N {
                out.extend(std::iter::repeat_n(' ', widths[k] - width(cell) + 2));
            }
        }
        out.push('\n');
    }
    out
}

/// A catalogue text, filled: `tr!("key")`, `tr!("key", name = value, …)`.
#[macro_export]
macro_rules! tr {
    ($key:literal) => {
        $crate::i18n::text($key).to_owned()
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::fill(
            $crate::i18n::text($key),
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+],
        )
    };
}

/// A catalogue text chosen by a count (`{n}` is the count): `trn!("key", n, …)`.
#[macro_export]
macro_rules! trn {
    ($key:literal, $n:expr $(, $name:ident = $value:expr)* $(,)?) => {{
        let n: usize = $n;
        $crate::i18n::fill(
            $crate::i18n::plural($key, n),
            &[("n", &n as &dyn ::std::fmt::Display) $(, (stringify!($name), &$value as &dyn ::std::fmt::Display))*],
        )
    }};
}

#[cfg(test)]
mod tests;
