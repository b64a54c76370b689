//! The council's report files, written by the real library from a report built in code with
//! hostile strings (markup, formula cells, path tricks) and Vietnamese text, then read back:
//! JSON snapshot, HTML escaping and no network loads, CSV, xlsx and docx parsed back, and —
//! where installed — LibreOffice conversion and a headless Chromium render.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::{chromium, on_path};

use soloai::Lang;
use soloai::report::{
    CheckView, ContestInfo, CouncilMember, EntryReport, EntryStatus, ExcludedSpan, Flag, MatchView,
    Report, SpanView, UnitQuota, Verdict, entry_page_names, to_json, write_all,
};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const SCRIPT_ID: &str = "<script>alert(1)</script>";
const IMG_TITLE: &str = "\"><img src=x onerror=alert(document.cookie)>";
const FORMULA_AUTHOR: &str = "=HYPERLINK(\"http://evil.example/x\",\"bấm vào đây\")";
const PLUS_PHONE: &str = "+84 912 345 678";
const AT_UNIT: &str = "@SUM(1+1)";
const MINUS_TITLE: &str = "-2+3 cải cách";
const EVIL_SOURCE: &str = "<iframe src=https://evil.example/frame></iframe>";

/// The copied passage, and the template passage every entry shares.
const COPIED: &str = "Bộ phận một cửa nhận hồ sơ qua mạng, tự động nhắc hạn trả kết quả và gửi tin nhắn cho người dân khi hồ sơ xong.";
const TEMPLATE: &str =
    "Căn cứ Kế hoạch tổ chức Cuộc thi tìm kiếm ý tưởng, giải pháp cải cách hành chính;";

fn hostile_text() -> String {
    format!(
        "{TEMPLATE}\nI. Sự cần thiết\nNgười dân phải đi lại nhiều lần để hỏi kết quả hồ sơ. </script><script>alert('text')</script>\n\
         II. Giải pháp\n{COPIED}\nIII. Hiệu quả\nGiảm số lần đi lại, công khai tiến độ. <style>body{{display:none}}</style> ${{7*7}} {{{{7*7}}}}\n"
    )
}

fn span_of(text: &str, needle: &str) -> (usize, usize) {
    let start = text.find(needle).unwrap_or(0);
    (start, start + needle.len())
}

fn check(code: &str, verdict: Verdict, evidence: &str) -> CheckView {
    CheckView {
        code: code.into(),
        verdict,
        evidence: evidence.into(),
        data: serde_json::Value::Null,
    }
}

/// One clean Vietnamese entry, one hostile entry copying another, one unreadable file, and a
/// fourth whose id tries to leave the output folder.
fn sample_report() -> Report {
    let mut report = Report::new("lang-son-2025", "2025-06-02T08:30:00Z");
    report.contest = ContestInfo {
        name: "Cuộc thi “Tìm kiếm ý tưởng, giải pháp cải cách hành chính” tỉnh Lạng Sơn năm 2025"
            .into(),
        organizer: "Sở Nội vụ tỉnh Lạng Sơn".into(),
        council: vec![
            CouncilMember {
                name: "Hoàng Văn Minh".into(),
                role: "Chủ tịch Hội đồng".into(),
            },
            CouncilMember {
                name: "Lường Thị Thu".into(),
                role: "Thư ký".into(),
            },
            CouncilMember {
                name: "Nông Đức Tài".into(),
                role: "Thành viên".into(),
            },
        ],
        ..ContestInfo::default()
    };

    let clean_text = format!(
        "{TEMPLATE}\nĐề xuất lập sổ tay điện tử hướng dẫn thủ tục đất đai cho cán bộ cấp xã, cập nhật mỗi quý.\n"
    );
    let template = span_of(&clean_text, TEMPLATE);
    report.entries.push(EntryReport {
        id: "LS-001".into(),
        file: "Sở Tài nguyên và Môi trường/so-tay-dien-tu.docx".into(),
        status: EntryStatus::Ok,
        originality: Some(0.93),
        area: Some("c".into()),
        area_confidence: Some(0.74),
        declared_area: Some("c".into()),
        title: Some("Sổ tay điện tử thủ tục đất đai".into()),
        authors: vec!["Đặng Thị Lan".into()],
        unit: Some("Sở Tài nguyên và Môi trường".into()),
        receiving_point: Some("Sở Nội vụ".into()),
        submitted: Some("2025-05-20".into()),
        checks: vec![
            check("FORM-FONT", Verdict::Pass, "99% Times New Roman"),
            check("FORM-SIZE", Verdict::Pass, "98% cỡ 14"),
            check("FORM-PAGENUM", Verdict::Pass, "6/6 trang có số"),
            check("COVER-PHONE", Verdict::Pass, "0912 345 678"),
        ],
        eligibility: vec![check("LATE", Verdict::Pass, "Nộp ngày 20/05/2025")],
        excluded: vec![ExcludedSpan {
            start: template.0,
            end: template.1,
            reason: "template".into(),
        }],
        verdict: Verdict::Pass,
        forward: true,
        text: clean_text,
        ..EntryReport::default()
    });

    let text = hostile_text();
    let copied = span_of(&text, COPIED);
    let template = span_of(&text, TEMPLATE);
    let script = span_of(&text, "</script><script>alert('text')</script>");
    report.entries.push(EntryReport {
        id: SCRIPT_ID.into(),
        file: "../../<b>evil</b>.docx".into(),
        status: EntryStatus::Ok,
        originality: Some(0.41),
        area: Some("dd".into()),
        area_confidence: Some(0.4),
        declared_area: Some("g".into()),
        title: Some(IMG_TITLE.into()),
        authors: vec![FORMULA_AUTHOR.into(), PLUS_PHONE.into()],
        unit: Some(AT_UNIT.into()),
        receiving_point: Some("UBND huyện Cao Lộc".into()),
        submitted: Some("2025-06-01".into()),
        checks: vec![
            check(
                "FORM-FONT",
                Verdict::Fail,
                "62% Arial <b>không đạt</b>; trang 2: \"Arial\"",
            ),
            check(
                "FORM-SIZE",
                Verdict::CannotTell,
                "Không xác định được cỡ chữ",
            ),
            check("COVER-PHONE", Verdict::Pass, PLUS_PHONE),
        ],
        eligibility: vec![check(
            "LATE",
            Verdict::Fail,
            "Nộp ngày 01/06/2025, sau hạn 31/05/2025",
        )],
        matches: vec![
            MatchView {
                source: "entry:UBND huyện Cao Lộc/bai-2.docx".into(),
                source_title: Some(EVIL_SOURCE.into()),
                source_kind: Some("entry".into()),
                score: 0.52,
                kind: "partial".into(),
                signal: "verbatim".into(),
                spans: vec![SpanView {
                    entry_start: copied.0,
                    entry_end: copied.1,
                    source_start: 10,
                    source_end: 10 + COPIED.len(),
                    signal: "verbatim".into(),
                    source_text: format!("{COPIED} {EVIL_SOURCE}"),
                    ..SpanView::default()
                }],
                ..MatchView::default()
            },
            MatchView {
                source: "mo-hinh/mot-cua-lien-thong.pdf".into(),
                source_title: None,
                source_kind: Some("applied".into()),
                score: 0.2,
                kind: "idea".into(),
                signal: "idea".into(),
                spans: vec![SpanView {
                    entry_start: script.0,
                    entry_end: script.1,
                    source_start: 0,
                    source_end: 5,
                    signal: "verbatim".into(),
                    source_text: String::new(),
                    ..SpanView::default()
                }],
                ..MatchView::default()
            },
        ],
        excluded: vec![ExcludedSpan {
            start: template.0,
            end: template.1,
            reason: "legal-citation".into(),
        }],
        flags: vec![
            Flag {
                code: "COPY".into(),
                message: "Trùng 52% với bài <i>khác</i>".into(),
                evidence: "entry:UBND huyện Cao Lộc/bai-2.docx".into(),
            },
            Flag {
                code: "LATE".into(),
                message: "Nộp sau thời hạn".into(),
                evidence: "2025-06-01".into(),
            },
        ],
        verdict: Verdict::Fail,
        forward: false,
        text,
        ..EntryReport::default()
    });

    report.entries.push(EntryReport {
        id: "LS-003".into(),
        file: "UBND xã Tân Liên/hong.docx".into(),
        status: EntryStatus::Error,
        error: Some(
            "Tệp bị hỏng hoặc không đầy đủ (zip truncated). Yêu cầu tác giả gửi lại tệp.".into(),
        ),
        flags: vec![Flag {
            code: "ERROR".into(),
            message: "Không đọc được tệp".into(),
            evidence: "corrupt".into(),
        }],
        verdict: Verdict::Resubmit,
        ..EntryReport::default()
    });

    report.entries.push(EntryReport {
        id: "../../etc/passwd".into(),
        file: "x.pdf".into(),
        title: Some(MINUS_TITLE.into()),
        originality: Some(0.65),
        verdict: Verdict::Pass,
        forward: true,
        text: "Nội dung ngắn.".into(),
        ..EntryReport::default()
    });

    report.units = vec![
        UnitQuota::new("Sở Tài nguyên và Môi trường", "department", 1, 1),
        UnitQuota::new("UBND huyện Đình Lập", "district", 0, 3),
    ];
    report.clusters = vec![vec![SCRIPT_ID.into(), "LS-001".into()]];
    report
}

