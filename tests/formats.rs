//! Machine formats: SARIF (validated against the official 2.1.0 schema), GitHub
//! workflow commands, reviewdog rdjson, GitLab Code Quality, statistics.

mod common;

const REPORT: &str = "一、甲\n正文。\n二、乙\n正文。\n二、丙,有逗号:和冒号\n正文。\n三、丁\n1.子\n2.子\n四、戊\n1、子\n";

fn run(format: &str) -> String {
    let out = common::reportlint()
        .args([
            "--isolated",
            "--select",
            "numbering",
            "--format",
            format,
            "--stdin-filename",
            "reports/q1 报告.txt",
            "-",
        ])
        .write_stdin(REPORT)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let sarif: serde_json::Value = serde_json::from_str(&run("sarif")).expect("json");
    let schema_path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/sarif-2.1.0-rtm.5.json"
    );
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).expect("schema shipped"))
            .expect("schema json");
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler
        .add_resource("sarif.json", schema)
        .expect("schema added");
    let index = compiler
        .compile("sarif.json", &mut schemas)
        .expect("schema compiles");
    if let Err(e) = schemas.validate(&sarif, index) {
        panic!("SARIF does not validate: {e:#}");
    }
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    assert_eq!(results.len(), 2);
    let dup = &results[0];
    assert_eq!(dup["ruleId"], "RL101");
    assert_eq!(dup["level"], "error");
    let region = &dup["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 5);
    assert_eq!(region["startColumn"], 1);
    assert_eq!(
        region["charOffset"],
        REPORT[..REPORT.find("二、丙").unwrap_or(0)].chars().count()
    );
    assert_eq!(region["charLength"], 2);
    assert_eq!(
        dup["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "reports/q1%20%E6%8A%A5%E5%91%8A.txt"
    );
    assert_eq!(dup["relatedLocations"][0]["message"]["text"], "上一项");
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    assert!(rules
        .iter()
        .any(|r| r["id"] == "RL101" && r["name"] == "numbering-duplicate"));
}

#[test]
fn github_annotations_follow_the_workflow_command_syntax() {
    let out = run("github");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].starts_with("::error file=reports/q1 报告.txt,line=5,col=1,endLine=5,endColumn=3,title=RL101 numbering-duplicate::"),
        "{}",
        lines[0]
    );
    assert!(lines[1].starts_with("::warning file="), "{}", lines[1]);
    for l in lines {
        let props = &l[..l[2..].find("::").map_or(l.len(), |i| i + 2)];
        assert!(!props["::warning".len()..].contains("%0A"), "{l}");
        assert!(!l.contains('\n'));
    }
}

#[test]
fn rdjson_and_gitlab_are_well_formed() {
    let rd: serde_json::Value = serde_json::from_str(&run("rdjson")).expect("json");
    let d = &rd["diagnostics"][0];
    assert_eq!(d["code"]["value"], "RL101");
    assert_eq!(d["severity"], "ERROR");
    assert_eq!(
        d["location"]["range"]["start"],
        serde_json::json!({"line": 5, "column": 1})
    );
    // Columns are UTF-8 bytes: 二、 is six bytes.
    assert_eq!(
        d["location"]["range"]["end"],
        serde_json::json!({"line": 5, "column": 7})
    );

    let gl: serde_json::Value = serde_json::from_str(&run("gitlab")).expect("json");
    let issues = gl.as_array().expect("array");
    assert_eq!(issues.len(), 2);
    assert_eq!(issues[0]["location"]["lines"]["begin"], 5);
    assert_eq!(issues[0]["severity"], "major");
    assert_ne!(issues[0]["fingerprint"], issues[1]["fingerprint"]);
}

#[test]
fn statistics_count_per_lint() {
    let out = common::reportlint()
        .args(["--isolated", "--statistics", "-"])
        .write_stdin(REPORT)
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("1  RL101  numbering-duplicate"), "{text}");
    assert!(text.contains("1  RL104  numbering-mixed-style"), "{text}");
}
