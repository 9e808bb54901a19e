//! The interface in both languages, pinned as snapshots: `--help`, `list`,
//! `explain RL201`, a run's summary and the HTML review page are Chinese under a
//! Chinese locale (`LANG=zh_CN.UTF-8`) and English with `--lang en` under that
//! same locale (the option wins over the environment).

mod common;

use assert_cmd::Command;
use regex::Regex;

/// The two ways a user gets a language: the locale, or `--lang en` over it.
const LANGUAGES: [(&str, &[&str]); 2] = [("zh", &[]), ("en", &["--lang", "en"])];

/// The binary under a Chinese locale, from the repository, at a fixed width.
fn reportlint(lang_args: &[&str]) -> Command {
    let mut c = common::reportlint();
    c.current_dir(common::repo())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "zh_CN.UTF-8")
        .env("COLUMNS", "100")
        .env_remove("NO_COLOR")
        .args(lang_args);
    c
}

fn stdout(c: &mut Command) -> String {
    let out = c.output().expect("runs");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Han characters in a text: a Chinese text has many, an English one none
/// outside the Chinese it quotes.
fn han(s: &str) -> usize {
    s.chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .count()
}

#[test]
fn help_in_both_languages() {
    for (lang, args) in LANGUAGES {
        let text = stdout(reportlint(args).arg("--help"));
        assert!(text.contains("--format"), "{text}");
        if lang == "zh" {
            assert!(text.contains("用法：") && text.contains("选项："), "{text}");
            assert!(
                !text.contains("Usage") && !text.contains("Options"),
                "{text}"
            );
        } else {
            assert!(
                text.contains("Usage") && text.contains("Options:"),
                "{text}"
            );
            assert_eq!(han(&text), 0, "{text}");
        }
        insta::assert_snapshot!(format!("help-{lang}"), text);
    }
}

#[test]
fn list_in_both_languages() {
    for (lang, args) in LANGUAGES {
        let text = stdout(reportlint(args).arg("list"));
        // Every lint is listed, by code and name, in both.
        for reg in reportlint::lints::registry() {
            assert!(text.contains(reg.meta.code) && text.contains(reg.meta.name));
        }
        if lang == "zh" {
            assert!(text.contains("类别") && text.contains("计算"), "{text}");
        } else {
            assert!(text.contains("family") || text.contains("FAMILY"), "{text}");
        }
        insta::assert_snapshot!(format!("list-{lang}"), text);
    }
}

#[test]
fn explain_rl201_in_both_languages() {
    for (lang, args) in LANGUAGES {
        let text = stdout(reportlint(args).args(["explain", "RL201"]));
        assert!(text.contains("RL201") && text.contains("rate-mismatch"));
        if lang == "zh" {
            assert!(
                text.contains("## 作用") && text.contains("## 示例"),
                "{text}"
            );
        } else {
            assert!(text.contains("## What it does"), "{text}");
        }
        insta::assert_snapshot!(format!("explain-RL201-{lang}"), text);
    }
}

#[test]
fn a_runs_summary_in_both_languages() {
    let inputs = [
        "fixtures/rate-mismatch/bad.txt",
        "fixtures/numbering-gap/good.txt",
        "fixtures/stray-whitespace/good.txt",
    ];
    let mut summaries = Vec::new();
    for (lang, args) in LANGUAGES {
        let text = stdout(
            reportlint(args)
                .args(["--isolated", "--no-color"])
                .args(inputs),
        );
        let last = text.lines().last().unwrap_or("").to_owned();
        if lang == "zh" {
            assert!(last.starts_with("3 个文件，"), "{last}");
        } else {
            assert!(last.starts_with("3 files, "), "{last}");
        }
        summaries.push(format!("{lang}: {last}"));
    }
    insta::assert_snapshot!("summary", summaries.join("\n"));
}

/// The page's own texts: the style and script (the same in both) and the
/// report's text (not ours) left out.
fn page_texts(page: &str) -> String {
    let style = Regex::new(r"(?s)<style>.*?</style>").expect("regex");
    let script = Regex::new(r"(?s)<script[^>]*>.*?</script>").expect("regex");
    let csp = Regex::new(r#"'sha256-[^']*'"#).expect("regex");
    let page = style.replace_all(page, "<style>…</style>");
    let page = script.replace_all(&page, "<script>…</script>");
    csp.replace_all(&page, "'sha256-…'").into_owned()
}

#[test]
fn the_review_page_in_both_languages() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (lang, args) in LANGUAGES {
        let page = dir.path().join(format!("{lang}.html"));
        let out = reportlint(args)
            .args(["--isolated", "--format", "html", "--output"])
            .arg(&page)
            .args([
                "fixtures/numbering-duplicate/bad.txt",
                "fixtures/numbering-gap/good.txt",
            ])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1));
        let html = std::fs::read_to_string(&page).expect("page");
        let html_lang = if lang == "zh" { "zh-CN" } else { "en" };
        assert!(
            html.contains(&format!("<html lang=\"{html_lang}\"")),
            "{lang}"
        );
        if lang == "zh" {
            assert!(html.contains("reportlint 审阅"));
        } else {
            assert!(html.contains("reportlint review"));
            assert!(!html.contains("审阅"));
        }
        insta::assert_snapshot!(format!("html-{lang}"), page_texts(&html));
    }
}