fn write_sample(
    lang: Lang,
) -> Result<(tempfile::TempDir, Report, Vec<PathBuf>), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let report = sample_report();
    let written = write_all(&report, &dir.path().join("out"), lang)?;
    Ok((dir, report, written))
}

fn out(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("out")
}

#[test]
fn writes_every_file_inside_the_output_folder() -> TestResult {
    let (dir, report, written) = write_sample(Lang::Vi)?;
    let out = out(&dir);
    let mut names: Vec<String> = written
        .iter()
        .map(|p| {
            p.strip_prefix(&out)
                .map(|r| r.to_string_lossy().into_owned())
        })
        .collect::<Result<_, _>>()?;
    names.sort();
    let mut expected = vec![
        "bien-ban-so-loai.docx".to_string(),
        "index.html".into(),
        "report.json".into(),
        "summary.csv".into(),
        "summary.xlsx".into(),
    ];
    expected.extend(entry_page_names(&report));
    expected.sort();
    assert_eq!(names, expected);
    for path in &written {
        assert!(path.is_file(), "{} missing", path.display());
        assert!(path.canonicalize()?.starts_with(out.canonicalize()?));
    }
    // The hostile ids became plain names inside entries/.
    assert!(out.join("entries/______etc_passwd.html").is_file());
    assert!(out.join("entries/_script_alert_1___script_.html").is_file());
    // No temporary files left behind, and a second run replaces the files.
    write_all(&report, &out, Lang::En)?;
    let leftovers: Vec<_> = walk(&out)
        .into_iter()
        .filter(|p| p.to_string_lossy().contains(".soloai-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert!(std::fs::read_to_string(out.join("index.html"))?.contains("lang=\"en\""));
    Ok(())
}

#[test]
fn an_unwritable_output_folder_is_an_error_not_a_panic() -> TestResult {
    let dir = tempfile::tempdir()?;
    let blocker = dir.path().join("out");
    std::fs::write(&blocker, b"a file where the folder should be")?;
    let err = write_all(&sample_report(), &blocker, Lang::Vi);
    match err {
        Ok(_) => panic!("writing into a file succeeded"),
        Err(e) => {
            assert!(e.to_string().contains("out"), "{e}");
            assert!(e.message(Lang::Vi).contains("Không ghi được"));
        }
    }
    Ok(())
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                found.extend(walk(&path));
            } else {
                found.push(path);
            }
        }
    }
    found
}

