//! Tests that keep every word a person reads in `src/vocab`. No file under `src/check/` holds a
//! string literal in Vietnamese (a letter with a diacritic) outside its tests, except
//!
//! - a quotation of a contest plan cited by its section ("Lạng Sơn III.3.a \"…\""), which is
//!   what `Rule::plan` returns: the plan is Vietnamese whatever the reader's language;
//! - the data lists named in [`DATA_ITEMS`] (province names an address is matched against).
//!
//! Elsewhere in `src/`, only the files of [`DATA_FILES`] may: their Vietnamese is data soloai
//! reads texts with (legal patterns, stop words, unit kinds) or a fixed Vietnamese form it
//! writes (the manifest template, amounts in words), each with its reason.
//!
//! The files are read from the source tree and lexed just enough to tell code from comments,
//! string literals (plain, raw, byte), char literals and lifetimes, and to leave out items under
//! `#[cfg(test)]` or `#[cfg(all(test, …))]` (and the files of `#[cfg(test)] mod name;`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

/// `const` items whose literals are data a rule reads documents with, not words it says.
const DATA_ITEMS: &[(&str, &str, &str)] = &[
    (
        "eligibility/eligible_author.rs",
        "PROVINCES",
        "province names, to recognise an address in another province",
    ),
    (
        "eligibility/eligible_author.rs",
        "CITIES",
        "centrally-run city names, same use",
    ),
];

#[derive(Debug, PartialEq)]
enum Tok {
    Str { line: usize, text: String },
    Word(String),
    Punct(char),
}

/// Tokens of Rust source: string literals (with their line), identifiers and punctuation;
/// comments, whitespace, numbers, char literals and lifetimes are dropped.
fn lex(src: &str) -> Vec<Tok> {
    let chars: Vec<char> = src.chars().collect();
    let mut toks = Vec::new();
    let mut line = 1;
    let mut i = 0;
    // Everything from `from` up to `to` is consumed: count its line breaks.
    let lines_in = |from: usize, to: usize| chars[from..to].iter().filter(|c| **c == '\n').count();
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let start = i;
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if c == '"' {
            let mut text = String::new();
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    text.push(chars[i]);
                    i += 1;
                }
                if i < chars.len() {
                    text.push(chars[i]);
                    i += 1;
                }
            }
            i += 1;
            toks.push(Tok::Str { line, text });
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && {
            // r"…" or r#"…"#, but not an identifier starting with r followed by `#`.
            let mut j = i + 1;
            while chars.get(j) == Some(&'#') {
                j += 1;
            }
            chars.get(j) == Some(&'"')
        } {
            let mut hashes = 0;
            i += 1;
            while chars[i] == '#' {
                hashes += 1;
                i += 1;
            }
            i += 1;
            let body = i;
            loop {
                if i >= chars.len() {
                    break;
                }
                if chars[i] == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) {
                    break;
                }
                i += 1;
            }
            let text: String = chars[body..i.min(chars.len())].iter().collect();
            i += 1 + hashes;
            toks.push(Tok::Str { line, text });
        } else if c == '\'' {
            // A char literal ('a', '\'', '\u{1F}') or a lifetime ('a, 'static).
            if next == Some('\\') {
                // Past the quote, the backslash and the escaped char.
                i += 3;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
        } else if c.is_alphabetic() || c == '_' {
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            // b"…" is a byte string: the next token is its literal.
            toks.push(Tok::Word(word));
        } else if c.is_ascii_digit() {
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
        } else {
            if !c.is_whitespace() {
                toks.push(Tok::Punct(c));
            }
            i += 1;
        }
        line += lines_in(start, i.min(chars.len()));
    }
    toks
}

