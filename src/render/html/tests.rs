use super::*;
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

#[test]
fn ranking_puts_errors_first_then_warnings_then_infos_then_names() {
    let e1 = [finding("RL101", Severity::Error, 0, 1)];
    let w2 = [
        finding("RL101", Severity::Warning, 0, 1),
        finding("RL101", Severity::Warning, 1, 2),
    ];
    let w1i5: Vec<Reported> = std::iter::once(finding("RL101", Severity::Warning, 0, 1))
        .chain((0..5).map(|k| finding("RL101", Severity::Info, k, k + 1)))
        .collect();
    let input = |name, findings| Input {
        name,
        text: "abcdef",
        findings,
    };
    let reports = [
        input("clean.txt", &[][..]),
        input("b-w1i5.txt", &w1i5[..]),
        input("w2.txt", &w2[..]),
        input("e1.txt", &e1[..]),
        input("a-w1i5.txt", &w1i5[..]),
    ];
    let families = HashMap::new();
    let counts: Vec<Counts> = reports
        .iter()
        .map(|r| Counts::of(r.findings, &families))
        .collect();
    let names: Vec<&str> = ranking(&reports, &counts)
        .into_iter()
        .map(|i| reports[i].name)
        .collect();
    assert_eq!(
        names,
        ["e1.txt", "w2.txt", "a-w1i5.txt", "b-w1i5.txt", "clean.txt"]
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