#[test]
fn report_json_matches_the_snapshot() -> TestResult {
    let (dir, report, _) = write_sample(Lang::Vi)?;
    let json = std::fs::read_to_string(out(&dir).join("report.json"))?;
    assert_eq!(json, to_json(&report)?);
    // Texts stay out of the JSON; everything else reads back equal.
    assert!(!json.contains("Người dân phải đi lại"));
    let back: Report = serde_json::from_str(&json)?;
    assert_eq!(back.entries.len(), report.entries.len());
    assert_eq!(back.entries[1].title, report.entries[1].title);
    insta::assert_snapshot!("report_json", json);
    Ok(())
}

/// Every raw tag in an HTML page (escaped text never contains a raw `<`), with its name and
/// attribute text.
fn tags(html: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').unwrap_or(rest.len());
        let inside = &rest[..end];
        let name: String = inside
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .collect::<String>()
            .to_ascii_lowercase();
        found.push((name, inside.to_string()));
        rest = &rest[end..];
    }
    found
}

/// The attributes of one tag's inside text (`name attr="value" …`); our pages always quote
/// values with `"`, and escaped values never contain a raw `"`.
fn attributes(inside: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = inside
        .trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '!' || c == '/')
        .trim_end_matches('/');
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return found;
        }
        let name_end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let name = rest[..name_end].to_ascii_lowercase();
        rest = &rest[name_end..];
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix("=\"") {
            let end = after.find('"').unwrap_or(after.len());
            value = after[..end].to_string();
            rest = after.get(end + 1..).unwrap_or("");
        }
        found.push((name, value));
    }
}

/// The contents of each of our `open`…`close` elements.
fn element_bodies<'a>(html: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    html.split(open)
        .skip(1)
        .map(|rest| rest.split(close).next().unwrap_or(""))
        .collect()
}

/// The HTML without the contents of our own <style> and <script> elements.
fn markup_only(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    loop {
        let next = ["<style>", "<script>"]
            .iter()
            .filter_map(|open| rest.find(open).map(|at| (at, *open)))
            .min();
        match next {
            Some((at, open)) => {
                let close = if open == "<style>" {
                    "</style>"
                } else {
                    "</script>"
                };
                out.push_str(&rest[..at + open.len()]);
                let after = &rest[at + open.len()..];
                let end = after.find(close).unwrap_or(after.len());
                rest = &after[end..];
            }
            None => {
                out.push_str(rest);
                return out;
            }
        }
    }
}

fn assert_safe_page(html: &str, scripts_allowed: usize) {
    for raw in [
        SCRIPT_ID,
        IMG_TITLE,
        EVIL_SOURCE,
        "<b>evil</b>",
        "<i>khác</i>",
        "</script><script>alert('text')",
    ] {
        assert!(!html.contains(raw), "unescaped {raw:?}");
    }
    let markup = markup_only(html);
    let allowed = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3",
        "div", "a", "main", "section", "p", "span", "table", "thead", "tbody", "tr", "th", "td",
        "button", "input", "select", "option", "label", "svg", "rect", "mark", "dl", "dt", "dd",
        "ul", "ol", "li", "footer", "script", "strong", "ins", "colgroup", "col", "code",
    ];
    let mut scripts = 0;
    for (name, inside) in tags(&markup) {
        assert!(
            allowed.contains(&name.as_str()),
            "unexpected tag <{inside}>"
        );
        for (attr, value) in attributes(&inside) {
            // No event handlers, inline styles or anything that loads a resource.
            assert!(!attr.starts_with("on"), "event handler in <{inside}>");
            assert!(
                ![
                    "src",
                    "srcset",
                    "style",
                    "action",
                    "formaction",
                    "data",
                    "poster",
                    "background",
                    "xlink:href"
                ]
                .contains(&attr.as_str()),
                "<{inside}> has {attr}="
            );
            if attr == "href" {
                assert!(
                    !value.contains(':') && !value.starts_with("//"),
                    "href leaves the report folder: {value}"
                );
            }
        }
        if name == "script" && !inside.starts_with('/') {
            scripts += 1;
        }
    }
    assert_eq!(scripts, scripts_allowed, "script elements");
    // Our own style and script fetch nothing either.
    for code in element_bodies(html, "<style>", "</style>")
        .into_iter()
        .chain(element_bodies(html, "<script>", "</script>"))
    {
        for bad in [
            "http",
            "//",
            "url(",
            "@import",
            "fetch(",
            "XMLHttpRequest",
            "import(",
        ] {
            assert!(!code.contains(bad), "inline code has {bad}");
        }
    }
    assert!(html.contains("Content-Security-Policy"));
    assert!(html.contains("default-src 'none'"));
}

#[test]
fn dashboard_escapes_untrusted_text_and_loads_nothing() -> TestResult {
    let (dir, _, _) = write_sample(Lang::Vi)?;
    let html = std::fs::read_to_string(out(&dir).join("index.html"))?;
    // Our sorting script and the JSON words block.
    assert_safe_page(&html, 2);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(document.cookie)&gt;"));
    // Vietnamese words on screen, verdicts, bands and flags.
    for words in [
        "Tỷ lệ nguyên gốc",
        "Không đạt",
        "Chưa xác định",
        "Cảnh báo",
        "Sao chép bài dự thi khác",
        "Không đọc được tệp",
        "UBND huyện Đình Lập",
        "phải có văn bản giải trình",
    ] {
        assert!(html.contains(words), "missing {words}");
    }
    // The headline is the similarity, coloured by its originality band, originality beside.
    assert!(html.contains("<span class=\"pct green\">7%</span>"));
    assert!(html.contains("<span class=\"pct red\">59%</span>"));
    assert!(html.contains("<span class=\"pct amber\">35%</span>"));
    assert!(html.contains("Tỷ lệ nguyên gốc: 41%"));
    // Links to the entry pages use the safe names.
    assert!(html.contains("href=\"entries/______etc_passwd.html\""));
    // The other files of the run are linked, relatively.
    for file in [
        "summary.xlsx",
        "summary.csv",
        "bien-ban-so-loai.docx",
        "report.json",
    ] {
        assert!(
            html.contains(&format!("href=\"{file}\"")),
            "no link to {file}"
        );
    }
    // The registered area is shown (and filtered on), the detected one beside it when they
    // differ; areas list in Vietnamese order.
    assert!(html.contains(
        "g. Xây dựng chính quyền điện tử, chính quyền số<div class=\"chip fail\">Lĩnh vực (phát hiện): đ</div>"
    ));
    assert!(html.contains("data-area=\"g\""));
    let c_at = html.find("<option value=\"c\">").unwrap_or(usize::MAX);
    let g_at = html.find("<option value=\"g\">").unwrap_or(0);
    assert!(c_at < g_at, "areas out of order");
    Ok(())
}