/// The string literals of a file outside `#[cfg(test)]` items and the named data items, and
/// the modules it declares under `#[cfg(test)]` (`mod testing;`).
fn code_literals(
    src: &str,
    data_items: &[&str],
) -> (Vec<(usize, String)>, Vec<String>, Vec<String>) {
    let toks = lex(src);
    let mut out = Vec::new();
    let mut test_mods = Vec::new();
    let mut data_seen = Vec::new();
    let cfg = [
        Tok::Punct('#'),
        Tok::Punct('['),
        Tok::Word("cfg".into()),
        Tok::Punct('('),
    ];
    // `#[cfg(test)]`, `#[cfg(all(test, unix))]`: the attribute's length when it names `test`
    // (and no `not`).
    let test_attribute = |at: usize| -> Option<usize> {
        if !toks[at..].starts_with(&cfg) {
            return None;
        }
        let end = toks[at..].iter().position(|t| *t == Tok::Punct(']'))?;
        let inside = &toks[at..at + end];
        let names = |w: &str| inside.iter().any(|t| *t == Tok::Word(w.into()));
        (names("test") && !names("not")).then_some(end + 1)
    };
    let mut i = 0;
    while i < toks.len() {
        let test_len = test_attribute(i);
        let is_test = test_len.is_some();
        let data = match (&toks[i], toks.get(i + 1)) {
            (Tok::Word(k), Some(Tok::Word(name)))
                if k == "const" && data_items.contains(&name.as_str()) =>
            {
                data_seen.push(name.clone());
                true
            }
            _ => false,
        };
        if !is_test && !data {
            if let Tok::Str { line, text } = &toks[i] {
                out.push((*line, text.clone()));
            }
            i += 1;
            continue;
        }
        // Skip the item: up to `;` outside brackets, or to the `}` closing its body.
        if let Some(len) = test_len {
            i += len;
        }
        let mut depth = 0i32;
        let mut module = None;
        while i < toks.len() {
            match &toks[i] {
                Tok::Word(w) if w == "mod" => {
                    if let Some(Tok::Word(name)) = toks.get(i + 1) {
                        module = Some(name.clone());
                    }
                }
                Tok::Punct('(' | '[' | '{') => depth += 1,
                Tok::Punct(')' | ']') => depth -= 1,
                Tok::Punct('}') => {
                    depth -= 1;
                    if depth == 0 {
                        i += 1;
                        break;
                    }
                }
                Tok::Punct(';') if depth == 0 => {
                    if is_test && let Some(m) = module.take() {
                        test_mods.push(m);
                    }
                    i += 1;
                    break;
                }
                _ => {}
            }
            i += 1;
        }
    }
    (out, test_mods, data_seen)
}

/// A letter with a Vietnamese (or any) diacritic, or đ.
fn has_diacritic(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c, 'đ' | 'Đ')
            || (!c.is_ascii()
                && c.is_alphabetic()
                && c.nfd().next().is_some_and(|b| b.is_ascii_alphabetic()))
    })
}

/// A plan quotation as `Rule::plan` gives it: "Lạng Sơn III.3.a \"…\"", "Hưng Yên II.3 …".
fn is_plan_quote(s: &str) -> bool {
    ["Lạng Sơn ", "Hưng Yên "].iter().any(|plan| {
        s.strip_prefix(plan).is_some_and(|rest| {
            let section: String = rest
                .chars()
                .take_while(|c| matches!(c, 'I' | 'V' | 'X'))
                .collect();
            !section.is_empty() && rest[section.len()..].starts_with('.')
        })
    })
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut items: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    items.sort();
    for p in items {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn check_sources_hold_no_vietnamese_words() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/check");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut skip = BTreeSet::new();
    let mut found = Vec::new();
    let mut plan_quotes = 0;
    let mut data_seen = BTreeSet::new();
    let mut scanned = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&root).expect("under src/check");
        let rel_text = rel.to_string_lossy().replace('\\', "/");
        let data: Vec<&str> = DATA_ITEMS
            .iter()
            .filter(|(f, _, _)| *f == rel_text)
            .map(|(_, name, _)| *name)
            .collect();
        let src = std::fs::read_to_string(file).expect("readable source");
        let (literals, test_mods, seen) = code_literals(&src, &data);
        data_seen.extend(seen.into_iter().map(|n| (rel_text.clone(), n)));
        // `mod testing;` in rules/mod.rs is rules/testing.rs; in foo.rs it is foo/testing.rs.
        let base = if file.file_name().is_some_and(|n| n == "mod.rs") {
            file.parent().expect("a parent").to_path_buf()
        } else {
            file.with_extension("")
        };
        for m in test_mods {
            skip.insert(base.join(format!("{m}.rs")));
            skip.insert(base.join(m).join("mod.rs"));
        }
        scanned.push((file.clone(), rel_text, literals));
    }
    for (file, rel, literals) in scanned {
        if skip.contains(&file) {
            continue;
        }
        for (line, text) in literals {
            if !has_diacritic(&text) {
                continue;
            }
            if is_plan_quote(&text) {
                plan_quotes += 1;
                continue;
            }
            found.push(format!("src/check/{rel}:{line}: \"{text}\""));
        }
    }
    assert!(
        files.len() >= 20,
        "too few files under src/check: {}",
        files.len()
    );
    // Every rule quotes its plan: the scan saw them, so it is reading the code.
    assert!(plan_quotes >= 15, "only {plan_quotes} plan quotations seen");
    for (file, name, why) in DATA_ITEMS {
        assert!(
            data_seen.contains(&(file.to_string(), name.to_string())),
            "allow-listed data item {name} ({why}) is no longer in src/check/{file}: remove it from DATA_ITEMS"
        );
    }
    assert!(
        found.is_empty(),
        "Vietnamese words in src/check (move them into src/vocab, Words.rules):\n{}",
        found.join("\n")
    );
}

