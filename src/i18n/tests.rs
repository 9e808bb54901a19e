use super::*;
use std::collections::BTreeSet;

fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
    move |k| {
        pairs
            .iter()
            .find(|(name, _)| *name == k)
            .map(|(_, v)| (*v).to_owned())
    }
}

#[test]
fn the_locale_variables_decide_in_posix_order() {
    let none = || None;
    assert_eq!(detect(env(&[("LANG", "zh_CN.UTF-8")]), none), Lang::Zh);
    assert_eq!(detect(env(&[("LANG", "zh_TW.Big5")]), none), Lang::Zh);
    assert_eq!(detect(env(&[("LANG", "en_US.UTF-8")]), none), Lang::En);
    assert_eq!(detect(env(&[("LANG", "C.UTF-8")]), none), Lang::En);
    // LC_ALL over LC_MESSAGES over LANG; an empty one is as if unset.
    let v = [
        ("LC_ALL", "C"),
        ("LC_MESSAGES", "zh_CN.UTF-8"),
        ("LANG", "zh_CN.UTF-8"),
    ];
    assert_eq!(detect(env(&v), none), Lang::En);
    let v = [
        ("LC_ALL", ""),
        ("LC_MESSAGES", "zh_CN.UTF-8"),
        ("LANG", "en_GB.UTF-8"),
    ];
    assert_eq!(detect(env(&v), none), Lang::Zh);
}

#[test]
fn without_a_variable_the_system_decides_else_english() {
    // A CI container: nothing set, no system language.
    assert_eq!(detect(env(&[]), || None), Lang::En);
    // An office's Windows machine: no LANG, the system says zh-CN.
    assert_eq!(detect(env(&[]), || Some("zh-CN".to_owned())), Lang::Zh);
    assert_eq!(detect(env(&[]), || Some("zh-Hans-CN".to_owned())), Lang::Zh);
    assert_eq!(detect(env(&[]), || Some("en-US".to_owned())), Lang::En);
    // A set variable wins over the system (Git Bash on that machine sets LANG).
    let v = [("LANG", "en_US.UTF-8")];
    assert_eq!(detect(env(&v), || Some("zh-CN".to_owned())), Lang::En);
}

#[test]
fn fill_replaces_named_values_and_keeps_unknown_braces() {
    let n = 3;
    assert_eq!(fill("{n} 个文件", &[("n", &n)]), "3 个文件");
    assert_eq!(fill("{{x}} {n}{n}", &[("n", &n)]), "{x} 33");
    assert_eq!(fill("{missing} {", &[("n", &n)]), "{missing} {");
}

#[test]
fn plural_forms_follow_the_count_in_english_only() {
    with(Lang::En, || {
        assert_eq!(crate::trn!("summary.files", 1), "1 file");
        assert_eq!(crate::trn!("summary.files", 2), "2 files");
    });
    with(Lang::Zh, || {
        assert_eq!(crate::trn!("summary.files", 1), "1 个文件");
        assert_eq!(crate::trn!("summary.files", 2), "2 个文件");
    });
}

#[test]
fn both_catalogues_parse() {
    for lang in Lang::ALL {
        let parsed: Result<toml::Table, _> = toml::from_str(catalogue::source(lang));
        assert!(parsed.is_ok(), "{}.toml: {:?}", lang.code(), parsed.err());
    }
}

fn placeholders(text: &str) -> BTreeSet<String> {
    let re = regex::Regex::new(r"\{([a-z-]+)\}").expect("regex");
    re.captures_iter(&text.replace("{{", "").replace("}}", ""))
        .map(|c| c[1].to_owned())
        .collect()
}

#[test]
fn every_key_has_both_languages_and_the_same_placeholders() {
    let en: BTreeSet<&str> = keys(Lang::En).into_iter().collect();
    let zh: BTreeSet<&str> = keys(Lang::Zh).into_iter().collect();
    let only_en: Vec<_> = en.difference(&zh).collect();
    let only_zh: Vec<_> = zh.difference(&en).collect();
    assert!(
        only_en.is_empty(),
        "keys without a Chinese text: {only_en:?}"
    );
    assert!(
        only_zh.is_empty(),
        "keys without an English text: {only_zh:?}"
    );
    for key in &en {
        for n in [1, 2] {
            let a = catalogue::get(Lang::En, key, Some(n)).unwrap_or_default();
            let b = catalogue::get(Lang::Zh, key, Some(n)).unwrap_or_default();
            assert!(
                !a.trim().is_empty() && !b.trim().is_empty(),
                "{key} is empty"
            );
            // clap's template words are clap's, not ours to compare.
            if *key != "help.template" {
                assert_eq!(
                    placeholders(a),
                    placeholders(b),
                    "{key}: placeholders differ"
                );
            }
        }
    }
}

/// Every `.rs` file under `src/`.
fn sources(dir: &std::path::Path, out: &mut String) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push_str(&std::fs::read_to_string(&path).unwrap_or_default());
        }
    }
}

#[test]
fn every_key_is_used_and_every_used_key_exists() {
    let mut code = String::new();
    sources(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut code,
    );
    let help_keys = help::keys_used(&crate::cli::command());
    let keys = keys(Lang::En);
    let unused: Vec<&&str> = keys
        .iter()
        .filter(|k| {
            if k.starts_with("help.arg.") || k.starts_with("help.command.") {
                return !help_keys.iter().any(|h| h == *k);
            }
            let sub = k.strip_prefix("help.").and_then(|r| r.split_once('.'));
            if let Some((sub, _)) = sub.filter(|(s, _)| !["heading", "flag"].contains(s)) {
                if crate::cli::command().find_subcommand(sub).is_some() {
                    return !help_keys.iter().any(|h| h == *k);
                }
            }
            !code.contains(&format!("\"{k}\""))
        })
        .collect();
    assert!(unused.is_empty(), "catalogue keys no code uses: {unused:?}");
    let missing: Vec<&String> = help_keys
        .iter()
        .filter(|k| !keys.contains(&k.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "help texts missing from the catalogue: {missing:?}"
    );
    // Keys written in the code (tr!, trn!, text): each must exist.
    let used = regex::Regex::new(
        r#"(?:\btr!|\btrn!|\btext|text_in\(lang,|\bt)\(\s*"([a-z][a-z0-9.-]*\.[a-z0-9.-]+)""#,
    )
    .expect("regex");
    let unknown: Vec<String> = used
        .captures_iter(&code)
        .map(|c| c[1].to_owned())
        .filter(|k| !keys.contains(&k.as_str()))
        .collect();
    assert!(
        unknown.is_empty(),
        "keys used but not in the catalogue: {unknown:?}"
    );
}

#[test]
fn the_severity_and_family_words_differ_by_language() {
    use crate::diagnostic::Severity;
    let en = with(Lang::En, || severity_name(Severity::Warning));
    let zh = with(Lang::Zh, || severity_name(Severity::Warning));
    assert_eq!((en, zh), ("warning", "警告"));
}

#[test]
fn columns_line_up_by_terminal_width() {
    let header = ["代码".to_owned(), "说明".to_owned()];
    let rows = [["RL101".to_owned(), "x".to_owned()]];
    let t = columns(&header, &rows);
    let lines: Vec<&str> = t.lines().collect();
    assert_eq!(width(&lines[0][..lines[0].find('说').unwrap_or(0)]), 7);
    assert_eq!(lines[1].find('x'), Some(7));
}
