//! The HTML pages: `index.html` (the dashboard) and `entries/<id>.html` (one per entry).
//!
//! Both are single self-contained files a council member can open from a USB stick or an
//! email: CSS and JavaScript are inline, nothing is fetched, and a Content-Security-Policy
//! allows only our own inline style and script by their SHA-256 hashes — so even if some
//! untrusted text slipped through escaping, the browser would refuse to run or load it.

mod dashboard;
mod entry_page;

use std::collections::HashSet;

use sha2::{Digest, Sha256};

pub use dashboard::DashboardReporter;
pub use entry_page::EntryPagesReporter;

use super::escape;
use super::model::Report;
use crate::lang::Lang;

/// The file name (relative to the output folder) of each entry's page, in `report.entries`
/// order: `entries/<safe id>.html`, made unique (case-insensitively, for Windows and macOS
/// file systems) by a `-2`, `-3`… suffix.
pub fn entry_page_names(report: &Report) -> Vec<String> {
    let mut taken = HashSet::new();
    report
        .entries
        .iter()
        .map(|entry| {
            let stem = escape::file_stem(&entry.id);
            let mut name = stem.clone();
            let mut n = 1;
            while !taken.insert(name.to_lowercase()) {
                n += 1;
                name = format!("{stem}-{n}");
            }
            format!("entries/{name}.html")
        })
        .collect()
}

/// A whole HTML document around `body`, with the style, the optional script and a CSP that
/// admits exactly those two by hash.
pub(crate) fn document(lang: Lang, title: &str, body: &str, script: Option<&str>) -> String {
    document_with_class(lang, title, body, script, "")
}

/// [`document`] with a class on `<body>` (the dashboard prints A4 landscape).
pub(crate) fn document_with_class(
    lang: Lang,
    title: &str,
    body: &str,
    script: Option<&str>,
    class: &str,
) -> String {
    let style_hash = csp_hash(STYLE);
    let script_src = match script {
        Some(js) => format!("'{}'", csp_hash(js)),
        None => "'none'".to_string(),
    };
    let mut html = String::with_capacity(body.len() + STYLE.len() + 2048);
    html.push_str("<!DOCTYPE html>\n");
    html.push_str(&format!(
        "<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        lang.pick("vi", "en")
    ));
    html.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src '{style_hash}'; script-src {script_src}; img-src data:; base-uri 'none'; \
         form-action 'none'\">\n"
    ));
    html.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    html.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    html.push_str(&format!("<title>{}</title>\n", escape::html(title)));
    if class.is_empty() {
        html.push_str(&format!("<style>{STYLE}</style>\n</head>\n<body>\n"));
    } else {
        html.push_str(&format!(
            "<style>{STYLE}</style>\n</head>\n<body class=\"{}\">\n",
            escape::html(class)
        ));
    }
    html.push_str(body);
    if let Some(js) = script {
        html.push_str(&format!("<script>{js}</script>\n"));
    }
    html.push_str("</body>\n</html>\n");
    html
}

/// `sha256-<base64>` of a style or script element's text, as CSP wants it.
fn csp_hash(text: &str) -> String {
    format!("sha256-{}", base64(&Sha256::digest(text.as_bytes())))
}

/// Standard base64 with padding (RFC 4648), enough for CSP hashes without another crate.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A small inline SVG bar for a share (SVG attributes, not `style=`, so the CSP holds).
pub(crate) fn share_bar(share: Option<f64>, band: &str) -> String {
    let width = share
        .filter(|s| s.is_finite())
        .map_or(0.0, |s| s.clamp(0.0, 1.0) * 100.0);
    format!(
        "<svg class=\"bar\" viewBox=\"0 0 100 6\" preserveAspectRatio=\"none\" aria-hidden=\"true\">\
         <rect class=\"track\" width=\"100\" height=\"6\"/><rect class=\"fill {band}\" width=\"{width:.1}\" height=\"6\"/></svg>"
    )
}

