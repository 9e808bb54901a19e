use super::*;
use crate::i18n;
use crate::render::{Position, ReportedLabel};

fn at(start: usize, end: usize) -> Position {
    Position {
        line: 1,
        column: start + 1,
        end_line: 1,
        end_column: end + 1,
        byte_start: start,
        byte_end: end,
        char_start: start,
        char_end: end,
        byte_column: start + 1,
        end_byte_column: end + 1,
    }
}

fn finding(code: &'static str, severity: Severity, start: usize, end: usize) -> Reported {
    Reported {
        path: "r.txt".into(),
        code,
        lint: "numbering-duplicate",
        severity,
        message: format!("{code} {severity:?} at {start}"),
        at: at(start, end),
        snippet: String::new(),
        labels: Vec::new(),
        help: None,
        fix: None,
        location: None,
        fingerprint: format!("{code}{start}"),
    }
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn escape_covers_markup_and_quotes() {
    assert_eq!(
        escape(r#"<script>alert(1)</script>"><img onerror='x'>&"#),
        "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img onerror=&#39;x&#39;&gt;&amp;"
    );
    assert_eq!(escape("a\u{0}b\tc"), "a\u{fffd}b\tc");
}

#[test]
fn report_text_messages_and_names_never_reach_the_page_as_markup() {
    let evil = "<script>document.title='pwned'</script>\"><img src=x onerror=alert(1)>";
    let text = format!("一、{evil}\n");
    let mut f = finding("RL101", Severity::Error, 0, text.len() - 1);
    f.message = evil.to_owned();
    f.help = Some(evil.to_owned());
    f.snippet = evil.to_owned();
    f.labels.push(ReportedLabel {
        message: evil.to_owned(),
        at: at(0, 3),
        location: None,
    });
    let findings = [f];
    let page = render(&[Input {
        name: evil,
        text: &text,
        findings: &findings,
    }]);
    assert_eq!(count(&page, "<script"), 1, "only the page's own script");
    assert!(!page.contains("<img"));
    assert!(!page.contains("onerror=alert(1)>"));
    assert!(page.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"));
}

fn names_in_order<'a>(reports: &[Input<'a>]) -> Vec<&'a str> {
    rank(reports, &families())
        .2
        .into_iter()
        .map(|i| reports[i].name)
        .collect()
}

fn on(code: &'static str, severity: Severity, start: usize, snippet: &str) -> Reported {
    let mut f = finding(code, severity, start, start + 1);
    f.snippet = snippet.to_owned();
    f
}

#[test]
fn a_wrong_rate_or_duplicated_section_outranks_a_run_of_one_artefact() {
    // 17 errors, all one repeated caption; and many distinct typos.
    let caption: Vec<Reported> = (0..17)
        .map(|k| on("RL302", Severity::Error, k, "图为现场照片图为现场照片"))
        .collect();
    let typos: Vec<Reported> = (0..40)
        .map(|k| on("RL306", Severity::Error, k, &format!("错{k}")))
        .collect();
    let rate = [on("RL201", Severity::Error, 0, "100%")];
    let section = [on("RL101", Severity::Error, 0, "六、")];
    let rate_warning = [on("RL201", Severity::Warning, 0, "97%")];
    let input = |name, findings| Input {
        name,
        text: "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnop",
        findings,
    };
    let reports = [
        input("caption.txt", &caption[..]),
        input("typos.txt", &typos[..]),
        input("rate.txt", &rate[..]),
        input("section.txt", &section[..]),
        input("rate-warning.txt", &rate_warning[..]),
        input("clean.txt", &[][..]),
    ];
    let names = names_in_order(&reports);
    assert_eq!(
        names,
        [
            "rate.txt",
            "section.txt",
            "rate-warning.txt",
            "typos.txt",
            "caption.txt",
            "clean.txt"
        ]
    );
    // The page's table follows the same order.
    let page = render(&reports);
    let rows: Vec<usize> = names
        .iter()
        .map(|n| {
            page.find(&format!("data-path=\"{n}\""))
                .expect("a row per report")
        })
        .collect();
    assert!(rows.windows(2).all(|w| w[0] < w[1]), "{names:?}");
}