#[test]
fn entry_page_highlights_sources_and_escapes_everything() -> TestResult {
    let (dir, report, _) = write_sample(Lang::Vi)?;
    let pages = entry_page_names(&report);
    let html = std::fs::read_to_string(out(&dir).join(&pages[1]))?;
    assert_safe_page(&html, 0);
    // The copied passage is highlighted in the first source's colour, twice: in the full
    // text and beside the source passage.
    let marked = format!(
        "<mark class=\"src-0\" title=\"{}\">{COPIED}</mark>",
        html_escape(EVIL_SOURCE)
    );
    assert!(html.contains(&marked), "full-text highlight missing");
    assert!(html.contains(&format!("<mark class=\"src-0\">{COPIED}</mark>")));
    // The source passage sits beside it, escaped, highlighted too, with the words the entry
    // does not have marked.
    assert!(html.contains(&format!(
        "<mark class=\"src-0\">{COPIED} <ins>{}</ins></mark>",
        html_escape(EVIL_SOURCE)
    )));
    // The second source colours the script-looking text, which reads as text.
    assert!(html.contains("<mark class=\"src-1\" title=\"mo-hinh/mot-cua-lien-thong.pdf\">&lt;/script&gt;&lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt;</mark>"));
    // The excluded passage is marked, not highlighted.
    assert!(html.contains(&format!(
        "<span class=\"excluded\" title=\"Đoạn được loại trừ (trích dẫn văn bản pháp luật)\">{TEMPLATE}</span>"
    )));
    // Each source with its share of the entry, the figure copy detection gave (52%): one
    // percentage per source, the same as in the passage heading.
    assert!(html.contains("<td class=\"num\">52%<svg"), "share");
    assert!(html.contains("— Sao chép một phần · 52%"));
    // Form evidence and eligibility findings, escaped.
    assert!(html.contains("62% Arial &lt;b&gt;không đạt&lt;/b&gt;; trang 2: &quot;Arial&quot;"));
    assert!(html.contains("Nộp ngày 01/06/2025, sau hạn 31/05/2025"));
    assert!(html.contains("Điều kiện dự thi"));
    // Prints cleanly: print rules present.
    assert!(html.contains("@media print"));

    // Reading entry by entry: links to the neighbours in the same folder.
    assert!(html.contains("<a href=\"LS-001.html\">← Bài trước</a>"));
    assert!(html.contains("<a href=\"LS-003.html\">Bài sau →</a>"));

    // The unreadable entry shows why.
    let error_page = std::fs::read_to_string(out(&dir).join(&pages[2]))?;
    assert!(error_page.contains("Tệp bị hỏng hoặc không đầy đủ (zip truncated)"));
    Ok(())
}

fn html_escape(s: &str) -> String {
    soloai::report::escape::html(s).into_owned()
}

#[test]
fn an_entry_page_shows_panes_for_the_top_max_panes_sources_only() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut report = sample_report();
    report.thresholds.max_panes = 1;
    assert!(
        report.entries[1].matches.len() >= 2,
        "the sample needs two sources"
    );
    write_all(&report, &dir.path().join("out"), Lang::Vi)?;
    let pages = entry_page_names(&report);
    let html = std::fs::read_to_string(out(&dir).join(&pages[1]))?;
    let panes = html.matches("<h3><span class=\"swatch src-").count();
    assert_eq!(panes, 1, "one pane only");
    assert!(html.contains("Hiện đoạn trùng của 1 nguồn trùng nhiều nhất"));
    // Every source is still listed in the table.
    assert!(html.contains("mo-hinh/mot-cua-lien-thong.pdf"));
    Ok(())
}

#[test]
fn sources_past_the_kept_ones_are_counted_on_the_page_and_in_report_json() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut report = sample_report();
    // copy detection keeps the 100 largest sources of an entry and counts the rest
    report.entries[1].matches_more = 7;
    write_all(&report, &dir.path().join("out"), Lang::Vi)?;
    let pages = entry_page_names(&report);
    let html = std::fs::read_to_string(out(&dir).join(&pages[1]))?;
    assert!(
        html.contains("… và 7 nguồn khác, trùng ít hơn."),
        "no count of the rest"
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out(&dir).join("report.json"))?)?;
    assert_eq!(json["entries"][1]["matches_more"], 7);
    // A zero count is left out.
    assert!(json["entries"][0].get("matches_more").is_none());
    Ok(())
}

#[test]
fn english_pages_use_english_words() -> TestResult {
    let (dir, report, _) = write_sample(Lang::En)?;
    let minutes = element_texts(
        &zip_part(
            &out(&dir).join("bien-ban-so-loai.docx"),
            "word/document.xml",
        )?,
        b"t",
    )?
    .join("\n");
    for words in [
        "MINUTES",
        "SOCIALIST REPUBLIC OF VIETNAM",
        "June 2, 2025",
        "Must be resubmitted",
    ] {
        assert!(minutes.contains(words), "minutes miss {words}");
    }
    let csv = std::fs::read_to_string(out(&dir).join("summary.csv"))?;
    assert!(csv.starts_with("\u{FEFF}Entry id,File,Status,Title"));
    let html = std::fs::read_to_string(out(&dir).join("index.html"))?;
    for words in [
        "Originality",
        "Fail",
        "Cannot tell",
        "Copies another entry",
        "Could not read",
    ] {
        assert!(html.contains(words), "missing {words}");
    }
    assert!(!html.contains("Tỷ lệ nguyên gốc"));
    let page = std::fs::read_to_string(out(&dir).join(&entry_page_names(&report)[1]))?;
    assert!(page.contains("Matched passage"));
    assert!(page.contains("Excluded passage"));
    Ok(())
}