/// Shared look of every page: readable on screen, clean on paper (A4, colours kept).
pub(crate) const STYLE: &str = r#"
:root{--ink:#1f2933;--muted:#5f6b7a;--line:#d9dee5;--bg:#f5f7fa;--card:#fff;--accent:#1d4e89;
--green:#1e7b45;--green-bg:#e3f4ea;--amber:#9a6200;--amber-bg:#fdf1d8;--red:#b42318;--red-bg:#fde7e5;--grey-bg:#eceff3}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 "Segoe UI","Noto Sans","Liberation Sans",Arial,sans-serif;color:var(--ink);background:var(--bg)}
header.top{background:var(--accent);color:#fff;padding:18px 28px}
header.top h1{margin:0;font-size:22px;font-weight:600}
header.top .sub{opacity:.85;font-size:13px;margin-top:4px}
header.top a{color:#fff}
main{padding:20px 28px;max-width:1500px;margin:0 auto}
section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin:0 0 18px}
section h2{margin:0 0 12px;font-size:17px;color:var(--accent)}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin-bottom:18px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:130px}
.card .n{font-size:26px;font-weight:700}
.card .l{font-size:12px;color:var(--muted)}
.card.fail .n{color:var(--red)}.card.pass .n{color:var(--green)}.card.warn .n{color:var(--amber)}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:7px 9px;border-bottom:1px solid var(--line)}
th{font-size:12px;text-transform:uppercase;letter-spacing:.02em;color:var(--muted);background:#fafbfc;position:sticky;top:0}
th button{all:unset;cursor:pointer}
th button::after{content:" \2195";opacity:.4}
th[aria-sort=ascending] button::after{content:" \2191";opacity:1}
th[aria-sort=descending] button::after{content:" \2193";opacity:1}
tbody tr:hover{background:#f8fafc}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.small{font-size:12px;color:var(--muted)}
.file{font-size:12px;color:var(--muted);word-break:break-all}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;white-space:nowrap}
.badge.pass{background:var(--green-bg);color:var(--green)}
.badge.fail{background:var(--red-bg);color:var(--red)}
.badge.cannot-tell{background:var(--grey-bg);color:var(--muted)}
.chip{display:inline-block;margin:1px 3px 1px 0;padding:0 6px;border-radius:4px;font-size:11.5px;border:1px solid var(--line);background:#fff;white-space:nowrap}
.chip.flag{border-color:#f3b4ad;background:var(--red-bg);color:var(--red)}
.chip.fail{border-color:#f3b4ad;color:var(--red)}
.chip.cannot-tell{color:var(--muted)}
.chip.ok{color:var(--green);border-color:#b9e2c8}
.fwd{display:block;font-size:11.5px;color:var(--green);margin-top:3px}
.pct{font-weight:700}
.pct.green{color:var(--green)}.pct.amber{color:var(--amber)}.pct.red{color:var(--red)}
svg.bar{display:block;width:110px;height:6px;margin-top:3px}
td.num svg.bar{margin-left:auto}
svg.bar .track{fill:var(--grey-bg)}
svg.bar .fill.green{fill:var(--green)}svg.bar .fill.amber{fill:#d69200}svg.bar .fill.red{fill:var(--red)}
.filters{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin-bottom:12px}
.filters input[type=search]{min-width:260px;padding:6px 10px;border:1px solid var(--line);border-radius:6px;font:inherit}
.filters select{padding:5px 8px;border:1px solid var(--line);border-radius:6px;font:inherit;background:#fff}
.filters label{font-size:13px}
.note{font-size:13px;color:var(--muted)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}
dl.facts dt{color:var(--muted);font-size:13px}
dl.facts dd{margin:0}
.summary{display:flex;gap:24px;flex-wrap:wrap;align-items:flex-start}
.summary .big{font-size:44px;font-weight:700;line-height:1}
.summary .big.green{color:var(--green)}.summary .big.amber{color:var(--amber)}.summary .big.red{color:var(--red)}
.error-box{border-left:4px solid var(--red);background:var(--red-bg);padding:10px 14px;border-radius:4px}
.error-box p{margin:4px 0}
.warning-box{border:2px solid var(--red);background:var(--red-bg);color:var(--red);padding:12px 16px;border-radius:6px;margin:0 0 18px;font-size:15px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.warning-box .small{color:var(--ink)}
.corpus{margin:0 0 14px}
.code{font-size:11px;color:var(--muted);font-family:"Liberation Mono",Consolas,monospace}
.headline{max-width:420px}
.headline .mid{font-size:30px;font-weight:700;line-height:1.1}
.headline .explain{font-size:12.5px;color:var(--muted);margin:6px 0 0}
ins{text-decoration:none;background:#fff;outline:1.5px solid var(--red);border-radius:2px;color:var(--red);font-weight:600;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.sub2{font-size:12px;color:var(--muted)}
.chip.warn{border-color:#f0d29b;background:var(--amber-bg);color:var(--amber)}
.badge.resubmit{background:var(--amber-bg);color:var(--amber)}
ul.flags{margin:0;padding-left:18px}
ul.flags li{margin:3px 0}
.swatch{display:inline-block;width:12px;height:12px;border-radius:3px;vertical-align:-1px;margin-right:6px}
.fulltext{white-space:pre-wrap;font-family:"Liberation Serif","Times New Roman",serif;font-size:15.5px;line-height:1.7;max-width:900px}
mark{border-radius:2px;padding:0 1px;color:inherit;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.excluded{background:repeating-linear-gradient(135deg,#eef0f3 0 6px,#e2e6eb 6px 12px);color:#6b7480;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:14px;margin:8px 0 16px;break-inside:avoid}
.pair>div{border:1px solid var(--line);border-radius:6px;padding:8px 12px;white-space:pre-wrap;font-family:"Liberation Serif","Times New Roman",serif;font-size:14.5px}
.pair .cap{font-family:inherit;font-size:11.5px;color:var(--muted);display:block;margin-bottom:4px;white-space:normal}
.legend span{margin-right:14px;font-size:13px}
.swatch.excluded{border:1px solid #aab2bd}
.downloads{font-size:13px;margin:0 0 14px}
td.area{min-width:150px;font-size:13px}
td.title{min-width:220px}
.pager{display:flex;gap:24px;justify-content:center;font-size:14px}
.fulltext,.pair>div{overflow-wrap:anywhere}
td{overflow-wrap:break-word}
.src-0{background:#ffe08a}.src-1{background:#a9d8ff}.src-2{background:#ffb3c1}.src-3{background:#b8ecb0}.src-4{background:#d7c2ff}
.src-5{background:#ffc98f}.src-6{background:#9fe6df}.src-7{background:#f5b8f0}.src-8{background:#d9e58f}.src-9{background:#c7ccd4}
.swatch.src-0,.swatch.src-1,.swatch.src-2,.swatch.src-3,.swatch.src-4,.swatch.src-5,.swatch.src-6,.swatch.src-7,.swatch.src-8,.swatch.src-9{-webkit-print-color-adjust:exact;print-color-adjust:exact}
footer{color:var(--muted);font-size:12px;padding:0 28px 24px;max-width:1500px;margin:0 auto}
@page{size:A4;margin:14mm}
@page dashboard{size:A4 landscape;margin:10mm}
@media print{
body{background:#fff;font-size:10.5pt}
body.dashboard{page:dashboard;font-size:8.5pt}
header.top{background:#fff;color:var(--ink);border-bottom:2px solid var(--accent);padding:0 0 8px}
header.top a,.no-print,.filters{display:none!important}
main{padding:0;max-width:none}
section{border:none;padding:0;margin:0 0 12px;break-inside:auto}
section h2{break-after:avoid}
th{position:static;text-transform:none;letter-spacing:0}
th button{all:unset}
th button::after,th[aria-sort] button::after{content:none!important}
tr,.pair,.card{break-inside:avoid}
thead{display:table-header-group}
a{color:inherit;text-decoration:none}
.cards{gap:6px;margin-bottom:10px}
.card{padding:4px 10px;min-width:0}
.card .n{font-size:16px}
body.dashboard table#entries{table-layout:fixed;width:100%}
body.dashboard #entries th,body.dashboard #entries td{padding:3px 4px;overflow-wrap:normal;word-break:normal;hyphens:manual}
body.dashboard #entries .file,body.dashboard svg.bar{display:none}
body.dashboard #entries col.c-id{width:6%}
body.dashboard #entries col.c-title{width:23%}
body.dashboard #entries col.c-unit{width:14%}
body.dashboard #entries col.c-area{width:13%}
body.dashboard #entries col.c-pct{width:10%}
body.dashboard #entries col.c-checks{width:9%}
body.dashboard #entries col.c-flags{width:13%}
body.dashboard #entries col.c-verdict{width:12%}
body.dashboard td.num{white-space:normal}
body.dashboard td.area,body.dashboard .small,body.dashboard .sub2{font-size:inherit}
td.title,td.area{min-width:0}
.chip,.badge{white-space:normal}
}
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::model::EntryReport;

    #[test]
    fn base64_matches_rfc_4648() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn page_names_are_safe_and_unique() {
        let mut report = Report::new("p", "t");
        for id in ["A", "a", "../x", "A"] {
            report.entries.push(EntryReport {
                id: id.into(),
                ..EntryReport::default()
            });
        }
        assert_eq!(
            entry_page_names(&report),
            vec![
                "entries/A.html",
                "entries/a-2.html",
                "entries/___x.html",
                "entries/A-3.html"
            ]
        );
    }

    #[test]
    fn csp_admits_only_the_inline_style_and_script() {
        let page = document(Lang::Vi, "t", "<p>x</p>", Some("var a=1;"));
        assert!(page.contains(&format!("script-src '{}'", csp_hash("var a=1;"))));
        assert!(page.contains(&format!("style-src '{}'", csp_hash(STYLE))));
        assert!(page.contains("default-src 'none'"));
        let no_js = document(Lang::En, "t", "", None);
        assert!(no_js.contains("script-src 'none'"));
        assert!(no_js.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    }
}
