//! The release setup: a small binary, every target of the matrix, actions pinned
//! by commit, inputs never spliced into a shell, the install section first.

use std::path::Path;

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The lines of a `[section]` of a TOML file.
fn section<'a>(toml: &'a str, name: &str) -> Vec<&'a str> {
    toml.lines()
        .skip_while(|l| l.trim() != format!("[{name}]"))
        .skip(1)
        .take_while(|l| !l.starts_with('['))
        .collect()
}

#[test]
fn the_release_binary_is_small_and_built_locked_for_every_platform() {
    let cargo = read("Cargo.toml");
    let release = section(&cargo, "profile.release");
    assert!(
        !release.iter().any(|l| l.starts_with("debug")),
        "{release:?}"
    );
    assert!(release.contains(&"strip = true"), "{release:?}");
    let script = read("scripts/release-build.sh");
    assert!(
        script.contains("cargo build --locked --profile dist"),
        "{script}"
    );
    let workflow = read(".github/workflows/release.yml");
    assert!(workflow.contains("tags: [\"v[0-9]+.[0-9]+.[0-9]+*\"]"));
    for target in [
        "x86_64-unknown-linux-musl",
        "aarch64-unknown-linux-musl",
        "x86_64-apple-darwin",
        "aarch64-apple-darwin",
        "x86_64-pc-windows-msvc",
    ] {
        assert!(workflow.contains(&format!("target: {target},")), "{target}");
    }
    assert!(workflow.contains("bash scripts/release-build.sh \"$TARGET\" dist"));
    assert!(workflow.contains("SHA256SUMS"));
}

#[test]
fn actions_are_pinned_and_inputs_reach_scripts_through_the_environment() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("action.yml")];
    for e in std::fs::read_dir(root.join(".github/workflows")).expect("workflows") {
        files.push(e.expect("entry").path());
    }
    for f in &files {
        let text = std::fs::read_to_string(f).expect("read");
        for line in text.lines().map(str::trim) {
            let Some(used) = line
                .strip_prefix("- uses: ")
                .or(line.strip_prefix("uses: "))
            else {
                continue;
            };
            if used.starts_with("./") {
                continue;
            }
            let rev = used.split('@').nth(1).unwrap_or("");
            let sha = rev.split_whitespace().next().unwrap_or("");
            assert!(
                sha.len() == 40 && sha.chars().all(|c| c.is_ascii_hexdigit()),
                "{}: `{used}` is not pinned to a commit",
                f.display()
            );
        }
        // No `${{ … }}` inside a shell command: expressions go through `env:`.
        let mut in_run = false;
        for line in text.lines() {
            let t = line.trim_start();
            if t.starts_with("run:") {
                in_run = true;
                assert!(!t.contains("${{"), "{}: {line}", f.display());
                continue;
            }
            if in_run && !line.starts_with("          ") && !t.is_empty() {
                in_run = false;
            }
            if in_run {
                assert!(!t.contains("${{"), "{}: {line}", f.display());
            }
        }
    }
    let action = read("action.yml");
    assert!(action.contains("upload-sarif:\n    description"));
    assert!(
        action.contains("default: \"false\""),
        "SARIF upload is opt-in"
    );
}

#[test]
fn the_readme_starts_with_install_and_the_hooks_take_every_input_type() {
    // The Chinese README and its English twin.
    for (file, heading) in [("README.md", "## 安装"), ("README.en.md", "## Install")] {
        let readme = read(file);
        let first = readme
            .lines()
            .find(|l| l.starts_with("## "))
            .unwrap_or_default();
        assert_eq!(first, heading, "{file}");
        let install: String = readme
            .split(heading)
            .nth(1)
            .and_then(|s| s.split("\n## ").next())
            .unwrap_or_default()
            .to_owned();
        for wanted in [
            "install.sh",
            "cargo install --locked",
            "rev: v",
            "pip install reportlint",
        ] {
            assert!(install.contains(wanted), "{file}: {wanted}");
        }
        // Both name the tests command CI runs.
        let ci = read(".ci/run");
        assert!(ci.contains("\ncargo test --locked\n"), ".ci/run");
        assert!(readme.contains("\n    cargo test --locked\n"), "{file}");
        assert!(
            readme.contains("\n    cargo run --release -- fixtures/\n"),
            "{file}"
        );
    }
    let hooks = read(".pre-commit-hooks.yaml");
    let files = r"files: (?i)\.(txt|text|md|markdown|docx|csv|tsv|pdf)$";
    assert_eq!(hooks.matches(files).count(), 2, "{hooks}");
    // identify has no type tag for .docx: a `types_or` of text tags would drop it.
    assert_eq!(hooks.matches("types: [file]").count(), 2, "{hooks}");
    assert_eq!(hooks.matches("args: [--force-exclude]").count(), 2);
    assert!(read("CHANGELOG.md").starts_with("# Changelog"));
}