#[test]
fn equal_scores_rank_by_severity_counts_then_name() {
    let w = [on("RL401", Severity::Warning, 0, "x")];
    let e = [on("RL401", Severity::Error, 0, "x")];
    let input = |name, findings| Input {
        name,
        text: "abc",
        findings,
    };
    // An unknown code weighs as little as an input note; errors still lead.
    let reports = [
        input("b.txt", &w[..]),
        input("a.txt", &w[..]),
        input("c.txt", &e[..]),
    ];
    assert_eq!(names_in_order(&reports), ["c.txt", "a.txt", "b.txt"]);
}

#[test]
fn one_artefact_is_one_side_list_line_with_its_count() {
    let text = "，，甲，，乙，，丙\n";
    let findings: Vec<Reported> = [0, 9, 18]
        .iter()
        .map(|&k| {
            let mut f = on("RL303", Severity::Error, k, "，，");
            f.at = at(k, k + 6);
            f.fix = Some(crate::render::ReportedFix {
                byte_start: k + 3,
                byte_end: k + 6,
                replacement: String::new(),
                char_start: 0,
                char_end: 0,
            });
            f
        })
        .collect();
    let groups = triage::groups(&findings);
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].members, [0, 1, 2]);
    let page = i18n::with(i18n::Lang::Zh, || {
        render(&[Input {
            name: "r.txt",
            text,
            findings: &findings,
        }])
    });
    assert_eq!(count(&page, "<span class=\"cnt\""), 1);
    assert!(page.contains(">×3</span>"));
    assert_eq!(count(&page, "class=\"fi sev-error rep\""), 2);
    assert!(page.contains("另外 2 处"));
    // A deletion names what it deletes.
    assert!(page.contains("删去「，」"), "deletion shown as 删去「X」");
    assert!(!page.contains("「」"));
}

#[test]
fn paths_are_shown_relative_to_their_common_folder() {
    let names = [
        "/srv/reports/2023/a.txt",
        "/srv/reports/2023/q1/b.txt",
        "/srv/reports/2023/c.txt",
    ];
    assert_eq!(
        triage::common_prefix(names.iter().copied()),
        "/srv/reports/2023/"
    );
    assert_eq!(triage::common_prefix(["a.txt", "d/b.txt"].into_iter()), "");
    assert_eq!(
        triage::common_prefix(["d/a.txt", "dd/b.txt"].into_iter()),
        ""
    );
    let page = render(
        &names
            .iter()
            .map(|&name| Input {
                name,
                text: "",
                findings: &[],
            })
            .collect::<Vec<_>>(),
    );
    assert!(page.contains(">q1/b.txt</a>"), "relative name shown");
    assert!(
        page.contains("data-path=\"/srv/reports/2023/q1/b.txt\""),
        "full path kept"
    );
}

#[test]
fn the_page_speaks_the_interface_language() {
    let findings = [on("RL101", Severity::Error, 0, "六、")];
    let reports = [Input {
        name: "r.txt",
        text: "六、甲",
        findings: &findings,
    }];
    let zh = i18n::with(i18n::Lang::Zh, || render(&reports));
    let en = i18n::with(i18n::Lang::En, || render(&reports));
    assert!(zh.contains("<html lang=\"zh-CN\">") && en.contains("<html lang=\"en\">"));
    assert!(zh.contains("报告，按问题轻重排列") && zh.contains("各规则的结果数"));
    assert!(en.contains("Reports, what matters most first") && en.contains("Findings per lint"));
    assert!(!zh.contains("Findings per lint"));
}