/// Files outside `src/check/` and `src/vocab/` whose Vietnamese literals are data soloai
/// reads documents with or writes as fixed Vietnamese forms, not words it says to a reader.
const DATA_FILES: &[(&str, &str)] = &[
    (
        "compare/detect/verify.rs",
        "legal headings (Điều, Chương) found in texts",
    ),
    (
        "compare/exclude.rs",
        "legal citation and formula patterns found in texts",
    ),
    ("compare/paraphrase.rs", "the stop-word list"),
    ("compare/synth.rs", "the test-text generator's Vietnamese"),
    (
        "extract/pdf/layout.rs",
        "the page-number pattern (trang 2/5)",
    ),
    ("index/analyzer.rs", "the analyzer's stop words"),
    ("index/mod.rs", "area letters (đ) read from front matter"),
    (
        "manifest/mod.rs",
        "manifest cell words matched (nội dung, đ) and the headers a missing column names",
    ),
    (
        "manifest/template.rs",
        "the manifest template's Vietnamese headers and help row",
    ),
    (
        "manifest/unit_kind.rs",
        "unit kind words matched in unit names",
    ),
    ("manifest/units.rs", "the units.csv header"),
    ("normalize/syllable.rs", "syllable tables"),
    ("profile/area.rs", "area letters (đ) read from profiles"),
    (
        "profile/keys.rs",
        "the plans' own terms quoted in the keys' help",
    ),
    (
        "report/minutes/mod.rs",
        "the minutes' symbol (BB-HĐSL), a form of Decree 30",
    ),
    (
        "report/sources.rs",
        "legal document titles and place names found in sources",
    ),
    (
        "scoring/money.rs",
        "amounts in Vietnamese words (bằng chữ), as the papers must write them",
    ),
    (
        "scoring/sheet.rs",
        "the scoring sheet's tab name, which identifies our sheets",
    ),
    (
        "serve/council_file.rs",
        "the comment heading council.toml, Vietnamese as the template is",
    ),
];

#[test]
fn sources_outside_vocab_hold_no_user_words() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut found = Vec::new();
    let mut data_seen = BTreeSet::new();
    let mut scanned = 0;
    for file in &files {
        let rel = file
            .strip_prefix(&root)
            .expect("under src")
            .to_string_lossy()
            .replace('\\', "/");
        if rel.starts_with("vocab/") || rel.starts_with("check/") {
            continue;
        }
        scanned += 1;
        let src = std::fs::read_to_string(file).expect("readable source");
        let (literals, _, _) = code_literals(&src, &[]);
        let vietnamese: Vec<(usize, String)> = literals
            .into_iter()
            .filter(|(_, text)| has_diacritic(text) && !is_plan_quote(text))
            .collect();
        if vietnamese.is_empty() {
            continue;
        }
        if DATA_FILES.iter().any(|(f, _)| *f == rel) {
            data_seen.insert(rel);
            continue;
        }
        found.extend(
            vietnamese
                .into_iter()
                .map(|(line, text)| format!("src/{rel}:{line}: \"{text}\"")),
        );
    }
    assert!(scanned >= 100, "too few files scanned: {scanned}");
    for (file, why) in DATA_FILES {
        assert!(
            data_seen.contains(*file),
            "src/{file} ({why}) holds no Vietnamese literal any more: remove it from DATA_FILES"
        );
    }
    assert!(
        found.is_empty(),
        "Vietnamese words outside src/vocab (move them into Words, vi.rs and en.rs):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_lexer_tells_code_from_comments_tests_and_data() {
    let src = r##"
// "Chú thích" in a comment
/* "khối /* lồng */ chú thích" */
const PROVINCES: &[&str] = &["Lạng Sơn", "Hà Nội"];
fn f<'a>(x: &'a str) -> String {
    let q = '"';
    let e = '\'';
    let raw = r#"thô "có" dấu"#;
    format!("Kết quả {x}{q}{e}{raw}")
}
/// "Tài liệu" in a doc comment
fn g() -> &'static str { "Lạng Sơn III.4 \"trích\"" }
#[cfg(test)]
mod testing;
#[cfg(test)]
mod tests {
    fn t() { let s = "kiểm thử"; }
}
fn h() -> &'static str { b"ascii"; "sau kiểm thử" }
#[cfg(all(test, unix))]
mod unix_tests { fn u() { let s = "kiểm thử unix"; } }
#[cfg(not(test))]
fn k() -> &'static str { "ngoài kiểm thử" }
"##;
    let (literals, test_mods, data_seen) = code_literals(src, &["PROVINCES"]);
    let texts: Vec<(usize, &str)> = literals.iter().map(|(l, t)| (*l, t.as_str())).collect();
    assert_eq!(
        texts,
        vec![
            (8, "thô \"có\" dấu"),
            (9, "Kết quả {x}{q}{e}{raw}"),
            (12, "Lạng Sơn III.4 \\\"trích\\\""),
            (19, "ascii"),
            (19, "sau kiểm thử"),
            (23, "ngoài kiểm thử"),
        ]
    );
    assert_eq!(test_mods, vec!["testing".to_string()]);
    assert_eq!(data_seen, vec!["PROVINCES".to_string()]);
    assert!(has_diacritic("sau kiểm thử") && has_diacritic("đ") && !has_diacritic("ascii …"));
    assert!(is_plan_quote("Lạng Sơn III.4 \"…\"") && !is_plan_quote("Lạng Sơn"));
}
