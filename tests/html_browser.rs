//! The HTML review page in a real browser: Debian's chromium, headless, run on the
//! page generated from `fixtures/` plus a report full of markup
//! (`tests/data/html/script.txt`). Without chromium the tests are skipped, unless
//! `CI` is set: CI must install it.

mod common;

use regex::Regex;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

const SCRIPT_REPORT: &str = "tests/data/html/script.txt";

/// Whether this is a CI run (`CI` set to anything but empty, `0` or `false`, as
/// CI services and `.ci/run` set it): there the browser is required.
fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false"))
}

fn chromium() -> Option<PathBuf> {
    let found = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_file());
    if found.is_none() {
        assert!(
            !in_ci(),
            "chromium is not installed at /usr/bin/chromium or /usr/bin/chromium-browser; \
             CI must install it (apt-get install -y chromium fonts-noto-cjk; .ci/run does)"
        );
        eprintln!(
            "SKIPPED: the browser test needs chromium, which is not installed \
             (apt-get install chromium fonts-noto-cjk); with CI=true its absence is a failure"
        );
    }
    found
}

/// The page (English and Chinese) and the JSON findings for the same inputs, generated once.
struct Generated {
    _dir: tempfile::TempDir,
    page: PathBuf,
    zh_page: PathBuf,
    findings: Vec<serde_json::Value>,
}

fn generated() -> &'static Generated {
    static PAGE: OnceLock<Generated> = OnceLock::new();
    PAGE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let page = dir.path().join("review.html");
        let zh_page = dir.path().join("review-zh.html");
        for (lang, path) in [("en", &page), ("zh", &zh_page)] {
            let status = common::reportlint()
                .current_dir(common::repo())
                .args(["--lang", lang, "--isolated", "--format", "html", "--output"])
                .arg(path)
                .args(["fixtures/", SCRIPT_REPORT])
                .output()
                .expect("reportlint runs");
            assert_eq!(status.status.code(), Some(1), "findings expected");
        }
        let json = common::reportlint()
            .current_dir(common::repo())
            .args(["--isolated", "--format", "json", "fixtures/", SCRIPT_REPORT])
            .output()
            .expect("reportlint runs");
        let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json output");
        let findings = value["findings"].as_array().expect("findings").clone();
        Generated {
            _dir: dir,
            page,
            zh_page,
            findings,
        }
    })
}

fn url(page: &Path, hash: &str) -> String {
    format!("file://{}{hash}", page.display())
}

/// Run chromium headless with the given extra arguments; return its stdout.
fn run_chromium(bin: &Path, extra: &[String]) -> String {
    // One browser at a time: the machines running the tests are small.
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
    let _guard = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let profile = tempfile::tempdir().expect("profile dir");
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--virtual-time-budget=2000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let stdout = child.stdout.take().expect("piped stdout");
    let reader = std::thread::spawn(move || std::io::read_to_string(stdout).unwrap_or_default());
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(50)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("chromium did not finish in time");
            }
        }
    }
    reader.join().unwrap_or_default()
}

/// The DOM after the page's script ran, with `hash` in the URL.
fn dom(bin: &Path, hash: &str) -> String {
    let out = run_chromium(
        bin,
        &["--dump-dom".to_owned(), url(&generated().page, hash)],
    );
    let html_tag = out.split('>').nth(1).unwrap_or("");
    assert!(
        html_tag.contains(" data-ready=\"\""),
        "the page's script did not run:\n{}",
        out.chars().take(2000).collect::<String>()
    );
    out
}

/// Text as chromium serializes it in element content.
fn serialized_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\u{a0}', "&nbsp;")
}

/// Every finding in the side lists: (attributes of the `<li>`, its inner HTML).
fn side_items(dom: &str) -> Vec<(String, String)> {
    let re = Regex::new(r#"(?s)<li (class="fi [^>]*)>(.*?)</li>\n"#).expect("regex");
    re.captures_iter(dom)
        .map(|c| (c[1].to_owned(), c[2].to_owned()))
        .collect()
}

fn attr<'a>(attrs: &'a str, name: &str) -> &'a str {
    let key = format!("{name}=\"");
    attrs
        .find(&key)
        .map(|i| &attrs[i + key.len()..])
        .and_then(|rest| rest.split('"').next())
        .unwrap_or("")
}