#[test]
fn counts_go_by_severity_and_family() {
    let findings = [
        finding("RL101", Severity::Error, 0, 1),
        finding("RL001", Severity::Warning, 0, 1),
        finding("RL101", Severity::Info, 0, 1),
    ];
    let families: HashMap<&str, LintFamily> = [
        ("RL101", LintFamily::Numbering),
        ("RL001", LintFamily::Input),
    ]
    .into_iter()
    .collect();
    let c = Counts::of(&findings, &families);
    assert_eq!(c.severity, [1, 1, 1]);
    assert_eq!(c.family, [1, 2, 0, 0, 0]);
}

#[test]
fn overlapping_and_identical_spans_each_get_one_focusable_highlight() {
    let text = "一、甲乙丙\n二、丁戊己\n";
    // nested, identical, crossing, across a line break, empty.
    let findings = [
        finding("RL101", Severity::Error, 0, 15),
        finding("RL101", Severity::Warning, 6, 9),
        finding("RL101", Severity::Info, 6, 9),
        finding("RL101", Severity::Error, 9, 22),
        finding("RL101", Severity::Warning, 3, 3),
    ];
    let page = render(&[Input {
        name: "r.txt",
        text,
        findings: &findings,
    }]);
    assert_eq!(count(&page, " data-head "), findings.len());
    assert_eq!(count(&page, "tabindex=\"0\""), findings.len());
    for (n, f) in findings.iter().enumerate() {
        assert_eq!(count(&page, &format!("id=\"f{n}\"")), 1);
        // The message is in the page, in the side list, once.
        assert_eq!(count(&page, &format!(">{}<", f.message)), 1);
    }
    // Every `<mark` is closed, so the nesting is well formed.
    assert_eq!(count(&page, "<mark "), count(&page, "</mark>"));
    // The span across the line break is drawn on both lines.
    assert_eq!(count(&page, "<mark class=\"hl sev-error\" data-f=\"3\""), 2);
}

#[test]
fn labels_are_marked_and_carry_their_message() {
    let text = "一、甲\n一、乙\n";
    let mut f = finding("RL101", Severity::Error, 10, 16);
    f.labels.push(ReportedLabel {
        message: "上一项".into(),
        at: at(0, 6),
        location: None,
    });
    let findings = [f];
    let page = render(&[Input {
        name: "r.txt",
        text,
        findings: &findings,
    }]);
    assert!(page.contains("<span class=\"lbl\" data-l=\"0\">一、</span>"));
    assert!(page.contains("<span class=\"lend\" data-l=\"0\" data-msg=\"上一项\"></span>"));
}

#[test]
fn the_script_never_parses_markup_or_code() {
    for sink in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
        "createContextualFragment",
        "DOMParser",
    ] {
        assert!(!JS.contains(sink), "page.js uses {sink}");
    }
    assert!(!JS.contains("</"), "page.js would end its own <script>");
}

#[test]
fn a_pdf_or_word_finding_shows_where_it_is_in_the_original_file() {
    let text = "一、总体情况\n";
    let place = |s: &str| crate::input::location::Place {
        page: Some(3),
        page_line: Some(12),
        text: s.to_owned(),
        ..Default::default()
    };
    let mut f = finding("RL101", Severity::Error, 0, 6);
    f.location = Some(place("第3页第12行"));
    f.labels.push(ReportedLabel {
        message: "重复的编号".into(),
        at: at(0, 3),
        location: Some(place("第3页<第12行>")),
    });
    let findings = [f];
    let page = render(&[Input {
        name: "r.pdf",
        text,
        findings: &findings,
    }]);
    assert!(page.contains("<span class=\"at place\">第3页第12行</span>"));
    assert!(page.contains("<span class=\"at place\">第3页&lt;第12行&gt;</span>"));
    let plain = [finding("RL101", Severity::Error, 0, 6)];
    let page = render(&[Input {
        name: "r.txt",
        text,
        findings: &plain,
    }]);
    assert!(
        !page.contains("class=\"at place\""),
        "a text file has no other place"
    );
}
