//! Inline suppression comments and `[[ignore]]` entries.

mod common;

fn codes(stdin_name: &str, text: &str, config: Option<&str>) -> Vec<(String, u64)> {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut cmd = common::reportlint();
    cmd.current_dir(dir.path());
    match config {
        Some(c) => {
            std::fs::write(dir.path().join("reportlint.toml"), c).expect("config");
        }
        None => {
            cmd.arg("--isolated");
        }
    }
    let out = cmd
        .args(["--format", "json", "--stdin-filename", stdin_name, "-"])
        .write_stdin(text.to_owned())
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    v["findings"]
        .as_array()
        .expect("array")
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap_or("").to_owned(),
                f["line"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

const DUP: &str = "一、甲\n二、乙\n二、丙\n";

#[test]
fn next_line_hides_one_finding_and_unused_ones_are_reported() {
    assert_eq!(codes("a.txt", DUP, None), vec![("RL101".to_owned(), 3)]);
    let text = "一、甲\n二、乙\nreportlint-disable-next-line RL101\n\n二、丙\n";
    assert_eq!(codes("a.txt", text, None), vec![]);
    let text = "reportlint-disable-next-line numbering-gap\n一、甲\n二、乙\n二、丙\n";
    assert_eq!(
        codes("a.txt", text, None),
        vec![("RL002".to_owned(), 1), ("RL101".to_owned(), 4)]
    );
}

#[test]
fn ranges_hide_what_is_between() {
    let text = "reportlint-disable RL101\n一、甲\n二、乙\n二、丙\nreportlint-enable RL101\n三、丁\n三、戊\n";
    assert_eq!(codes("a.txt", text, None), vec![("RL101".to_owned(), 7)]);
}

#[test]
fn markdown_uses_html_comments_and_unknown_codes_are_reported() {
    let md = "## 一、甲\n\n## 二、乙\n\n<!-- reportlint-disable-next-line RL101 -->\n## 二、丙\n";
    assert_eq!(codes("a.md", md, None), vec![]);
    let md = "<!-- reportlint-disable RL9 -->\n\n正文。\n";
    let found = codes("a.md", md, None);
    assert!(found.contains(&("RL002".to_owned(), 1)), "{found:?}");
}

#[test]
fn config_ignore_entries_match_path_code_and_text() {
    let cfg = "[[ignore]]\nfiles = [\"old/**\"]\ncodes = [\"RL101\"]\n";
    assert_eq!(codes("old/a.txt", DUP, Some(cfg)), vec![]);
    assert_eq!(
        codes("new/a.txt", DUP, Some(cfg)),
        vec![("RL101".to_owned(), 3)]
    );
    let cfg = "[[ignore]]\ncodes = [\"numbering-duplicate\"]\nsnippet = \"三、\"\n";
    assert_eq!(
        codes("a.txt", DUP, Some(cfg)),
        vec![("RL101".to_owned(), 3)]
    );
}