#[test]
fn every_finding_has_one_highlight_and_its_message_in_the_dom() {
    let Some(bin) = chromium() else { return };
    let dom = dom(&bin, "");
    let findings = &generated().findings;
    assert!(findings.len() > 10, "the fixtures give findings");
    let heads = Regex::new(r#"<mark [^>]*data-head="""#).expect("regex");
    assert_eq!(heads.find_iter(&dom).count(), findings.len());
    for f in findings {
        let message = f["message"].as_str().expect("message");
        assert!(
            dom.contains(&serialized_text(message)),
            "message not in the DOM: {message}"
        );
    }
    assert_eq!(side_items(&dom).len(), findings.len());
}

/// The ranking's rows as the script left them: (path, score, errors, hidden).
fn rows(dom: &str) -> Vec<(String, f64, usize, bool)> {
    let re = Regex::new(
        r#"(?s)<tr data-report="r\d+" data-path="([^"]*)"([^>]*)>.*?<td class="n score" data-v="([^"]*)".*?data-sev="error" data-v="(\d+)""#,
    )
    .expect("regex");
    re.captures_iter(dom)
        .map(|c| {
            (
                c[1].to_owned(),
                c[3].parse().unwrap_or(f64::NAN),
                c[4].parse().unwrap_or(0),
                c[2].contains("hidden=\"\""),
            )
        })
        .collect()
}

#[test]
fn reports_are_ranked_by_score_and_clean_ones_hidden() {
    let Some(bin) = chromium() else { return };
    let dom = dom(&bin, "");
    let rows = rows(&dom);
    let paths: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
    // Every fixture in a format the directory walk reads.
    let mut expected_files: Vec<String> = glob::glob("fixtures/*/*")
        .ok()
        .into_iter()
        .flatten()
        .flatten()
        .filter(|p| {
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            ["txt", "md", "docx", "pdf", "csv", "tsv"].contains(&ext)
        })
        .map(|p| p.display().to_string())
        .collect();
    if expected_files.is_empty() {
        // glob runs from the test's working directory: the package root.
        panic!("no fixtures found");
    }
    expected_files.push(SCRIPT_REPORT.to_owned());
    let mut sorted_paths = paths.clone();
    sorted_paths.sort();
    expected_files.sort();
    assert_eq!(sorted_paths, expected_files, "one row per report");
    assert!(
        rows.windows(2).all(|w| w[0].1 >= w[1].1),
        "highest score first: {rows:?}"
    );
    assert!(rows[0].2 > 0, "an erroneous report comes first");
    // A report is hidden exactly when it has no finding (the default toggle).
    let findings = &generated().findings;
    for (path, _, _, hidden) in &rows {
        let clean = !findings.iter().any(|f| f["path"] == path.as_str());
        assert_eq!(*hidden, clean, "{path}");
    }
    assert!(rows.iter().any(|r| r.3), "some fixtures are clean");
    // Shown again with the toggle off, in the URL.
    let dom = self::dom(&bin, "#clean=show");
    assert!(self::rows(&dom).iter().all(|r| !r.3));
}

#[test]
fn a_column_sorts_the_ranking() {
    let Some(bin) = chromium() else { return };
    let dom = dom(&bin, "#sort=-error");
    let rows = rows(&dom);
    assert!(
        rows.windows(2).all(|w| w[0].2 >= w[1].2),
        "errors, most first: {rows:?}"
    );
    assert!(
        Regex::new(
            r#"<th scope="col" class="n c-error" data-sort="error" aria-sort="descending">"#
        )
        .expect("regex")
        .is_match(&dom),
        "the sorted column says so"
    );
    let dom = self::dom(&bin, "#sort=error");
    let rows = self::rows(&dom);
    assert!(
        rows.windows(2).all(|w| w[0].2 <= w[1].2),
        "errors, fewest first"
    );
}

#[test]
fn a_filter_in_the_url_hash_hides_what_it_should() {
    let Some(bin) = chromium() else { return };
    let dom = dom(&bin, "#sev=error&family=numbering");
    let items = side_items(&dom);
    assert!(!items.is_empty());
    let mut shown = 0;
    for (attrs, _) in &items {
        let wanted =
            attr(attrs, "data-sev") == "error" && attr(attrs, "data-family") == "numbering";
        assert_eq!(!attrs.contains("hidden=\"\""), wanted, "{attrs}");
        shown += usize::from(wanted);
    }
    assert!(shown > 0 && shown < items.len());
    // A report with only an info finding drops out of the ranking.
    let row = Regex::new(
        r#"<tr data-report="r\d+" data-path="fixtures/undecodable-bytes/bad.txt"[^>]*>"#,
    )
    .expect("regex");
    let row = row.find(&dom).expect("undecodable-bytes row").as_str();
    assert!(row.contains("hidden=\"\""), "{row}");
    // Hidden findings lose their highlight but keep their text.
    let off = Regex::new(r#"<mark class="hl sev-(warning|info) off""#).expect("regex");
    assert!(off.is_match(&dom));

    // A lint, by name: only its findings stay.
    let dom = self::dom(&bin, "#lint=numbering-gap");
    for (attrs, _) in &side_items(&dom) {
        let wanted = attr(attrs, "data-lint") == "numbering-gap";
        assert_eq!(!attrs.contains("hidden=\"\""), wanted, "{attrs}");
    }

    // The search box: only findings that mention the searched text stay.
    let dom = self::dom(&bin, "#q=%EF%BC%88%E4%BA%8C%EF%BC%89");
    let items = side_items(&dom);
    for (attrs, inner) in &items {
        assert_eq!(
            !attrs.contains("hidden=\"\""),
            inner.contains("（二）"),
            "{attrs}"
        );
    }
}

#[test]
fn markup_in_a_report_does_not_run() {
    let Some(bin) = chromium() else { return };
    let dom = dom(&bin, "");
    let title = Regex::new(r"<title>([^<]*)</title>").expect("regex");
    let title = &title.captures(&dom).expect("a title")[1];
    assert!(title.starts_with("reportlint review"), "{title}");
    assert!(!title.contains("pwned"));
    let html_tag = dom.split('>').nth(1).unwrap_or("");
    assert!(!html_tag.contains("data-pwned"), "{html_tag}");
    assert!(!dom.contains("<img"));
    assert!(!dom.contains("<svg"));
    // The report's text is shown as text.
    assert!(dom.contains("&lt;script&gt;document.title=\"pwned\""));
    assert!(dom.contains("\"&gt;&lt;img src=x onerror="));
}

/// A screenshot of `page` (with `hash`) at 1280×800, decoded: (width, height, RGBA).
fn screenshot(bin: &Path, page: &Path, save_as: &Path) -> (usize, usize, Vec<u8>) {
    let _ = std::fs::remove_file(save_as);
    run_chromium(
        bin,
        &[
            format!("--screenshot={}", save_as.display()),
            "--window-size=1280,800".to_owned(),
            url(page, ""),
        ],
    );
    let png = std::fs::read(save_as).expect("a screenshot was written");
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    buf.truncate(info.buffer_size());
    // Every pixel as RGBA, whatever the PNG's colour type.
    let channels = info.color_type.samples();
    let rgba: Vec<u8> = buf
        .chunks(channels)
        .flat_map(|p| match p.len() {
            4 => [p[0], p[1], p[2], p[3]],
            3 => [p[0], p[1], p[2], 255],
            2 => [p[0], p[0], p[0], p[1]],
            _ => [p[0], p[0], p[0], 255],
        })
        .collect();
    (info.width as usize, info.height as usize, rgba)
}

/// The rows (y) where two screenshots of one size differ, and how many pixels do.
fn differing_rows(a: &(usize, usize, Vec<u8>), b: &(usize, usize, Vec<u8>)) -> (Vec<usize>, usize) {
    assert_eq!((a.0, a.1), (b.0, b.1), "same size");
    let mut rows = Vec::new();
    let mut pixels = 0;
    for y in 0..a.1 {
        let range = y * a.0 * 4..(y + 1) * a.0 * 4;
        let differ = a.2[range.clone()]
            .chunks(4)
            .zip(b.2[range].chunks(4))
            .filter(|(p, q)| p != q)
            .count();
        if differ > 0 {
            rows.push(y);
            pixels += differ;
        }
    }
    (rows, pixels)
}

/// The Chinese page as a reviewer sees it (saved as target/html-review.png),
/// checked for rendering, not only structure (see [`assert_renders`]).
#[test]
fn screenshot_shows_cjk_glyphs_and_the_first_row() {
    let Some(bin) = chromium() else { return };
    assert_renders(&bin, &generated().zh_page, "html-review");
}

/// A screenshot of the Chinese `page_path`, saved as target/`name`.png: the
/// heading's Chinese characters are drawn as glyphs, not as the boxes of a
/// missing font (the same page with them replaced by a character no font has
/// must look different), and the first row's name is drawn in the ranking
/// (hiding it changes those pixels).
fn assert_renders(bin: &Path, page_path: &Path, name: &str) {
    let target = common::repo().join("target");
    std::fs::create_dir_all(&target).expect("target dir");
    let page = std::fs::read_to_string(page_path).expect("page");
    let real = screenshot(bin, page_path, &target.join(format!("{name}.png")));
    assert!(real.0 == 1280 && real.1 >= 700, "{}x{}", real.0, real.1);
    // The heading is "reportlint 审阅": the same heading in tofu.
    let heading = "<h1>reportlint 审阅 ";
    assert!(page.contains(heading), "the Chinese heading");
    let dir = tempfile::tempdir().expect("temp dir");
    let variant = |name: &str, html: String| {
        let path = dir.path().join(name);
        std::fs::write(&path, html).expect("write");
        path
    };
    let tofu_page = variant(
        "tofu.html",
        page.replacen(heading, "<h1>reportlint \u{10FFFD}\u{10FFFD} ", 1),
    );
    let tofu = screenshot(bin, &tofu_page, &target.join(format!("{name}-tofu.png")));
    // Only the heading's band is compared: two renderings of a large page may
    // differ by a pixel elsewhere (seen under load in the ranking's header row).
    let heading_band = |shot: &(usize, usize, Vec<u8>)| {
        let band = shot.0 * 4 * 60;
        (shot.0, 60, shot.2[..band.min(shot.2.len())].to_vec())
    };
    let (rows, pixels) = differing_rows(&heading_band(&real), &heading_band(&tofu));
    assert!(
        pixels > 40,
        "the heading's CJK characters render like boxes of a missing font \
         (install fonts-noto-cjk): {pixels} pixels differ in rows {rows:?}"
    );

    // The first row's name, made invisible by a style the page allows.
    let first = rows_of_page(&page);
    let hidden_name = variant(
        "no-first-name.html",
        page.replacen(
            "</style>",
            "#rank tbody tr:first-child th.name a { color: transparent !important; }\n</style>",
            1,
        ),
    );
    let without = screenshot(
        bin,
        &hidden_name,
        &target.join(format!("{name}-no-first-name.png")),
    );
    let (rows, pixels) = differing_rows(&real, &without);
    assert!(
        pixels > 40 && !rows.is_empty(),
        "the first row's name ({first}) is not drawn on screen"
    );
    // It is drawn in the ranking, below the header and above the fold.
    assert!(
        rows.iter().all(|&y| y > 80 && y < 400),
        "{first} drawn at rows {rows:?}"
    );
}

/// The review page on the TUNE half of the corpus (the held-out half is never
/// looked at): every report with a finding about its numbers, tables or
/// numbering ranks above every report with only typos or input notes, however
/// many (by raw counts a report of 18 typos came first), and the first row has
/// an error. With chromium, the page renders (target/html-review-corpus.png).
#[test]
fn on_the_corpus_reports_with_wrong_numbers_or_numbering_rank_first() {
    let Some(corpus) = common::corpus() else {
        assert!(
            !in_ci(),
            "CI must have ../shared/corpus beside the repository"
        );
        eprintln!("SKIPPED: ../shared/corpus not found");
        return;
    };
    let config = reportlint::config::Config::default_config();
    let found = reportlint::discover::discover(&[corpus.display().to_string()], &config);
    let tune: Vec<PathBuf> = found
        .files
        .iter()
        .filter(|p| {
            let rel = p.strip_prefix(&corpus).unwrap_or(p).display().to_string();
            rel.contains('/') && !common::held_out(&rel)
        })
        .cloned()
        .collect();
    assert!(tune.len() > 40, "the tune half: {} reports", tune.len());
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("corpus.html");
    let run = |args: &[&str]| {
        common::reportlint()
            .args(["--isolated"])
            .args(args)
            .args(&tune)
            .output()
            .expect("reportlint runs")
    };
    let html = run(&[
        "--lang",
        "zh",
        "--format",
        "html",
        "--output",
        &page.display().to_string(),
    ]);
    assert_eq!(html.status.code(), Some(1), "findings expected");
    let json = run(&["--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json output");
    let family: std::collections::HashMap<&str, reportlint::lints::LintFamily> =
        reportlint::lints::registry()
            .iter()
            .map(|r| (r.meta.code, r.meta.family))
            .collect();
    use reportlint::lints::LintFamily::{Arithmetic, Numbering, Tables};
    // Per report: (findings, about its content, with an error).
    let mut reports: std::collections::HashMap<String, (usize, bool, bool)> = Default::default();
    for f in value["findings"].as_array().expect("findings") {
        let e = reports
            .entry(f["path"].as_str().expect("path").to_owned())
            .or_default();
        let content = matches!(
            family.get(f["code"].as_str().unwrap_or("")),
            Some(Arithmetic | Numbering | Tables)
        );
        e.0 += 1;
        e.1 |= content;
        e.2 |= content && f["severity"] == "error";
    }
    let text = std::fs::read_to_string(&page).expect("page");
    let order: Vec<String> = Regex::new(r#"<tr data-report="r\d+" data-path="([^"]*)""#)
        .expect("regex")
        .captures_iter(&text)
        .map(|c| c[1].replace("&amp;", "&"))
        .filter(|p| reports.contains_key(p))
        .collect();
    assert_eq!(order.len(), reports.len(), "a row per report with findings");
    let content: Vec<bool> = order.iter().map(|p| reports[p].1).collect();
    let first_surface = content.iter().position(|c| !c).unwrap_or(content.len());
    assert!(
        content[first_surface..].iter().all(|c| !c),
        "a report about its numbers ranks below one with only typos: {order:#?}"
    );
    assert!(
        first_surface > 0 && reports[&order[0]].2,
        "first: {}",
        order[0]
    );
    // Not what raw counts would give: some report ranked below has more findings.
    let most_above = order[..first_surface].iter().map(|p| reports[p].0).min();
    let most_below = order[first_surface..].iter().map(|p| reports[p].0).max();
    assert!(most_below > most_above, "{most_below:?} vs {most_above:?}");
    if let Some(bin) = chromium() {
        assert_renders(&bin, &page, "html-review-corpus");
    }
}

/// The path of the ranking's first row in the page as written.
fn rows_of_page(page: &str) -> String {
    let re = Regex::new(r#"<tr data-report="r0" data-path="([^"]*)""#).expect("regex");
    re.captures(page)
        .map(|c| c[1].to_owned())
        .unwrap_or_default()
}

#[test]
fn the_content_security_policy_runs_only_the_page_script() {
    let Some(bin) = chromium() else { return };
    // As if escaping had failed: markup injected into a copy of the page.
    let page = std::fs::read_to_string(&generated().page).expect("page");
    let injected = page.replacen(
        "<main id=\"main\">",
        "<main id=\"main\"><img src=x onerror=\"document.documentElement.setAttribute('data-pwned','img')\">\
         <script>document.title='pwned'</script>",
        1,
    );
    assert_ne!(page, injected);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("injected.html");
    std::fs::write(&path, injected).expect("write");
    let out = run_chromium(&bin, &["--dump-dom".to_owned(), url(&path, "")]);
    let html_tag = out.split('>').nth(1).unwrap_or("");
    assert!(
        html_tag.contains(" data-ready=\"\""),
        "the page's own script runs"
    );
    assert!(!html_tag.contains("data-pwned"), "{html_tag}");
    assert!(!out.contains("<title>pwned"));
}