/// Split CSV text into records and fields (RFC 4180 quoting).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    records
}

#[test]
fn csv_has_a_bom_and_no_formulas() -> TestResult {
    let (dir, _, _) = write_sample(Lang::Vi)?;
    let bytes = std::fs::read(out(&dir).join("summary.csv"))?;
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "no UTF-8 BOM");
    let text = String::from_utf8(bytes)?;
    let records = parse_csv(text.trim_start_matches('\u{FEFF}'));
    assert_eq!(records.len(), 5, "header + 4 entries");
    assert_eq!(records[0][0], "Mã bài");
    assert!(records.iter().all(|r| r.len() == records[0].len()));
    for record in &records {
        for field in record {
            assert!(
                !field.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "formula-looking field {field:?}"
            );
        }
    }
    let hostile = &records[2];
    assert_eq!(hostile[0], SCRIPT_ID);
    assert_eq!(hostile[3], IMG_TITLE);
    assert_eq!(hostile[4], format!("'{FORMULA_AUTHOR}; {PLUS_PHONE}"));
    assert_eq!(hostile[5], format!("'{AT_UNIT}"));
    // Similarity, then originality beside it; the date day first.
    assert_eq!(hostile[10], "59%");
    assert_eq!(hostile[11], "41%");
    assert_eq!(hostile[12], "Không đạt");
    assert_eq!(records[4][3], format!("'{MINUS_TITLE}"));
    assert_eq!(records[1][3], "Sổ tay điện tử thủ tục đất đai");
    Ok(())
}

fn zip_part(path: &Path, name: &str) -> Result<String, Box<dyn std::error::Error>> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path)?)?;
    let mut part = archive.by_name(name)?;
    let mut text = String::new();
    part.read_to_string(&mut text)?;
    Ok(text)
}

