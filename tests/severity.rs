//! One severity per lint: what `list`, `init`, `explain` and docs/lints.md say
//! is what every finding of the lint carries, on every lint's fixtures.

mod common;

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::path::Path;

fn reportlint() -> Command {
    common::reportlint()
}

fn stdout(args: &[&str]) -> String {
    let out = reportlint().args(args).output().expect("runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn list_init_explain_docs_and_findings_agree_on_each_lints_severity() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let listed: serde_json::Value =
        serde_json::from_str(&stdout(&["list", "--format", "json"])).expect("json");
    let mut severity: BTreeMap<String, String> = BTreeMap::new();
    for l in listed.as_array().expect("lints") {
        let (code, name, sev) = (
            l["code"].as_str().unwrap_or(""),
            l["name"].as_str().unwrap_or(""),
            l["severity"].as_str().unwrap_or(""),
        );
        severity.insert(code.to_owned(), sev.to_owned());

        let explained = stdout(&["explain", code]);
        assert!(
            explained.contains(&format!("Default severity: {sev} ")),
            "{code}: {explained}"
        );
        let human = stdout(&["list"]);
        assert!(
            human
                .lines()
                .any(|line| line.starts_with(code) && line.split_whitespace().nth(3) == Some(sev)),
            "{code}: {human}"
        );
        let dir = tempfile::tempdir().expect("tempdir");
        reportlint()
            .current_dir(dir.path())
            .arg("init")
            .assert()
            .success();
        let template = std::fs::read_to_string(dir.path().join("reportlint.toml")).expect("init");
        let block = template
            .split(&format!("# [lints.{name}]"))
            .nth(1)
            .unwrap_or_else(|| panic!("{name} not in the template"));
        let first_severity = block.lines().find(|l| l.starts_with("# severity"));
        assert_eq!(
            first_severity,
            Some(format!("# severity = \"{sev}\"").as_str()),
            "{name}"
        );
        let docs = std::fs::read_to_string(root.join("docs/lints.md")).expect("docs");
        assert!(
            docs.lines()
                .any(|row| row.starts_with(&format!("| {code} |"))
                    && row.contains(&format!("| {sev} |"))),
            "{code} in docs/lints.md"
        );
    }
    // Every finding on every lint's fixtures carries its lint's severity.
    let out = reportlint()
        .current_dir(root)
        .args(["--isolated", "--format", "json", "fixtures/"])
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let findings = v["findings"].as_array().expect("findings");
    assert!(findings.len() > 50, "{v:#}");
    let mut codes_seen = std::collections::BTreeSet::new();
    for f in findings {
        let code = f["code"].as_str().unwrap_or("");
        codes_seen.insert(code);
        assert_eq!(
            f["severity"].as_str(),
            severity.get(code).map(String::as_str),
            "{f:#}"
        );
    }
    assert!(codes_seen.len() >= severity.len() - 3, "{codes_seen:?}");
}