/// The text of every element named `local` (w:t, t), entities resolved, in document order.
fn element_texts(xml: &str, local: &[u8]) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut texts = Vec::new();
    let mut inside = false;
    loop {
        match reader.read_event()? {
            Event::Start(e) if e.local_name().as_ref() == local => {
                inside = true;
                texts.push(String::new());
            }
            Event::End(e) if e.local_name().as_ref() == local => inside = false,
            Event::Text(t) if inside => {
                if let Some(last) = texts.last_mut() {
                    last.push_str(&t.decode()?);
                }
            }
            Event::GeneralRef(r) if inside => {
                let resolved = match r.resolve_char_ref()? {
                    Some(c) => c.to_string(),
                    None => match r.decode()?.as_ref() {
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "amp" => "&".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        other => format!("&{other};"),
                    },
                };
                if let Some(last) = texts.last_mut() {
                    last.push_str(&resolved);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(texts)
}

/// Attributes of every element named `local`, as name → value maps.
fn element_attrs(
    xml: &str,
    local: &[u8],
) -> Result<Vec<BTreeMap<String, String>>, Box<dyn std::error::Error>> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut found = Vec::new();
    loop {
        match reader.read_event()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == local => {
                let mut map = BTreeMap::new();
                for attr in e.attributes() {
                    let attr = attr?;
                    map.insert(
                        String::from_utf8_lossy(attr.key.as_ref()).into_owned(),
                        attr.decoded_and_normalized_value(
                            quick_xml::XmlVersion::Implicit1_0,
                            reader.decoder(),
                        )?
                        .into_owned(),
                    );
                }
                found.push(map);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(found)
}

#[test]
fn xlsx_reopens_with_text_cells_filters_and_quote_prefix() -> TestResult {
    let (dir, report, _) = write_sample(Lang::Vi)?;
    let path = out(&dir).join("summary.xlsx");
    let workbook = zip_part(&path, "xl/workbook.xml")?;
    let sheet_names: Vec<String> = element_attrs(&workbook, b"sheet")?
        .into_iter()
        .filter_map(|a| a.get("name").cloned())
        .collect();
    assert_eq!(sheet_names, ["Bài dự thi", "Chỉ tiêu đơn vị", "Tiêu chí"]);

    let shared = element_texts(&zip_part(&path, "xl/sharedStrings.xml")?, b"t")?;
    let styles = zip_part(&path, "xl/styles.xml")?;
    // cellXfs entries in order; which of them carry the quote prefix.
    let xfs_section = styles
        .split("<cellXfs")
        .nth(1)
        .and_then(|s| s.split("</cellXfs>").next())
        .unwrap_or("");
    let quote_xfs: Vec<bool> = element_attrs(&format!("<cellXfs{xfs_section}</cellXfs>"), b"xf")?
        .iter()
        .map(|a| a.get("quotePrefix").is_some_and(|v| v == "1"))
        .collect();

    let sheet1 = zip_part(&path, "xl/worksheets/sheet1.xml")?;
    assert!(
        sheet1.contains("<autoFilter ref=\"A1:R5\""),
        "autofilter on sheet 1"
    );
    assert!(
        !sheet1.contains("<f>") && !sheet1.contains("<f "),
        "a formula was written"
    );
    let mut seen = BTreeMap::new();
    let mut reader = quick_xml::Reader::from_str(&sheet1);
    let mut current: Option<BTreeMap<String, String>> = None;
    loop {
        use quick_xml::events::Event;
        match reader.read_event()? {
            Event::Start(e) if e.local_name().as_ref() == b"c" => {
                let mut map = BTreeMap::new();
                for attr in e.attributes() {
                    let attr = attr?;
                    map.insert(
                        String::from_utf8_lossy(attr.key.as_ref()).into_owned(),
                        attr.decoded_and_normalized_value(
                            quick_xml::XmlVersion::Implicit1_0,
                            reader.decoder(),
                        )?
                        .into_owned(),
                    );
                }
                current = Some(map);
            }
            Event::Text(t) => {
                if let Some(cell) = current.as_mut() {
                    cell.insert("v".into(), t.decode()?.into_owned());
                }
            }
            Event::End(e) if e.local_name().as_ref() == b"c" => {
                if let Some(cell) = current.take() {
                    let r = cell.get("r").cloned().unwrap_or_default();
                    seen.insert(r, cell);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let text_of = |r: &str| -> Option<(String, bool)> {
        let cell = seen.get(r)?;
        assert_eq!(
            cell.get("t").map(String::as_str),
            Some("s"),
            "{r} is not a text cell"
        );
        let index: usize = cell.get("v")?.parse().ok()?;
        let style: usize = cell.get("s").and_then(|s| s.parse().ok()).unwrap_or(0);
        Some((
            shared.get(index)?.clone(),
            quote_xfs.get(style).copied().unwrap_or(false),
        ))
    };
    // Row 3 is the hostile entry: D title, E authors, F unit.
    assert_eq!(text_of("A3"), Some((SCRIPT_ID.to_string(), false)));
    assert_eq!(
        text_of("E3"),
        Some((format!("{FORMULA_AUTHOR}; {PLUS_PHONE}"), true))
    );
    assert_eq!(text_of("F3"), Some((AT_UNIT.to_string(), true)));
    assert_eq!(text_of("D5"), Some((MINUS_TITLE.to_string(), true)));
    assert_eq!(
        text_of("D2"),
        Some(("Sổ tay điện tử thủ tục đất đai".to_string(), false))
    );
    // Similarity and originality are numbers formatted as percentages.
    let k3 = seen.get("K3").ok_or("no K3")?;
    assert_eq!(k3.get("v").map(String::as_str), Some("0.59"));
    assert!(k3.get("t").is_none());
    let l3 = seen.get("L3").ok_or("no L3")?;
    assert_eq!(l3.get("v").map(String::as_str), Some("0.41"));
    // Printing: A4 landscape, one page wide, the header row on every page.
    for sheet in [
        &sheet1,
        &zip_part(&path, "xl/worksheets/sheet2.xml")?,
        &zip_part(&path, "xl/worksheets/sheet3.xml")?,
    ] {
        assert!(sheet.contains("orientation=\"landscape\""), "landscape");
        assert!(sheet.contains("paperSize=\"9\""), "A4");
        assert!(sheet.contains("fitToHeight=\"0\""), "one page wide");
        assert!(
            sheet.contains("<pageSetUpPr fitToPage=\"1\""),
            "fit to page"
        );
    }
    assert!(
        workbook.contains("_xlnm.Print_Titles"),
        "header row repeated"
    );

    let sheet2 = zip_part(&path, "xl/worksheets/sheet2.xml")?;
    assert!(
        sheet2.contains("<autoFilter ref=\"A1:F3\""),
        "autofilter on the quota sheet"
    );
    assert!(shared.contains(&"UBND huyện Đình Lập".to_string()));
    let sheet3 = zip_part(&path, "xl/worksheets/sheet3.xml")?;
    let checks: usize = report
        .entries
        .iter()
        .map(|e| e.checks.len() + e.eligibility.len())
        .sum();
    assert!(
        sheet3.contains(&format!("<autoFilter ref=\"A1:E{}\"", checks + 1)),
        "autofilter on the checks sheet"
    );
    Ok(())
}

#[test]
fn docx_minutes_reopen_with_every_entry_and_verdict() -> TestResult {
    let (dir, report, _) = write_sample(Lang::Vi)?;
    let path = out(&dir).join("bien-ban-so-loai.docx");
    let document = zip_part(&path, "word/document.xml")?;
    let texts = element_texts(&document, b"t")?;
    let all = texts.join("\n");
    for needle in [
        "BIÊN BẢN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ngày 02 tháng 6 năm 2025",
        "SỞ NỘI VỤ TỈNH LẠNG SƠN",
        "Hoàng Văn Minh",
        "CHỦ TỊCH HỘI ĐỒNG",
        "(Ký, ghi rõ họ tên)",
        "Tổng số bài dự thi: 4; Đạt: 2; Không đạt: 1; Chưa xác định: 0; Cần nộp lại (không đọc được tệp): 1.",
        "UBND huyện Đình Lập: không có bài dự thi (chỉ tiêu 3), phải có văn bản giải trình.",
    ] {
        assert!(all.contains(needle), "minutes miss {needle:?}");
    }
    // Each entry's row: id then, four cells later, its verdict.
    for entry in &report.entries {
        let at = texts
            .iter()
            .position(|t| t == &entry.id)
            .ok_or(format!("entry {} missing", entry.id))?;
        assert_eq!(
            texts.get(at + 4),
            Some(&entry.verdict.label(Lang::Vi).to_string()),
            "{}",
            entry.id
        );
    }
    // The forwarded entries are listed in section III, hostile text as plain text.
    let section_three = all
        .split("III. CÁC BÀI DỰ THI ĐỀ NGHỊ CHUYỂN VÒNG CHẤM")
        .nth(1)
        .ok_or("no section III")?;
    assert!(section_three.contains(
        "1. LS-001 — Sổ tay điện tử thủ tục đất đai — Đặng Thị Lan (Sở Tài nguyên và Môi trường)"
    ));
    assert!(section_three.contains(&format!("2. ../../etc/passwd — {MINUS_TITLE}")));
    assert!(!section_three.contains(SCRIPT_ID.trim_start_matches('<')) || all.contains(SCRIPT_ID));
    assert!(all.contains(&format!("{IMG_TITLE} — {FORMULA_AUTHOR}; {PLUS_PHONE}")));
    // Times New Roman throughout.
    assert!(document.contains("w:ascii=\"Times New Roman\""));
    Ok(())
}

#[test]
fn libreoffice_converts_the_xlsx_and_docx() -> TestResult {
    if !on_path("soffice") {
        eprintln!("soffice not installed; skipping the LibreOffice round trip");
        return Ok(());
    }
    let (dir, _, _) = write_sample(Lang::Vi)?;
    let out = out(&dir);
    let converted = dir.path().join("converted");
    // A private LibreOffice profile, so a council member's (or another test's) open
    // LibreOffice does not swallow the conversion.
    let profile = dir.path().join("lo-profile");
    let convert = |file: &Path| -> Result<(), Box<dyn std::error::Error>> {
        let run = Command::new("soffice")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args([
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
            ])
            .arg(&converted)
            .arg(file)
            .output()?;
        let log = String::from_utf8_lossy(&run.stderr);
        assert!(
            run.status.success() && !log.contains("Error"),
            "soffice failed on {}: {log}",
            file.display()
        );
        Ok(())
    };
    convert(&out.join("bien-ban-so-loai.docx"))?;
    let mut expected = vec!["bien-ban-so-loai.pdf"];
    // Debian splits LibreOffice: the xlsx needs Calc (libreoffice-calc-nogui), which CI may
    // not install; the Writer part always runs.
    let calc = Path::new("/usr/lib/libreoffice/program/libsclo.so").exists();
    if calc {
        convert(&out.join("summary.xlsx"))?;
        expected.push("summary.pdf");
    } else {
        eprintln!("LibreOffice Calc not installed; skipping the xlsx conversion");
    }
    for name in expected {
        let pdf = std::fs::read(converted.join(name))?;
        assert!(
            pdf.starts_with(b"%PDF") && pdf.len() > 1000,
            "{name} not converted"
        );
    }
    if on_path("pdftotext") {
        let text_of = |pdf: &str| -> Result<String, Box<dyn std::error::Error>> {
            let run = Command::new("pdftotext")
                .arg(converted.join(pdf))
                .arg("-")
                .output()?;
            Ok(String::from_utf8_lossy(&run.stdout).into_owned())
        };
        let minutes = text_of("bien-ban-so-loai.pdf")?;
        assert!(minutes.contains("BIÊN BẢN"), "{minutes}");
        assert!(minutes.contains("Sổ tay điện tử thủ tục đất đai"));
        if calc {
            // Calc shows the would-be formulas as the text they are, not their results
            // (2 and 1).
            let sheet = text_of("summary.pdf")?;
            assert!(sheet.contains(AT_UNIT), "{sheet}");
            assert!(sheet.contains(MINUS_TITLE), "{sheet}");
        }
    }
    Ok(())
}

#[test]
fn chromium_renders_the_pages_without_console_errors() -> TestResult {
    if !on_path("chromium") {
        eprintln!("chromium not installed; skipping the headless render");
        return Ok(());
    }
    let (dir, report, _) = write_sample(Lang::Vi)?;
    let out = out(&dir);
    let pages = [
        out.join("index.html"),
        out.join(&entry_page_names(&report)[1]),
    ];
    for (i, page) in pages.iter().enumerate() {
        let profile = dir.path().join(format!("chromium-{i}"));
        let run = chromium(&profile)
            .args([
                "--enable-logging=stderr",
                "--v=0",
                "--virtual-time-budget=3000",
                "--dump-dom",
            ])
            .arg(format!("file://{}", page.display()))
            .output()?;
        let dom = String::from_utf8_lossy(&run.stdout);
        let log = String::from_utf8_lossy(&run.stderr);
        assert!(
            run.status.success(),
            "chromium failed on {}: {log}",
            page.display()
        );
        for bad in ["Uncaught", "Refused to", "Content Security Policy", "ERR_"] {
            let console: Vec<&str> = log
                .lines()
                .filter(|l| l.contains("CONSOLE") || l.contains("console"))
                .collect();
            assert!(
                !console.iter().any(|l| l.contains(bad)),
                "{} logged {bad}: {console:?}",
                page.display()
            );
        }
        assert!(!log.contains("Uncaught"), "{log}");
        // The rendered DOM still holds the hostile strings as text only.
        assert!(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!dom.contains("<img"), "an injected image was parsed");
        if i == 0 {
            // The dashboard script ran under the CSP and counted the rows.
            assert!(
                dom.contains("data-ready=\"1\""),
                "dashboard script did not run"
            );
            assert!(dom.contains("Đang hiện 4/4 bài"));
        }
    }

    // The entry page prints to PDF, without its navigation (print CSS).
    let pdf = dir.path().join("entry.pdf");
    let printed = chromium(&dir.path().join("chromium-pdf"))
        .arg("--no-pdf-header-footer")
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", pages[1].display()))
        .output()?;
    assert!(printed.status.success(), "print failed");
    let bytes = std::fs::read(&pdf)?;
    assert!(
        bytes.starts_with(b"%PDF") && bytes.len() > 10_000,
        "no PDF printed"
    );
    if on_path("pdftotext") {
        let text = Command::new("pdftotext").arg(&pdf).arg("-").output()?;
        let text = String::from_utf8_lossy(&text.stdout);
        assert!(text.contains("Tỷ lệ nguyên gốc"), "{text}");
        assert!(
            text.contains("Bộ phận một cửa nhận hồ sơ qua mạng"),
            "{text}"
        );
        assert!(!text.contains("Bài sau"), "navigation printed");
    }

    // Filtering really filters: a search typed without diacritics finds the one entry.
    let filtered = chromium(&dir.path().join("chromium-q"))
        .args(["--virtual-time-budget=3000", "--dump-dom"])
        .arg(format!(
            "file://{}#q=so%20tay%20dien%20tu",
            pages[0].display()
        ))
        .output()?;
    let dom = String::from_utf8_lossy(&filtered.stdout);
    assert!(dom.contains("Đang hiện 1/4 bài"), "filter did not apply");
    assert_eq!(dom.matches("<tr data-verdict=").count(), 4);
    assert_eq!(dom.matches(" hidden=\"\"").count(), 3, "three rows hidden");
    Ok(())
}

/// An entry page stays under 300 KB whatever the number of matches: panes for the largest
/// sources only, a capped sources table, short highlight titles.
#[test]
fn an_entry_page_is_bounded_whatever_the_number_of_matches() -> TestResult {
    let sentence =
        "Ủy ban nhân dân xã tiếp nhận hồ sơ trực tuyến và trả kết quả tại nhà cho người dân. ";
    let text = sentence.repeat(400); // about 40 KB of entry text
    let mut matches = Vec::new();
    for m in 0..2_000usize {
        let spans = (0..5usize)
            .map(|k| {
                let start = ((m * 37 + k * 911) % 380) * sentence.len();
                SpanView {
                    entry_start: start,
                    entry_end: start + sentence.len() * 3,
                    source_start: 0,
                    source_end: sentence.len() * 3,
                    source_text: sentence.repeat(3),
                    ..SpanView::default()
                }
            })
            .collect();
        matches.push(MatchView {
            source: format!("corpus/c/mo-hinh-{m}.md"),
            source_title: Some(format!(
                "Mô hình một cửa số {m} của một tỉnh miền núi phía Bắc"
            )),
            source_kind: Some("applied".into()),
            source_origin: Some(format!("UBND tỉnh, Quyết định số {m}/2024/QĐ-UBND")),
            source_scope: Some("Quảng Ninh".into()),
            score: 0.01 + (m % 50) as f64 / 100.0,
            kind: "partial".into(),
            spans,
            ..MatchView::default()
        });
    }
    let mut report = Report::new("lang-son-2025", "2025-06-02T08:30:00Z");
    report.entries.push(EntryReport {
        id: "NHIEU-NGUON".into(),
        text,
        matches,
        originality: Some(0.1),
        ..EntryReport::default()
    });
    let dir = tempfile::tempdir()?;
    write_all(&report, dir.path(), Lang::Vi)?;
    let page = dir.path().join("entries/NHIEU-NGUON.html");
    let size = std::fs::metadata(&page)?.len();
    assert!(size < 300_000, "entry page is {size} bytes");
    eprintln!("2,000 sources × 5 passages over 40 KB of text: entry page {size} bytes");
    let html = std::fs::read_to_string(&page)?;
    assert!(html.contains("Hiện đoạn trùng của 20 nguồn trùng nhiều nhất trong 2000 nguồn"));
    assert!(html.contains("… và 1900 nguồn khác, trùng ít hơn."));
    Ok(())
}

/// What the reader noticed while reading a file (a PDF font without a Unicode map, OCR, a
/// guessed cover page) is on the entry page in Vietnamese, escaped, and bounded: at most 20
/// notes whatever the file makes the reader say, then how many more.
#[test]
fn reading_warnings_are_on_the_entry_page_bounded() -> TestResult {
    let mut doc = soloai::Extracted {
        text: "Nội dung bài dự thi.".into(),
        ..Default::default()
    };
    use soloai::model::ReadWarning;
    doc.warnings.push(ReadWarning::CoverGuessed);
    doc.warnings.push(ReadWarning::OcrRead {
        pages: vec![1, 2, 3],
        engine: "Tesseract 5.3.0 (vie)".into(),
        confidence: 95,
    });
    doc.warnings.push(ReadWarning::FontGuessed {
        font: SCRIPT_ID.into(),
    });
    // The same note repeated is said once; 40 different ones are cut to 20.
    for _ in 0..5 {
        doc.warnings
            .push(ReadWarning::ControlCharacters { count: 3 });
    }
    for i in 0..40 {
        doc.warnings.push(ReadWarning::PageTooFull {
            page: i,
            dropped: i,
        });
    }
    doc.warnings.push(ReadWarning::FontGuessed {
        font: ReadWarning::value(&"x".repeat(10_000)),
    });
    let mut report = sample_report();
    report.entries[0].set_document(&doc, Lang::Vi);
    assert_eq!(report.entries[0].read_warnings.len(), 20);
    assert_eq!(report.entries[0].read_warnings_more, 25);
    let dir = tempfile::tempdir()?;
    write_all(&report, &out(&dir), Lang::Vi)?;
    let html = std::fs::read_to_string(out(&dir).join(&entry_page_names(&report)[0]))?;
    assert_safe_page(&html, 0);
    assert!(html.contains("<h2>Lưu ý khi đọc tệp</h2>"), "heading");
    assert!(html.contains(
        "<li>Văn bản không có ngắt trang hay ngắt phần: trang bìa được xác định theo các đoạn đầu.</li>"
    ));
    assert!(html.contains("<li>Đã bỏ 3 ký tự điều khiển khỏi văn bản.</li>"));
    assert_eq!(html.matches("ký tự điều khiển").count(), 1);
    assert!(html.contains("đã đọc bằng OCR (Tesseract 5.3.0 (vie)"));
    assert!(html.contains("Phông &#39;&lt;script&gt;") || html.contains("Phông '&lt;script&gt;"));
    assert!(html.contains("<li>… và 25 lưu ý khác không hiện ở đây.</li>"));
    assert!(!html.contains("cover page was guessed"));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out(&dir).join("report.json"))?)?;
    assert_eq!(
        json["entries"][0]["read_warnings"].as_array().map(Vec::len),
        Some(20)
    );
    assert_eq!(json["entries"][0]["read_warnings_more"], 25);
    // Each warning: its code and values, and the sentence in the report's language.
    assert_eq!(
        json["entries"][0]["read_warnings"][0],
        serde_json::json!({
            "code": "cover-guessed",
            "message": "Văn bản không có ngắt trang hay ngắt phần: trang bìa được xác định theo các đoạn đầu."
        })
    );
    assert_eq!(json["entries"][0]["read_warnings"][1]["code"], "ocr-read");
    assert_eq!(
        json["entries"][0]["read_warnings"][1]["pages"],
        serde_json::json!([1, 2, 3])
    );
    assert_eq!(json["entries"][0]["read_warnings"][1]["confidence"], 95);
    // In English the page says so in English.
    let en = tempfile::tempdir()?;
    write_all(&report, &out(&en), Lang::En)?;
    let html = std::fs::read_to_string(out(&en).join(&entry_page_names(&report)[0]))?;
    assert!(html.contains("<h2>Notes from reading the file</h2>"));
    assert!(html.contains("the cover page was guessed from the first paragraphs"));
    Ok(())
}
